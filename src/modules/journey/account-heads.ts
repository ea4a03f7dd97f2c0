import DataLoader from 'dataloader';
import mongoose, { Schema, Types, type Model } from 'mongoose';
import { systemScope } from '../access/scope';
import { journeySources, type JourneySource } from './journey-registry';

/**
 * Per account, the ids of its newest records of each kind (newest first), kept on write wherever
 * the account's current stage is refreshed, so the account screen reads its timeline, orders and
 * tickets by `_id` instead of by `accountId`.
 *
 * Stand-in: mongo-java-server serves only `_id` equality, unique-key equality and `_id $in` from an
 * index; `accountId $in` scans the whole collection however it is indexed. On MongoDB the
 * `accountId` indexes would serve the same reads, and these documents only save the sort.
 */
export const HEAD_SIZE = 20;

type Heads = { _id: Types.ObjectId; lists: Record<string, Types.ObjectId[]> };

const headsSchema = new Schema<Heads>(
  { _id: { type: Schema.Types.ObjectId, required: true }, lists: { type: Object, default: {} } },
  { versionKey: false, minimize: false },
);

export const AccountHeadsModel =
  (mongoose.models.AccountHeads as Model<Heads> | undefined) ??
  mongoose.model<Heads>('AccountHeads', headsSchema, 'accountheads');

/** One kept list: a record collection in one order. */
export type HeadList = { name: string; source: JourneySource; sortField: string };

/** The timeline list of a record collection (only those that move the stage are kept). */
export const timelineList = (typename: string) => `timeline:${typename}`;
/** The account's own list of a record collection (`KeyAccount.activationOrders`, …). */
export const ownList = (typename: string) => `own:${typename}`;

/** Every kept list: refreshed with the current stage, so only stage-moving collections. */
export function headLists(): HeadList[] {
  return journeySources()
    .filter((source) => source.movesStage)
    .flatMap((source) => [
      { name: timelineList(source.typename), source, sortField: 'journeyAt' },
      ...(source.listedBy
        ? [{ name: ownList(source.typename), source, sortField: source.listedBy }]
        : []),
    ]);
}

const scope = systemScope('account-heads');

async function newestIds(list: HeadList, accountIds: readonly Types.ObjectId[]) {
  const groups = await list.source.model
    .aggregate<{ _id: Types.ObjectId; ids: Types.ObjectId[] }>([
      { $match: { accountId: { $in: accountIds } } },
      { $sort: { accountId: 1, [list.sortField]: -1, _id: -1 } },
      { $group: { _id: '$accountId', ids: { $push: '$_id' } } },
      { $project: { ids: { $slice: ['$ids', HEAD_SIZE + 1] } } },
    ])
    .option({ scope });
  return new Map(groups.map((group) => [String(group._id), group.ids]));
}

/** Every list of these accounts, computed from their records (one aggregation per list). */
async function computeHeads(accountIds: readonly Types.ObjectId[]): Promise<Heads[]> {
  const lists = headLists();
  const found = await Promise.all(lists.map((list) => newestIds(list, accountIds)));
  return accountIds.map((_id) => ({
    _id,
    lists: Object.fromEntries(
      lists.map((list, i) => [list.name, found[i]!.get(String(_id)) ?? []]),
    ),
  }));
}

/**
 * Recomputes the lists of accounts whose records were written. Like the current stage, it is
 * recomputed from the records as they are when applied, so applying it again changes nothing.
 */
export async function refreshHeads(accountIds: readonly Types.ObjectId[]): Promise<void> {
  if (accountIds.length === 0) return;
  const heads = await computeHeads(accountIds);
  await AccountHeadsModel.bulkWrite(
    heads.map(({ _id, lists }) => ({
      updateOne: { filter: { _id }, update: { $set: { lists } }, upsert: true },
    })),
    { ordered: false },
  );
}

/**
 * Lists of accounts by id, one `_id $in` per request tick. An account without lists yet (written
 * before they existed, or never written) gets them computed now and stored only if still absent
 * (`$setOnInsert`): a refresh that raced ahead is newer and wins.
 */
export function createHeadsByAccount(): DataLoader<string, Heads['lists']> {
  return new DataLoader(async (ids) => {
    const stored = await AccountHeadsModel.find({ _id: { $in: ids } }).lean<Heads[]>();
    const byId = new Map(stored.map((heads) => [String(heads._id), heads.lists]));
    const missing = ids.filter((id) => !byId.has(id)).map((id) => new Types.ObjectId(id));
    if (missing.length > 0) {
      const computed = await computeHeads(missing);
      await AccountHeadsModel.bulkWrite(
        computed.map(({ _id, lists }) => ({
          updateOne: { filter: { _id }, update: { $setOnInsert: { lists } }, upsert: true },
        })),
        { ordered: false },
      );
      for (const heads of computed) byId.set(String(heads._id), heads.lists);
    }
    return ids.map((id) => byId.get(id)!);
  });
}

/** The heads loader of a request, as the page loaders take it. */
export type HeadsLoader = ReturnType<typeof createHeadsByAccount>;

/**
 * The first `size + 1` ids (one more says whether a next page exists) of one list per account, for
 * the accounts whose stored list is long enough to answer; the others are left out.
 */
export async function idsFromHeads(
  heads: HeadsLoader,
  name: string,
  accountIds: readonly string[],
  size: number,
): Promise<Map<string, Types.ObjectId[]>> {
  const all = await heads.loadMany(accountIds);
  const answer = new Map<string, Types.ObjectId[]>();
  accountIds.forEach((id, i) => {
    const lists = all[i];
    if (lists instanceof Error || !lists) return;
    const ids = lists[name];
    if (ids && (size <= HEAD_SIZE || ids.length <= HEAD_SIZE))
      answer.set(id, ids.slice(0, size + 1));
  });
  return answer;
}
