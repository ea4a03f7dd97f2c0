import { Types } from 'mongoose';
import type { RegisteredWrite } from './write-register';

/**
 * A consequence of a write (audit entry, current stage, follow-up scheduling, snapshot
 * invalidation, …) waiting in the record it follows from. The write that makes it due stores it in
 * the same document write; it is then applied and removed. A crash between the two leaves it in
 * the record, where the next sweep finds it. Its `_id` names it for good: an applier that creates
 * something may use it as that thing's id, so applying it again creates nothing new.
 */
export type PendingConsequence<A = unknown> = {
  _id: Types.ObjectId;
  kind: string;
  args: A;
  /** When it became due (the sweep leaves young ones to the writer that is applying them). */
  at: Date;
};

/** One consequence handed to its kind's applier, with the record it belongs to. */
export type DueConsequence<A = unknown> = {
  id: Types.ObjectId;
  recordId: unknown;
  /** The model name of the record it is stored in. */
  source: string;
  args: A;
};

/**
 * Consequences an applier stored in records it wrote (each already in its record, so a stop
 * leaves them for the sweep), handed back to be applied with the rest of the pass that runs it:
 * merged into the later kinds' batches and removed in the pass's clearing write of their model.
 */
export type FollowOn = {
  model: { modelName: string };
  records: { _id: unknown; pendingConsequences?: PendingConsequence[] | null }[];
  /** The register entries of the writes of those records: finished once the pass cleared them. */
  registered?: RegisteredWrite[];
};

/**
 * Applies a batch of consequences of one kind. Must be idempotent: a consequence can be applied
 * again after a crash or by a sweep racing the writer, and must then change nothing. May return
 * the consequences it stored in records it wrote (see FollowOn).
 */
export type ConsequenceApplier<A> = (
  due: DueConsequence<A>[],
) => Promise<void | FollowOn | FollowOn[]>;

type Kind = { name: string; order: number; apply: ConsequenceApplier<unknown> };

const kinds = new Map<string, Kind>();

/**
 * Stages of application: kinds of a lower stage are applied first (a record's derived fields before
 * the account's stage computed from them, both before the events that announce them).
 */
export const CONSEQUENCE_ORDER = { audit: 0, derived: 10, stage: 20, events: 30 } as const;

/** Declares a kind of consequence and how a batch of them is applied; once per kind, at load. */
export function registerConsequenceKind<A>(
  name: string,
  order: number,
  apply: ConsequenceApplier<A>,
): void {
  if (kinds.has(name)) throw new Error(`consequence kind ${name} registered twice`);
  kinds.set(name, { name, order, apply: apply as ConsequenceApplier<unknown> });
}

/** The kind of a pending consequence; unknown kinds are an error (a module was not loaded). */
export function consequenceKind(name: string): Kind {
  const kind = kinds.get(name);
  if (!kind) throw new Error(`unknown consequence kind ${name}`);
  return kind;
}

/** A new pending consequence of a registered kind, to store with the write that makes it due. */
export function consequence<A>(kind: string, args: A): PendingConsequence<A> {
  consequenceKind(kind);
  return { _id: new Types.ObjectId(), kind, args, at: new Date() };
}
