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

type Handler<K extends keyof LifecycleEvents> = (event: LifecycleEvents[K]) => Promise<void>;

const handlers: { [K in keyof LifecycleEvents]: Handler<K>[] } = {
  activationCompleted: [],
  faultTicketClosed: [],
  measuredRecordWritten: [],
};

/** Attaches a consequence to an event; called once at module load. */
export function onLifecycle<K extends keyof LifecycleEvents>(name: K, handler: Handler<K>): void {
  handlers[name].push(handler);
}

/** Runs every consequence of an event, in registration order, after the write itself succeeded. */
export async function emitLifecycle<K extends keyof LifecycleEvents>(
  name: K,
  event: LifecycleEvents[K],
): Promise<void> {
  for (const handler of handlers[name]) await handler(event);
}
