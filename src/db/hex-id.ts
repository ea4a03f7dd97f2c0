import mongoose from 'mongoose';

/**
 * A document's `_id` as hex, kept on the document under this symbol by the reads that have it at
 * hand already: an account's list keys its records by it, a branch's directory its accounts, a
 * kept account's read finds it in the bytes. bson 7 builds every hex anew from twelve pieces, and
 * a province screen converted the same hundred accounts' ids some 2 000 times. BSON and JSON leave
 * symbols out, so it is never written.
 */
export const HEX_ID = Symbol('hex id');

/** A document that may carry its id's hex (see `HEX_ID`). */
export type WithHexId = { _id: unknown; [HEX_ID]?: string };

/** The hex of `doc._id`: the one kept on the document, else converted. */
export const hexIdOf = (doc: WithHexId): string => doc[HEX_ID] ?? String(doc._id);

const { BSON } = mongoose.mongo;

// The type, place and size of a stored document's top-level `_id` value, found without decoding
// the document: at once where it is the first field (as the driver writes it), else by listing the
// fields (the stand-in keeps fields in the order written, not always `_id` first); null for none.
function idElementIn(bytes: Uint8Array): [type: number, offset: number, size: number] | null {
  if (bytes[4] === 0x07 && isIdName(bytes, 5) && bytes[8] === 0) return [0x07, 9, 12];
  for (const [type, name, length, offset, size] of BSON.onDemand.parseToElements(bytes)) {
    if (length === 3 && isIdName(bytes, name)) return [type, offset, size];
  }
  return null;
}

/** The hex of a stored document's `_id` where it is an ObjectId (see `idElementIn`); null else. */
export function hexIdInBytes(bytes: Uint8Array): string | null {
  const id = idElementIn(bytes);
  return id?.[0] === 0x07 ? hexAt(bytes, id[1]) : null;
}

/** A stored document's `_id` where it is a string (e.g. a branch code); null else. */
export function textIdInBytes(bytes: Uint8Array): string | null {
  const id = idElementIn(bytes);
  // A string: its length (4 bytes), its UTF-8 bytes, a closing NUL.
  return id?.[0] === 0x02
    ? Buffer.from(bytes.buffer, bytes.byteOffset + id[1] + 4, id[2] - 5).toString('utf8')
    : null;
}

// Whether the three bytes at `at` spell `_id`.
const isIdName = (bytes: Uint8Array, at: number) =>
  bytes[at] === 0x5f && bytes[at + 1] === 0x69 && bytes[at + 2] === 0x64;

const hexAt = (bytes: Uint8Array, offset: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + offset, 12).toString('hex');
