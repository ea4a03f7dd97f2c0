import type { Model, Types } from 'mongoose';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { registerBackfill } from '../../db/backfill-once';
import { findByIds } from '../../db/id-parts';
import { RecordKeyModel, type RecordKeyDoc } from './record-key.model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/** A record's natural key. */
export type NaturalKey = { sourceSystem: string; externalId: string };

/** The backfills that key the records a database held before their collection was keyed. */
const BACKFILLS = ['recordKeys:1', 'recordKeys:2'] as const;
const keyed = new Map<string, { model: AnyModel; backfill: (typeof BACKFILLS)[number] }>();

/**
 * Declares that every writer creating records of `model` stores a `recordKey` consequence with
 * them (`insertOnce`, `upsertPlannedRows`, and any other creator of the collection), so its
 * natural keys can be looked up by `_id`. `backfill` names the backfill that keys the records
 * stored before (a collection keyed later gets a new one, so it runs on databases that had the
 * first).
 */
export function keepRecordKeys(
  keyedModel: AnyModel,
  backfill: (typeof BACKFILLS)[number] = 'recordKeys:1',
): void {
  keyed.set(keyedModel.collection.name, { model: keyedModel, backfill });
}

/** Whether lookups by natural key of `model` may use the kept keys. */
export function isKeyed(candidate: AnyModel): boolean {
  return keyed.has(candidate.collection.name);
}

const keyId = (collection: string, externalId: string) => `${collection}:${externalId}`;

type KeyArgs = { collection: string; sourceSystem: string; externalId: string };

/** The keeping of a new record's natural key, stored with its insert (none for unkeyed models). */
export function recordKeyConsequences(
  recordModel: AnyModel,
  key: NaturalKey,
): PendingConsequence<KeyArgs>[] {
  if (!isKeyed(recordModel)) return [];
  const { sourceSystem, externalId } = key;
  const collection = recordModel.collection.name;
  return [consequence<KeyArgs>('recordKey', { collection, sourceSystem, externalId })];
}

async function addKeys(entries: { args: KeyArgs; recordId: Types.ObjectId }[]): Promise<void> {
  if (entries.length === 0) return;
  await RecordKeyModel.collection.bulkWrite(
    entries.map(({ args, recordId }) => ({
      updateOne: {
        filter: { _id: keyId(args.collection, args.externalId) },
        // Field order fixed, so the same entry is the same set member however often added.
        update: { $addToSet: { records: { sourceSystem: args.sourceSystem, recordId } } },
        upsert: true,
      },
    })) as never,
    { ordered: false },
  );
}

// Idempotent: the entry is a set member.
registerConsequenceKind<KeyArgs>('recordKey', CONSEQUENCE_ORDER.audit, (due) =>
  addKeys(due.map(({ args, recordId }) => ({ args, recordId: recordId as Types.ObjectId }))),
);

/**
 * The records of a keyed model stored under the given external ids, under any source system:
 * two reads by bare `_id $in` (the kept keys, then the records). Records must still carry the key
 * they were found under (the keys are only ever added to).
 */
export async function findByExternalIds<T extends NaturalKey & { _id: Types.ObjectId }>(
  recordModel: AnyModel,
  externalIds: readonly string[],
): Promise<T[]> {
  const ids = [...new Set(externalIds)];
  if (ids.length === 0) return [];
  const collection = recordModel.collection.name;
  const keys = await findByIds<RecordKeyDoc>(
    RecordKeyModel.collection,
    ids.map((id) => keyId(collection, id)),
  );
  const recordIds = keys.flatMap((key) => key.records.map((record) => record.recordId));
  if (recordIds.length === 0) return [];
  const wanted = new Set(ids);
  const records = await findByIds<T>(recordModel.collection, recordIds);
  return records.filter((record) => wanted.has(record.externalId));
}

// Keys of the records stored before their collection was keyed, once per database.
for (const backfill of BACKFILLS)
  registerBackfill(backfill, async () => {
    for (const { model: recordModel } of [...keyed.values()].filter(
      (entry) => entry.backfill === backfill,
    )) {
      const cursor = recordModel.collection.find(
        {},
        { projection: { sourceSystem: 1, externalId: 1 } },
      );
      let batch: { args: KeyArgs; recordId: Types.ObjectId }[] = [];
      for await (const doc of cursor) {
        const { _id, sourceSystem, externalId } = doc as NaturalKey & { _id: Types.ObjectId };
        batch.push({
          args: { collection: recordModel.collection.name, sourceSystem, externalId },
          recordId: _id,
        });
        if (batch.length === 1000) {
          await addKeys(batch);
          batch = [];
        }
      }
      await addKeys(batch);
    }
  });
