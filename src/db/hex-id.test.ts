import mongoose, { Types } from 'mongoose';
import { hexIdInBytes, textIdInBytes } from './hex-id';

const { BSON } = mongoose.mongo;

// A stored document's `_id` found in its bytes, wherever it stands among the fields.
describe("a document's id in its bytes", () => {
  const id = new Types.ObjectId();

  it('finds an ObjectId `_id` first or after other fields', () => {
    expect(hexIdInBytes(BSON.serialize({ _id: id, name: 'A' }))).toBe(id.toHexString());
    expect(hexIdInBytes(BSON.serialize({ name: 'A', n: 1, _id: id }))).toBe(id.toHexString());
    // A field whose name starts like `_id` is not it.
    const other = new Types.ObjectId();
    expect(hexIdInBytes(BSON.serialize({ _idx: other, _id: id }))).toBe(id.toHexString());
  });

  it('finds none where `_id` is missing or not an ObjectId', () => {
    expect(hexIdInBytes(BSON.serialize({ _id: 'A-1', name: 'A' }))).toBeNull();
    expect(hexIdInBytes(BSON.serialize({ name: 'A', _id: 7 }))).toBeNull();
    expect(hexIdInBytes(BSON.serialize({ name: 'A' }))).toBeNull();
  });

  it('finds a string `_id` (a branch code) first or after other fields, and only a string', () => {
    expect(textIdInBytes(BSON.serialize({ _id: 'HZ', accounts: {} }))).toBe('HZ');
    expect(textIdInBytes(BSON.serialize({ accounts: { a: 'x' }, _id: '杭州-1' }))).toBe('杭州-1');
    expect(textIdInBytes(BSON.serialize({ _id: id }))).toBeNull();
    expect(textIdInBytes(BSON.serialize({ name: 'HZ' }))).toBeNull();
  });

  it('reads a document inside a larger buffer at its own offset', () => {
    const doc = BSON.serialize({ _id: id });
    const buffer = new Uint8Array(doc.length + 5);
    buffer.set(doc, 5);
    expect(hexIdInBytes(buffer.subarray(5))).toBe(id.toHexString());
    const text = BSON.serialize({ n: 1, _id: 'WZ' });
    const around = new Uint8Array(text.length + 3);
    around.set(text, 3);
    expect(textIdInBytes(around.subarray(3))).toBe('WZ');
  });
});
