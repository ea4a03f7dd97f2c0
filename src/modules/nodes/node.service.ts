import type { Types } from 'mongoose';
import { badInput } from '../../shared/errors';
import type { Actor } from '../auth/actor';
import { parseNodeId } from './node-id';
import { COMPOSITE_SOURCES, storedNodeSources, type NodeRow } from './node-sources';

/** Most ids one `nodes` call may name (the page-size limit of every list). */
export const MAX_NODE_IDS = 100;

/**
 * Objects by global id, in the order asked; null where an id names nothing the caller may see.
 * Stored ids are looked up with one `_id $in` read per Node collection for the whole batch.
 */
export async function findNodes(
  actor: Actor | null,
  ids: readonly string[],
): Promise<(NodeRow | null)[]> {
  const parsed = ids.map(parseNodeId);
  const objectIds = parsed.flatMap((p) => (p.kind === 'stored' ? [p.objectId] : []));
  const found = new Map<string, NodeRow>();
  if (objectIds.length > 0) await findStored(actor, objectIds, found);
  return Promise.all(
    parsed.map(async (p) => {
      if (p.kind === 'stored') return found.get(p.objectId.toHexString()) ?? null;
      if (p.kind === 'invalid') return null;
      const source = COMPOSITE_SOURCES[p.typename];
      const row = source ? await source.resolve(actor, p.key) : null;
      return row ? { ...row, __typename: source!.typename } : null;
    }),
  );
}

async function findStored(
  actor: Actor | null,
  objectIds: Types.ObjectId[],
  found: Map<string, NodeRow>,
): Promise<void> {
  const perSource = await Promise.all(
    storedNodeSources().map(async (source) => {
      const rows = await source.find(actor, objectIds);
      return rows.map((row) => ({ ...row, __typename: source.typename }) as NodeRow);
    }),
  );
  for (const row of perSource.flat()) found.set(String(row._id), row);
}

/** `Query.nodes`: refuses more ids than one page holds. */
export function requireNodeIdCount(ids: readonly string[]): void {
  if (ids.length > MAX_NODE_IDS) throw badInput('ids', `at most ${MAX_NODE_IDS} ids`);
}
