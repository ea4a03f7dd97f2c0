import type { Model } from 'mongoose';
import type { JourneyStage } from './journey-stage';

/**
 * A collection of journey records that appears in account timelines. Every record of such a
 * collection has `accountId`, `branchCode`, `stage` and `journeyAt` (see `journeyRecordFields`).
 */
export type JourneySource = {
  /** GraphQL type of its records. */
  typename: string;
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Stages its records can be in. */
  stages: readonly JourneyStage[];
  /**
   * Filter matching its records that are still open: open work of the branch (see open-work) and,
   * for a source that moves the stage, what holds the account in its stage.
   */
  openFilter?: Record<string, unknown>;
  /** The same test on one record in memory (see `openUnlessStatusIn`). */
  isOpen?: (record: { status?: unknown }) => boolean;
  /** Whether its records move an account's current stage on (follow-ups and surveys do not). */
  movesStage: boolean;
  /** Sort field of the account's own list of these records, newest first (see account-records). */
  listedBy?: string;
  /**
   * Stored fields its entries in the account's list carry as well (account-records), so that a
   * page selecting only those (e.g. the account screen's orders and tickets) is answered from the
   * list instead of read. Every write of one of them relists the record (as every record write
   * does), and `lists:check` compares them.
   */
  shown?: readonly string[];
};

const sources = new Map<string, JourneySource>();

/** Adds a record collection to the timeline; called once by each module's model file. */
export function registerJourneySource(source: JourneySource): void {
  // The kept stage state and open work tell open records apart in memory.
  if (source.openFilter && !source.isOpen)
    throw new Error(`journey source ${source.typename}: openFilter without isOpen`);
  sources.set(source.typename, source);
}

/** Every registered record collection. */
export function journeySources(): JourneySource[] {
  return [...sources.values()];
}

/** The registered record collection of a GraphQL type. */
export function journeySourceOf(typename: string): JourneySource {
  const source = sources.get(typename);
  if (!source) throw new Error(`no journey source ${typename}`);
  return source;
}

/** `openFilter` and `isOpen` of a source whose records are open until their status is one of these. */
export function openUnlessStatusIn(statuses: readonly string[]) {
  return {
    openFilter: { status: { $nin: statuses } },
    isOpen: (record: { status?: unknown }) => !statuses.includes(String(record.status)),
  };
}

/** `openFilter` and `isOpen` of a source whose records are open while their status is one of these. */
export function openWhileStatusIn(statuses: readonly string[]) {
  return {
    openFilter: { status: { $in: statuses } },
    isOpen: (record: { status?: unknown }) => statuses.includes(String(record.status)),
  };
}
