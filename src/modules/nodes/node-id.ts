import { Types } from 'mongoose';

/*
 * Global ids. A stored object's global id is its MongoDB ObjectId in hex, as it always was:
 * ObjectIds are unique across collections, and every id clients, imports, audit entries and
 * cadence keys already hold stays valid. Objects without an ObjectId of their own (a branch's
 * scorecard for a period) get an opaque id naming their type and natural key.
 */

const COMPOSITE_PREFIX = 'n1:';

/** The global id of an object identified by its type and natural key (not an ObjectId). */
export function compositeNodeId(typename: string, ...key: string[]): string {
  return Buffer.from(COMPOSITE_PREFIX + JSON.stringify([typename, ...key])).toString('base64url');
}

/** What a global id names: a stored object (ObjectId) or a type with its natural key. */
export type ParsedNodeId =
  | { kind: 'stored'; objectId: Types.ObjectId }
  | { kind: 'composite'; typename: string; key: string[] }
  | { kind: 'invalid' };

/** Reads a global id; anything not issued by this service is `invalid` (and names nothing). */
export function parseNodeId(id: string): ParsedNodeId {
  if (/^[0-9a-f]{24}$/.test(id)) return { kind: 'stored', objectId: new Types.ObjectId(id) };
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (!text.startsWith(COMPOSITE_PREFIX)) return { kind: 'invalid' };
  try {
    const parts: unknown = JSON.parse(text.slice(COMPOSITE_PREFIX.length));
    if (Array.isArray(parts) && parts.length > 0 && parts.every((p) => typeof p === 'string')) {
      const [typename, ...key] = parts as string[];
      return { kind: 'composite', typename: typename!, key };
    }
  } catch {
    // not ours
  }
  return { kind: 'invalid' };
}
