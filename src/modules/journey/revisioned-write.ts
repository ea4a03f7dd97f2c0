import { isDuplicateKey } from '../../db/duplicate-key';
import type { Model, Schema, Types } from 'mongoose';
import { AppError } from '../../shared/errors';
import type { Scope } from '../access/scope';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import {
  createWithConsequences,
  updateWithConsequences,
} from '../consequences/pending-consequences';
import { listedRecordConsequences } from './account-records';
import { recordKeyConsequences } from '../record-keys/record-key.service';

/**
 * The schema field of a record's revision: every write of the record's fields bumps it, and a
 * guarded write expects the one it read, so two versions are told apart however close in time
 * (`updatedAt` has millisecond steps).
 */
export const REVISION_FIELD = { type: Number, required: true, default: 0 } as const;

/**
 * A unique index on `{ _id, revision }`, for the writes guarded by the revision they read (filter
 * `{ _id, revision }`). Stand-in only: mongo-java-server answers a filter from an index only when
 * its fields are exactly those of an index, so without this one every guarded write scans the
 * whole collection (an import batch of updates: once per row). On MongoDB the `_id` index serves
 * those writes and this one only costs its upkeep.
 */
export function indexRevisionGuard(schema: Schema): void {
  schema.index({ _id: 1, revision: 1 }, { unique: true });
}

/**
 * What every creation of a record stores with it besides its own consequences: its listing in its
 * account's records (journey records) and its kept natural key (keyed collections).
 */
export function createdRecordConsequences(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  record: Record<string, unknown> & { sourceSystem?: unknown; externalId?: unknown },
): PendingConsequence[] {
  const key =
    typeof record.sourceSystem === 'string' && typeof record.externalId === 'string'
      ? [
          ...recordKeyConsequences(model, {
            sourceSystem: record.sourceSystem,
            externalId: record.externalId,
          }),
        ]
      : [];
  return [...listedRecordConsequences(model, record), ...key];
}

/** The source system of records created through the API without one. */
export const OWN_SOURCE_SYSTEM = 'JOURNEY';

// A record stored before it had a revision has none: `null` matches it, `$inc` starts it at 1.
type Revisioned = { _id: Types.ObjectId; revision: number };

/**
 * Read–decide–write on one record without transactions: the write expects the revision it read,
 * and a lost race is decided again on the fresh record (up to three times, then CONFLICT).
 * `decide` returns the fields to set, or null when nothing changes (a replay); `authorize` runs
 * once, on the first read. `consequences` of the change (from the record before and after it) are
 * stored with the write and applied after it. Returns the record before and after (after = before
 * for a replay).
 */
export async function writeWithRevision<D extends Revisioned>(options: {
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  scope: Scope;
  what: string;
  load: () => Promise<D>;
  authorize: (record: D) => Promise<void>;
  decide: (record: D) => Record<string, unknown> | null;
  consequences?: (before: D, after: D) => PendingConsequence[];
}): Promise<{ before: D; after: D; changed: boolean }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await options.load();
    if (attempt === 0) await options.authorize(before);
    const set = options.decide(before);
    if (!set) return { before, after: before, changed: false };
    const preview = { ...before, ...set, revision: (before.revision ?? 0) + 1 };
    const pending = [
      ...(options.consequences?.(before, preview) ?? []),
      ...listedRecordConsequences(options.model, preview),
    ];
    const after = await updateWithConsequences<D>(options.model, {
      filter: { _id: before._id, revision: before.revision ?? null },
      update: { $set: set, $inc: { revision: 1 } },
      consequences: pending,
      queryOptions: { scope: options.scope },
    });
    if (after) return { before, after, changed: true };
  }
  throw new AppError(
    'CONFLICT',
    `the ${options.what} is being changed concurrently; try again`,
    'id',
  );
}

/**
 * Inserts a new record keyed by (sourceSystem, externalId). When the key exists, `isSame` decides:
 * the stored record is a replay of this creation (returned, `created: false`) or a CONFLICT on
 * `input.externalId`, naming the stored record's id when the caller may see it. The insert is
 * tried first (new records are the common case) and the unique index answers the rest, so a
 * concurrent insert of the same key is answered the same way. The `consequences` of a new record
 * are stored with it and applied after the insert; so is, for a journey record, its listing in its
 * account's records (account-records).
 */
export async function insertOnce<
  D extends { _id: unknown; sourceSystem: string; externalId: string },
>(options: {
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  scope: Scope;
  what: string;
  key: { sourceSystem: string; externalId: string | null };
  isSame: (stored: D) => boolean;
  /** Whether the caller may see the stored record: only then does a CONFLICT name its id. */
  visible?: (stored: D) => boolean;
  build: () => Promise<D>;
  consequences?: (record: D) => PendingConsequence[];
}): Promise<{ record: D; created: boolean }> {
  const { model, scope, key } = options;
  try {
    const record = await options.build();
    const created = await createWithConsequences<D>(model, record, (stored) => [
      ...(options.consequences?.(stored) ?? []),
      ...createdRecordConsequences(model, stored),
    ]);
    return { record: created, created: true };
  } catch (error) {
    if (!isDuplicateKey(error) || !key.externalId) throw error;
    const stored = await model
      .findOne({ sourceSystem: key.sourceSystem, externalId: key.externalId }, null, { scope })
      .lean<D>();
    if (!stored) throw error;
    if (!options.isSame(stored)) {
      const named = options.visible?.(stored) ? ` (id ${String(stored._id)})` : '';
      throw new AppError(
        'CONFLICT',
        `another ${options.what}${named} has this sourceSystem and externalId`,
        'input.externalId',
      );
    }
    return { record: stored, created: false };
  }
}
