import { Types } from 'mongoose';
import { badInput, notFound } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { actorScope } from '../access/scope';
import { requireWritableAccount } from '../accounts/account.service';
import { requireActor, type Actor } from '../auth/actor';
import { auditChange, type AuditActor } from '../audit/audit.service';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { createWithConsequences } from '../consequences/pending-consequences';
import type { JourneyRecordRow } from '../journey/journey-record.fields';
import { listedRecordConsequences } from '../journey/account-records';
import { writeWithRevision } from '../journey/revisioned-write';
import { stageConsequence } from '../journey/stage.service';
import { RECORD_KINDS, type RecordKind, type RecordKindName } from './record-kinds';

type Fields = Record<string, unknown>;
type StoredRecord = JourneyRecordRow;

/** Rejects a pair of times that runs backwards, naming the later field. */
export function checkTimeOrder(kind: Pick<RecordKind, 'timeOrder'>, record: Fields): void {
  for (const [earlier, later] of kind.timeOrder) {
    const from = record[earlier];
    const to = record[later];
    if (from instanceof Date && to instanceof Date && to < from) {
      throw badInput(`input.${later}`, `cannot be before ${earlier}`);
    }
  }
}

function parseFields(kind: RecordKind, input: Fields): Fields {
  const { accountId: _ignored, ...raw } = input;
  return validate(kind.fields.partial(), raw) as Fields;
}

// What a change of a record makes due, stored with its write: the audit entry and the refresh of
// the account's current stage (a new record's listing in its account's records is added by the
// insert; writeWithRevision lists a changed one).
function consequencesOf(
  actor: AuditActor,
  kind: RecordKind,
  action: string,
  before: Fields | null,
  after: StoredRecord,
): PendingConsequence[] {
  return [
    auditChange({
      actor,
      action,
      entityType: kind.typename,
      entityId: String(after._id),
      branchCode: after.branchCode,
      before,
      after,
    }),
    stageConsequence(after.accountId, kind.typename),
  ];
}

/**
 * Stores a new record of an account whose access was already checked, with its audit entry and
 * stage refresh in the same write. `_id` is given by writers that must create it only once.
 */
export function insertJourneyRecord(
  kind: RecordKind,
  options: {
    actor: AuditActor;
    recordedBy: string;
    account: { _id: Types.ObjectId; branchCode: string };
    fields: Fields;
    _id?: Types.ObjectId;
  },
): Promise<StoredRecord> {
  const { account, fields } = options;
  return createWithConsequences<StoredRecord>(
    kind.model,
    {
      ...fields,
      ...(options._id ? { _id: options._id } : {}),
      accountId: account._id,
      branchCode: account.branchCode,
      stage: kind.stage,
      journeyAt: fields[kind.journeyAtField],
      recordedBy: options.recordedBy,
    },
    (record) => [
      ...consequencesOf(options.actor, kind, `create${kind.typename}`, null, record),
      ...listedRecordConsequences(kind.model, record),
    ],
  );
}

/** Records a consultation, business handling, billing interaction or maintenance record. */
export async function createJourneyRecord(
  name: RecordKindName,
  options: { actor: Actor | null; input: Fields },
) {
  const kind: RecordKind = RECORD_KINDS[name];
  const actor = requireActor(options.actor);
  const accountId = options.input.accountId;
  if (typeof accountId !== 'string' || !accountId) throw badInput('input.accountId', 'required');
  const fields = parseFields(kind, options.input);
  const missing = kind.required.find((field) => fields[field] == null);
  if (missing) throw badInput(`input.${missing}`, 'required');
  checkTimeOrder(kind, fields);
  const account = await requireWritableAccount(actor, accountId);
  return insertJourneyRecord(kind, { actor, recordedBy: actor.login, account, fields });
}

/** Changes the given fields of a simple journey record; times still cannot run backwards. */
export async function updateJourneyRecord(
  name: RecordKindName,
  options: { actor: Actor | null; id: string; input: Fields },
) {
  const kind: RecordKind = RECORD_KINDS[name];
  const actor = requireActor(options.actor);
  const scope = actorScope(actor);
  let changes: Fields | undefined;
  // Decided on the version read and written only if it is still that version (the revision);
  // a lost race is decided again on the new one, so the audit entry names what it replaced.
  const { after } = await writeWithRevision<StoredRecord & { revision: number }>({
    model: kind.model,
    scope,
    what: kind.typename,
    load: async () => {
      const record = Types.ObjectId.isValid(options.id)
        ? await kind.model.findOne({ _id: options.id }, null, { scope }).lean<StoredRecord>()
        : null;
      if (!record) throw notFound(kind.typename);
      return record as StoredRecord & { revision: number };
    },
    authorize: async (record) => {
      await requireWritableAccount(actor, String(record.accountId));
      changes = parseFields(kind, options.input);
    },
    decide: (record) => {
      checkTimeOrder(kind, { ...record, ...changes });
      return { ...changes, journeyAt: changes![kind.journeyAtField] ?? record.journeyAt };
    },
    consequences: (before, changed) =>
      consequencesOf(actor, kind, `update${kind.typename}`, before, changed),
  });
  return after;
}
