import type { Types } from 'mongoose';
import { currentStage, type JourneyStage } from './journey-stage';

/** One record as the current-stage rule sees it. */
export type StageEntry = { id: Types.ObjectId; journeyAt: Date; stage: JourneyStage };

/**
 * What an account's current stage is decided from, kept per account and updated on each write:
 * per stage-moving source (by typename), its newest record and its open records.
 */
export type StageState = {
  latest: Record<string, StageEntry>;
  open: Record<string, StageEntry[]>;
};

/** A record of one source after a write: null when it no longer exists. */
export type StageRecord = StageEntry & { accountId: Types.ObjectId; open: boolean };

export const emptyStageState = (): StageState => ({ latest: {}, open: {} });

/** Newest first by journeyAt, then by id (the order the timelines use). */
export function isNewer(a: StageEntry, b: StageEntry): boolean {
  const byTime = a.journeyAt.getTime() - b.journeyAt.getTime();
  if (byTime !== 0) return byTime > 0;
  return a.id.toHexString() > b.id.toHexString();
}

const newest = (entries: readonly StageEntry[]) =>
  entries.reduce<StageEntry | undefined>(
    (best, e) => (!best || isNewer(e, best) ? e : best),
    undefined,
  );

/**
 * The current stage from the kept state, `sources` in registry order: the newest open record of
 * the first source whose newest open record is a fault stage; else any source's newest open
 * record in ACTIVATION; else the newest record of all (a tie in journeyAt goes to the earlier
 * source). The same rule and tie-breaks as when it was read from the records.
 */
export function stageOf(state: StageState, sources: readonly string[]): JourneyStage {
  const open = sources.map((source) => newest(state.open[source] ?? []));
  const latest = sources
    .map((source) => state.latest[source])
    .reduce<StageEntry | undefined>(
      (best, row) => (row && (!best || row.journeyAt > best.journeyAt) ? row : best),
      undefined,
    );
  return currentStage({
    openFaultStage:
      open.find((row) => row?.stage === 'FAULT_REPORTING' || row?.stage === 'REPAIR')?.stage ??
      null,
    hasOpenActivation: open.some((row) => row?.stage === 'ACTIVATION'),
    latestStage: latest?.stage ?? null,
  });
}

/**
 * The state after a write of record `id` of `source` (`record` as stored now, null when gone), or
 * null when it cannot be told without the records: the account's newest record of that source
 * moved back in time or left the account, so which one is newest now is unknown.
 */
export function withRecord(
  state: StageState,
  accountId: Types.ObjectId,
  source: string,
  id: Types.ObjectId,
  record: StageRecord | null,
): StageState | null {
  const belongs = record !== null && record.accountId.equals(accountId);
  const entry: StageEntry | null = belongs
    ? { id, journeyAt: record.journeyAt, stage: record.stage }
    : null;
  const open = (state.open[source] ?? []).filter((e) => !e.id.equals(id));
  if (entry && record!.open) open.push(entry);
  let latest = state.latest[source];
  if (latest?.id.equals(id)) {
    if (!entry || entry.journeyAt < latest.journeyAt) return null;
    latest = entry;
  } else if (entry && (!latest || isNewer(entry, latest))) {
    latest = entry;
  }
  const next: StageState = { latest: { ...state.latest }, open: { ...state.open } };
  if (latest) next.latest[source] = latest;
  if (open.length > 0) next.open[source] = open;
  else delete next.open[source];
  return next;
}

const sameEntry = (a: StageEntry | undefined, b: StageEntry | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.id.equals(b.id) &&
    a.journeyAt.getTime() === b.journeyAt.getTime() &&
    a.stage === b.stage);

const byId = (entries: readonly StageEntry[]) =>
  [...entries].sort((a, b) => a.id.toHexString().localeCompare(b.id.toHexString()));

/** Whether two states hold the same entries (open records in any order): nothing to store. */
export function sameState(a: StageState, b: StageState): boolean {
  const sources = new Set([...Object.keys(a.latest), ...Object.keys(b.latest)]);
  if (![...sources].every((source) => sameEntry(a.latest[source], b.latest[source]))) return false;
  const openSources = new Set([...Object.keys(a.open), ...Object.keys(b.open)]);
  return [...openSources].every((source) => {
    const [left, right] = [byId(a.open[source] ?? []), byId(b.open[source] ?? [])];
    return left.length === right.length && left.every((entry, i) => sameEntry(entry, right[i]));
  });
}
