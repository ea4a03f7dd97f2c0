import mongoose, { Types } from 'mongoose';
import { badInput } from '../../shared/errors';
import { hexIdOf } from '../../db/hex-id';
import {
  DEFAULT_PAGE_SIZE,
  forwardPage,
  MAX_PAGE_SIZE,
  withIdKey,
  type Connection,
} from '../../db/keyset-pagination';
import type { AccountRecordReader, ListedAccount } from './account-records.loaders';
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

// An account's newest records, and whether its list goes on after them.
type TimelineRows = { rows: JourneyEventRow[]; more: boolean };

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

/**
 * Timelines of many accounts at once, every page from the accounts' listed records
 * (account-records: read by `_id`, no scan on the stand-in) and merged in memory. The accounts'
 * branch (as read in scope) lets records whose selected fields the entries hold be answered
 * from the entries alone.
 */
export async function loadTimelines(
  accounts: readonly ListedAccount[],
  args: TimelineArgs,
  reader: AccountRecordReader,
): Promise<Map<string, Connection<JourneyEventRow>>> {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const byAccount = await listedTimelines(reader, accounts, args, size);
  return pagesOf(accounts.map(hexIdOf), byAccount, size, Boolean(args.after));
}

// The newest `size` listed records per account after the cursor in the stages asked for (from
// the collections that can hold them), and whether more follow.
async function listedTimelines(
  reader: AccountRecordReader,
  accounts: readonly ListedAccount[],
  args: TimelineArgs,
  size: number,
): Promise<Map<string, TimelineRows>> {
  const stages: readonly JourneyStage[] = args.stages?.length ? args.stages : JOURNEY_STAGES;
  const sources = journeySources().filter((s) => s.stages.some((stage) => stages.includes(stage)));
  const after = args.after ? decode(args.after) : null;
  const found = await reader.newest(accounts, {
    typenames: sources.map((s) => s.typename),
    by: 'j',
    count: size,
    sortField: 'journeyAt',
    after: after && { at: after.at.getTime(), hex: after.id.toHexString() },
    stages: args.stages?.length ? args.stages : null,
  });
  return new Map(
    [...found].map(([id, { rows, more }]) => [
      id,
      {
        // Tagged in place, not copied (a province screen lists some 600 timeline rows): a row
        // shared with the account's orders or tickets is of that same type. A row built from its
        // entry has its tag already (`EntryRow`).
        rows: rows.map(({ typename, row }) => {
          row.__typename = typename;
          return row as JourneyEventRow;
        }),
        more,
      },
    ]),
  );
}

// The timeline's cursor: (journeyAt, _id), as every keyset list writes it.
const TIMELINE_KEYS = withIdKey([{ field: 'journeyAt', direction: -1 }]);

function pagesOf(
  accountIds: readonly string[],
  byAccount: Map<string, TimelineRows>,
  size: number,
  afterCursor: boolean,
): Map<string, Connection<JourneyEventRow>> {
  return new Map(
    accountIds.map((id) => {
      // In timeline order already (`newest`).
      const { rows, more } = byAccount.get(id) ?? { rows: [] };
      return [id, forwardPage<JourneyEventRow>(rows, TIMELINE_KEYS, size, afterCursor, more)];
    }),
  );
}
