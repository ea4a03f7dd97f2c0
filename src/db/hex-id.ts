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
