import type { Types } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type FollowOn,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { applyFollowOns } from '../consequences/pending-consequences';

/**
 * Consequences of a write that other modules attach to, without the writing module importing them
 * (follow-up cadence, scorecard snapshot invalidation). Handlers must be idempotent: a replayed
 * event, or a sweep that re-derives the same consequence, must not duplicate anything.
 */
export type LifecycleEvents = {
  /** An activation order reached ACTIVATED. */
  activationCompleted: {
    orderId: Types.ObjectId;
    accountId: Types.ObjectId;
    branchCode: string;
    activatedAt: Date;
  };
  /** A fault ticket reached CLOSED (customer confirmed). */
  faultTicketClosed: {
    ticketId: Types.ObjectId;
    accountId: Types.ObjectId;
    branchCode: string;
    closedAt: Date;
  };
  /** A complaint was resolved (its `resolution`-th resolution, counting from 1), or that time moved. */
  complaintResolved: {
    complaintId: Types.ObjectId;
    accountId: Types.ObjectId;
    branchCode: string;
    resolution: number;
    resolvedAt: Date;
  };
  /** A record that scorecards measure was written: the instants of its measured events. */
  measuredRecordWritten: { branchCode: string; eventTimes: Date[] };
};

type Events<K extends keyof LifecycleEvents> = LifecycleEvents[K][];
// Every handler works on a batch: a bulk import emits a batch's events at once, so a consequence
// can be written with one bulk operation instead of one round trip per record. A handler that
// writes records with consequences stored in them may hand those back (FollowOn) instead of
// applying them: the pass applying the event applies them with its own (see applyPending).
type BatchHandler<K extends keyof LifecycleEvents> = (
  events: Events<K>,
) => Promise<void | FollowOn>;

const handlers: { [K in keyof LifecycleEvents]: BatchHandler<K>[] } = {
  activationCompleted: [],
  faultTicketClosed: [],
  complaintResolved: [],
  measuredRecordWritten: [],
};

/** Attaches a consequence handled event by event; called once at module load. */
export function onLifecycle<K extends keyof LifecycleEvents>(
  name: K,
  handler: (event: LifecycleEvents[K]) => Promise<void>,
): void {
  handlers[name].push(async (events) => {
    for (const event of events) await handler(event);
  });
}

/**
 * Attaches a consequence handled a batch at a time (one bulk write for many events); it may hand
 * back the consequences stored in the records it wrote, to be applied by the caller.
 */
export function onLifecycleBatch<K extends keyof LifecycleEvents>(
  name: K,
  handler: BatchHandler<K>,
): void {
  handlers[name].push(handler);
}

// Runs every handler of a batch of events, in registration order; returns what they handed back.
async function runHandlers<K extends keyof LifecycleEvents>(
  name: K,
  events: Events<K>,
): Promise<FollowOn[]> {
  const followOns: FollowOn[] = [];
  if (events.length === 0) return followOns;
  for (const handler of handlers[name]) {
    const followOn = await handler(events);
    if (followOn) followOns.push(followOn);
  }
  return followOns;
}

/** Runs every consequence of a batch of events, in registration order, after the writes succeeded. */
export async function emitLifecycleBatch<K extends keyof LifecycleEvents>(
  name: K,
  events: Events<K>,
): Promise<void> {
  await applyFollowOns(await runHandlers(name, events));
}

/** Runs every consequence of one event, after the write itself succeeded. */
export function emitLifecycle<K extends keyof LifecycleEvents>(
  name: K,
  event: LifecycleEvents[K],
): Promise<void> {
  return emitLifecycleBatch(name, [event]);
}

// Instants of one branch announced once: a batch of a thousand records invalidates once per branch.
function mergeMeasured(events: Events<'measuredRecordWritten'>): Events<'measuredRecordWritten'> {
  const byBranch = new Map<string, Map<number, Date>>();
  for (const { branchCode, eventTimes } of events) {
    const times = byBranch.get(branchCode) ?? new Map<number, Date>();
    for (const at of eventTimes) times.set(new Date(at).getTime(), new Date(at));
    byBranch.set(branchCode, times);
  }
  return [...byBranch].map(([branchCode, times]) => ({
    branchCode,
    eventTimes: [...times.values()],
  }));
}

const merges: { [K in keyof LifecycleEvents]?: (events: Events<K>) => Events<K> } = {
  measuredRecordWritten: mergeMeasured,
};

// Every event is also a kind of pending consequence (`lifecycle:<event>`): a write stores the
// event with itself, and the handlers run when it is applied (handlers are idempotent).
for (const name of Object.keys(handlers) as (keyof LifecycleEvents)[]) {
  registerConsequenceKind<LifecycleEvents[typeof name]>(
    `lifecycle:${name}`,
    CONSEQUENCE_ORDER.events,
    async (due) => {
      const events = due.map((item) => item.args) as Events<typeof name>;
      const merge = merges[name] as ((e: typeof events) => typeof events) | undefined;
      return runHandlers(name, merge ? merge(events) : events);
    },
  );
}

/** A lifecycle event as a pending consequence of the write that causes it. */
export function lifecycleConsequence<K extends keyof LifecycleEvents>(
  name: K,
  event: LifecycleEvents[K],
): PendingConsequence<LifecycleEvents[K]> {
  return consequence(`lifecycle:${name}`, event);
}
