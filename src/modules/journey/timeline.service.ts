import mongoose, { Types } from 'mongoose';
import { badInput } from '../../shared/errors';
import {
  DEFAULT_PAGE_SIZE,
  forwardPage,
  MAX_PAGE_SIZE,
  withIdKey,
  type Connection,
} from '../../db/keyset-pagination';
import type { Scope } from '../access/scope';
import type { AccountRecordReader } from './account-records.loaders';
import { journeySources } from './journey-registry';
import { JOURNEY_STAGES, type JourneyStage } from './journey-stage';

const { EJSON } = mongoose.mongo.BSON;

/** A journey record tagged with its GraphQL type. */
export type JourneyEventRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  journeyAt: Date;
  __typename: string;
};

/** Arguments of `KeyAccount.timeline`. */
export type TimelineArgs = {
  first?: number | null;
  after?: string | null;
  stages?: JourneyStage[] | null;
};

type Position = { at: Date; id: Types.ObjectId };

// An account's newest records: up to `size + 1` (one more says a next page exists), or `size`
// with `more` when the list itself knows.
type TimelineRows = { rows: JourneyEventRow[]; more?: boolean };

function decode(cursor: string): Position {
  try {
    const [at, id] = EJSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'), {
      relaxed: false,
    });
    if (at instanceof Date && id instanceof Types.ObjectId) return { at, id };
  } catch {
    // fall through
  }
  throw badInput('after', 'not a timeline cursor');
}

// Newest first; ObjectIds are unique across collections, so (journeyAt, _id) is a total order.
const newestFirst = (a: JourneyEventRow, b: JourneyEventRow) =>
  b.journeyAt.getTime() - a.journeyAt.getTime() ||
  b._id.toHexString().localeCompare(a._id.toHexString());

/**
 * Timelines of many accounts at once. With the request's record reader (GraphQL), every page comes
 * from the accounts' listed records (account-records: read by `_id`, no scan on the stand-in);
 * without it, from one aggregation per record collection whatever the number of accounts (the
 * page cut per account with `$slice`). Either way merged in memory.
 */
export async function loadTimelines(
  scope: Scope,
  accountIds: readonly Types.ObjectId[],
  args: TimelineArgs,
  reader?: AccountRecordReader,
): Promise<Map<string, Connection<JourneyEventRow>>> {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const byAccount = reader
    ? await listedTimelines(reader, accountIds, args, size)
    : await aggregatedTimelines(scope, accountIds, args, size);
  return pagesOf(accountIds, byAccount, size, Boolean(args.after));
}

// The newest `size` listed records per account after the cursor, and whether more follow. A stage
// filter reads the
// collections that can hold those stages; where a collection's records can be in other stages
// too (fault tickets, complaints), the records read are kept by their stage and the next ones read.
async function listedTimelines(
  reader: AccountRecordReader,
  accountIds: readonly Types.ObjectId[],
  args: TimelineArgs,
  size: number,
): Promise<Map<string, TimelineRows>> {
  const stages: readonly JourneyStage[] = args.stages?.length ? args.stages : JOURNEY_STAGES;
  const sources = journeySources().filter((s) => s.stages.some((stage) => stages.includes(stage)));
  const mixed = sources.some((s) => s.stages.some((stage) => !stages.includes(stage)));
  const after = args.after ? decode(args.after) : null;
  const found = await reader.newest(accountIds.map(String), {
    typenames: sources.map((s) => s.typename),
    by: 'j',
    count: size,
    sortField: 'journeyAt',
    after: after && { at: after.at.getTime(), hex: after.id.toHexString() },
    ...(mixed && { keep: ({ row }) => stages.includes(row.stage as JourneyStage) }),
  });
  return new Map(
    [...found].map(([id, { rows, more }]) => [
      id,
      {
        rows: rows.map(
          ({ typename, row }) => ({ ...row, __typename: typename }) as JourneyEventRow,
        ),
        more,
      },
    ]),
  );
}

// The newest `size + 1` records per account of every collection holding the stages asked for, in
// one aggregation per collection (the page cut per account with `$slice`).
async function aggregatedTimelines(
  scope: Scope,
  accountIds: readonly Types.ObjectId[],
  args: TimelineArgs,
  size: number,
): Promise<Map<string, TimelineRows>> {
  const stages = args.stages?.length ? args.stages : JOURNEY_STAGES;
  const match: Record<string, unknown> = { accountId: { $in: accountIds }, stage: { $in: stages } };
  if (args.after) {
    const { at, id } = decode(args.after);
    match.$or = [{ journeyAt: { $lt: at } }, { journeyAt: at, _id: { $lt: id } }];
  }
  const sources = journeySources().filter((s) => s.stages.some((stage) => stages.includes(stage)));
  const perSource = await Promise.all(
    sources.map(async (source) => {
      const groups = await source.model
        .aggregate<{ _id: Types.ObjectId; docs: Record<string, unknown>[] }>([
          { $match: match },
          { $sort: { accountId: 1, journeyAt: -1, _id: -1 } },
          { $group: { _id: '$accountId', docs: { $push: '$$ROOT' } } },
          { $project: { docs: { $slice: ['$docs', size + 1] } } },
        ])
        .option({ scope });
      return groups.flatMap((g) =>
        g.docs.map((doc) => ({ ...doc, __typename: source.typename }) as JourneyEventRow),
      );
    }),
  );
  const byAccount = new Map<string, TimelineRows>();
  for (const row of perSource.flat()) {
    const key = row.accountId.toHexString();
    const rows = byAccount.get(key) ?? { rows: [] };
    rows.rows.push(row);
    byAccount.set(key, rows);
  }
  return byAccount;
}

// The timeline's cursor: (journeyAt, _id), as every keyset list writes it.
const TIMELINE_KEYS = withIdKey([{ field: 'journeyAt', direction: -1 }]);

function pagesOf(
  accountIds: readonly Types.ObjectId[],
  byAccount: Map<string, TimelineRows>,
  size: number,
  afterCursor: boolean,
): Map<string, Connection<JourneyEventRow>> {
  return new Map(
    accountIds.map((id) => {
      const { rows, more } = byAccount.get(id.toHexString()) ?? { rows: [] };
      rows.sort(newestFirst);
      return [
        id.toHexString(),
        forwardPage<JourneyEventRow>(rows, TIMELINE_KEYS, size, afterCursor, more),
      ];
    }),
  );
}
