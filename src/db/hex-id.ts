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

/**
 * The hex of a stored document's `_id` where it is an ObjectId, found among its top-level fields
 * without decoding them: at once where it is the first field (as the driver writes it), else by
 * listing them (the stand-in keeps fields in the order written, not always `_id` first); null else.
 */
export function hexIdInBytes(bytes: Uint8Array): string | null {
  if (bytes[4] === 0x07 && isIdName(bytes, 5) && bytes[8] === 0) return hexAt(bytes, 9);
  for (const [type, name, length, offset] of BSON.onDemand.parseToElements(bytes)) {
    if (length === 3 && isIdName(bytes, name)) return type === 0x07 ? hexAt(bytes, offset) : null;
  }
  return null;
}

// Whether the three bytes at `at` spell `_id`.
const isIdName = (bytes: Uint8Array, at: number) =>
  bytes[at] === 0x5f && bytes[at + 1] === 0x69 && bytes[at + 2] === 0x64;

const hexAt = (bytes: Uint8Array, offset: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + offset, 12).toString('hex');
