import { Types } from 'mongoose';
import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { isKeyed, isTallyBucket, listsMonths, monthsId } from './rollup-families';
import {
  bucketWrites,
  CLAIMS_PER_WRITE,
  claimedBuckets,
  sameValue,
  type BucketState,
  type Claim,
} from './rollup-tally';
import {
  memberId,
  RollupMemberModel,
  RollupModel,
  type RollupDoc,
  type RollupMemberDoc,
} from './rollup.model';
import { effectiveWrites as effective } from '../../db/effective-writes';
import { step } from '../../shared/steps';
import { addToGroup } from '../../shared/groups';
import { inParts } from '../../db/id-parts';

// The driver side of the claims described in `rollup-tally`: every filter is `_id`, `_id $in` or
// `{ _id, v }` (a unique index on the stand-in), and each step is one command per batch.

/** A record as a refresh found it: its membership (if any) and what it contributes now. */
export type RecordState = {
  recordId: string;
  member: RollupMemberDoc | undefined;
  after: Record<string, unknown>;
};

/** Where a refresh may stop early: to show that the next one finishes it (tests). */
export type RefreshStop = 'claims' | 'buckets' | 'memberships';

const ATTEMPTS = 10;

const buckets = () => RollupModel.collection as unknown as Collection<RollupDoc>;
const members = () => RollupMemberModel.collection as unknown as Collection<RollupMemberDoc>;

async function readBuckets(ids: string[]): Promise<Map<string, BucketState>> {
  if (ids.length === 0) return new Map();
  const docs = await buckets()
    .find({ _id: { $in: ids } }, { projection: { v: 1, ops: 1 } })
    .toArray();
  return new Map(docs.map((doc) => [doc._id, doc as BucketState]));
}

/** The token each membership has in flight now (undefined: none). */
async function claimsInFlight(ids: string[]): Promise<Map<string, string | undefined>> {
  if (ids.length === 0) return new Map();
  const docs = await members()
    .find({ _id: { $in: [...new Set(ids)] } }, { projection: { 'pending.id': 1 } })
    .toArray();
  return new Map(docs.map((doc) => [doc._id, doc.pending?.id]));
}

// Stores each change as a claim under the membership version it was decided against; returns
// the claims that took effect (a lost one was another writer's move of the same record).
async function claim(planned: (Claim & { stored: RollupMemberDoc | undefined })[]) {
  const writes = planned.map(({ id, member, v, from, to, stored }) => ({
    updateOne: {
      filter: { _id: member, v: stored ? (stored.v ?? null) : 0 },
      update: {
        $set: { pending: { id, from, to }, v },
        ...(stored ? {} : { $setOnInsert: { buckets: {} } }),
      },
      upsert: !stored,
    },
  }));
  const claims = planned.map(({ stored: _stored, ...rest }): Claim => rest);
  if ((await effective(members(), writes as never[])) === writes.length) return claims;
  const inFlight = await claimsInFlight(claims.map((c) => c.member));
  return claims.filter((c) => inFlight.get(c.member) === c.id);
}

/** A record's move between contribution maps, as far as its item buckets see it. */
type ItemMove = Pick<Claim, 'recordId' | 'from' | 'to'>;

/**
 * The writes of records' values in item buckets (not tallies) that `include` selects: set in each
 * bucket the record contributes a new value to, removed from each it left. One upsert per bucket,
 * however many records (idempotent: setting a value again changes nothing).
 */
export function itemWrites<M extends ItemMove>(
  moves: readonly M[],
  include: (bucket: string, move: M) => boolean,
): AnyBulkWriteOperation<RollupDoc>[] {
  const byBucket = new Map<string, { $set: Record<string, unknown>; $unset: Record<string, ''> }>();
  const change = (bucket: string) => {
    const found = byBucket.get(bucket) ?? { $set: {}, $unset: {} };
    byBucket.set(bucket, found);
    return found;
  };
  for (const move of moves) {
    const { recordId, from, to } = move;
    for (const bucket of Object.keys(from))
      if (!(bucket in to) && !isTallyBucket(bucket) && include(bucket, move))
        change(bucket).$unset[`items.${recordId}`] = '';
    for (const [bucket, value] of Object.entries(to))
      if (
        !isTallyBucket(bucket) &&
        !sameValue(from[bucket] ?? null, value) &&
        include(bucket, move)
      )
        change(bucket).$set[`items.${recordId}`] = value;
  }
  return [...byBucket]
    .map(([bucket, update]) => ({
      filter: { _id: bucket },
      update: Object.fromEntries(Object.entries(update).filter(([, v]) => Object.keys(v).length)),
    }))
    .filter(({ update }) => Object.keys(update).length > 0)
    .map(({ filter, update }) => ({ updateOne: { filter, update, upsert: true } }));
}

// The item buckets' values and the months lists. Claims in `keyedWritten` had their keyed values
// written already, with the same change (see `writeKeyed`): they are not written twice.
function itemAndMonthWrites(
  claims: readonly Claim[],
  keyedWritten: ReadonlySet<string>,
): AnyBulkWriteOperation<RollupDoc>[] {
  const months = new Map<string, Set<string>>();
  for (const { to } of claims)
    for (const bucket of Object.keys(to)) {
      if (!listsMonths(bucket)) continue;
      const [family, branchCode, month] = bucket.split('|') as [string, string, string];
      const id = monthsId(family, branchCode);
      months.set(id, (months.get(id) ?? new Set()).add(month));
    }
  const writes = itemWrites(
    claims,
    (bucket, claim) => !(isKeyed(bucket) && keyedWritten.has(claim.id)),
  );
  for (const [id, list] of months)
    writes.push({
      updateOne: {
        filter: { _id: id },
        update: { $addToSet: { months: { $each: [...list] } } },
        upsert: true,
      },
    });
  return writes;
}

/**
 * Applies claims to the tally buckets until every bucket has counted each claim still in flight
 * once. `trusted` claims were made after `states` was read: a marker missing there is missing
 * for sure (any writer applying them since moved the version the write expects). Any other claim
 * is counted only while its membership still holds it, as read after the buckets: a claim
 * finished meanwhile may already have had its markers removed. Returns the claims applied.
 */
async function applyToBuckets(
  claims: Claim[],
  trusted: ReadonlySet<string>,
  read: Map<string, BucketState>,
  keyedWritten: ReadonlySet<string>,
): Promise<Claim[]> {
  const ids = [...new Set(claims.flatMap(claimedBuckets))];
  let [states, live] = [read, claims];
  for (let attempt = 0; ; attempt += 1) {
    if (attempt === ATTEMPTS) throw new Error('rollup buckets kept changing');
    if (attempt > 0) states = await readBuckets(ids);
    const markers = [...states.values()].flatMap((s) => Object.entries(s.ops ?? {}));
    const unsure = live.filter((c) => attempt > 0 || !trusted.has(c.id));
    const inFlight = await claimsInFlight([
      ...unsure.map((c) => c.member),
      ...markers.map(([, member]) => member),
    ]);
    live = live.filter(
      (c) => (attempt === 0 && trusted.has(c.id)) || inFlight.get(c.member) === c.id,
    );
    const owner = new Map(markers);
    const finished = (token: string) =>
      inFlight.has(owner.get(token)!) && inFlight.get(owner.get(token)!) !== token;
    // Item values and months once, with the first attempt: setting them again changes nothing.
    const writes = [
      ...bucketWrites(states, live, finished),
      ...(attempt === 0 ? itemAndMonthWrites(live, keyedWritten) : []),
    ];
    // In order: a bucket's claims may go in parts chained by its version (see CLAIMS_PER_WRITE).
    if ((await effective(buckets(), writes, { ordered: true })) === writes.length) return live;
  }
}

/**
 * Moves the records whose contributions changed from what their memberships count to what they
 * contribute now, exactly once, and first finishes any claim found in flight; `dependants` (what
 * other records' contributions read of these) are refreshed after the buckets and before the
 * memberships. `keyedWritten`: the records' keyed values (`after`) are written already (see
 * `writeKeyed`), so their claims leave them out. Returns the ids of records to read again and go
 * round once more (a claim finished for another writer, a lost race).
 */
export async function moveRecords(
  source: string,
  records: readonly RecordState[],
  options: {
    stop?: RefreshStop;
    dependants?: (moves: readonly Claim[]) => Promise<void>;
    keyedWritten?: boolean;
  } = {},
): Promise<string[]> {
  const { stop, dependants } = options;
  const waiting: Claim[] = records
    .filter(({ member }) => member?.pending)
    .map(({ recordId, member }) => ({
      ...member!.pending!,
      member: member!._id,
      recordId,
      v: member!.v ?? 0,
    }));
  const planned = records
    .filter(({ member, after }) => !member?.pending && !sameValue(member?.buckets ?? {}, after))
    .map(({ recordId, member, after }) => ({
      id: new Types.ObjectId().toHexString(),
      member: memberId(source, recordId),
      recordId,
      v: (member?.v ?? 0) + 1,
      from: member?.buckets ?? {},
      to: after,
      stored: member,
    }));
  if (waiting.length + planned.length === 0) return [];
  // Read before the claims are made: see `applyToBuckets`.
  const read = await step('read buckets', () =>
    readBuckets([...new Set([...waiting, ...planned].flatMap(claimedBuckets))]),
  );
  const claimed = await step('claim', () => claim(planned));
  const claimedIds = new Set(claimed.map((c) => c.id));
  const retry = [
    ...waiting.map((c) => c.recordId),
    ...planned.filter((p) => !claimedIds.has(p.id)).map((p) => p.recordId),
  ];
  if (stop === 'claims') return [];
  const applied = await step('count', () =>
    applyToBuckets(
      [...claimed, ...waiting],
      claimedIds,
      read,
      options.keyedWritten ? claimedIds : new Set(),
    ),
  );
  if (stop === 'buckets') return [];
  if (dependants) await step('dependants', () => dependants(applied));
  await step('settle memberships', () =>
    effective(
      members(),
      applied.map(({ member, v, to }) => ({
        updateOne: {
          filter: { _id: member, v },
          update: { $set: { buckets: to, v: v + 1 }, $unset: { pending: '' } },
        },
      })) as never[],
    ),
  );
  if (stop === 'memberships') return [];
  // The markers are no longer needed once the memberships say what is counted (in parts, as the
  // claims were written: see CLAIMS_PER_WRITE).
  const unmark = new Map<string, string[]>();
  for (const { id, ...change } of applied)
    for (const bucket of claimedBuckets(change)) addToGroup(unmark, bucket, `ops.${id}`);
  await step('unmark', () =>
    effective(
      buckets(),
      [...unmark].flatMap(([bucket, paths]) =>
        inParts(paths, CLAIMS_PER_WRITE).map((part) => ({
          updateOne: {
            filter: { _id: bucket },
            update: { $unset: Object.fromEntries(part.map((path) => [path, ''])) },
          },
        })),
      ),
    ),
  );
  return retry;
}
