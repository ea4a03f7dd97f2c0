import mongoose from 'mongoose';

const { BSON } = mongoose.mongo;

/**
 * A raw document's `_id`: an ObjectId's hex or a string's text (null for any other type, or none),
 * found among its top-level elements without decoding them. The stand-in keeps fields in the order
 * written, so `_id` is not always the first.
 */
export function rawIdOf(bytes: Uint8Array): string | null {
  for (const [type, name, length, offset, size] of BSON.onDemand.parseToElements(bytes)) {
    if (
      length !== 3 ||
      bytes[name] !== 0x5f ||
      bytes[name + 1] !== 0x69 ||
      bytes[name + 2] !== 0x64
    )
      continue;
    const at = bytes.byteOffset + offset;
    if (type === 0x07) return Buffer.from(bytes.buffer, at, 12).toString('hex');
    // A string: its length (4 bytes), its UTF-8 bytes, a closing NUL.
    if (type === 0x02) return Buffer.from(bytes.buffer, at + 4, size - 5).toString('utf8');
    return null;
  }
  return null;
}
