import type { Types } from 'mongoose';

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
  /** A record that scorecards measure was written: the instants of its measured events. */
  measuredRecordWritten: { branchCode: string; eventTimes: Date[] };
};

type Events<K extends keyof LifecycleEvents> = LifecycleEvents[K][];
// Every handler works on a batch: a bulk import emits a batch's events at once, so a consequence
// can be written with one bulk operation instead of one round trip per record.
type BatchHandler<K extends keyof LifecycleEvents> = (events: Events<K>) => Promise<void>;

const handlers: { [K in keyof LifecycleEvents]: BatchHandler<K>[] } = {
  activationCompleted: [],
  faultTicketClosed: [],
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

/** Attaches a consequence handled a batch at a time (one bulk write for many events). */
export function onLifecycleBatch<K extends keyof LifecycleEvents>(
  name: K,
  handler: BatchHandler<K>,
): void {
  handlers[name].push(handler);
}

/** Runs every consequence of a batch of events, in registration order, after the writes succeeded. */
export async function emitLifecycleBatch<K extends keyof LifecycleEvents>(
  name: K,
  events: Events<K>,
): Promise<void> {
  if (events.length === 0) return;
  for (const handler of handlers[name]) await handler(events);
}

/** Runs every consequence of one event, after the write itself succeeded. */
export function emitLifecycle<K extends keyof LifecycleEvents>(
  name: K,
  event: LifecycleEvents[K],
): Promise<void> {
  return emitLifecycleBatch(name, [event]);
}
