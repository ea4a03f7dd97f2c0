import DataLoader from 'dataloader';
import type { Actor } from '../auth/actor';
import { findNodes } from './node.service';
import type { NodeRow } from './node-sources';

/** Nodes by global id for the caller: every `node`/`nodes` of a request tick in one batch. */
export function createNodesById(actor: Actor | null): DataLoader<string, NodeRow | null> {
  return new DataLoader((ids) => findNodes(actor, ids));
}
