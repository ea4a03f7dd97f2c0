import { Types } from 'mongoose';
import { badInput, notFound } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { actorScope } from '../access/scope';
import { requireWritableAccount } from '../accounts/account.service';
import { requireActor, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.service';
import type { JourneyRecordRow } from '../journey/journey-record.fields';
import { maintainStages } from '../journey/stage.service';
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

async function afterChange(
  actor: Actor,
  kind: RecordKind,
  action: string,
  before: Fields | null,
  after: StoredRecord,
) {
  await recordAudit({
    actor,
    action,
    entityType: kind.typename,
    entityId: String(after._id),
    branchCode: after.branchCode,
    before,
    after,
  });
  await maintainStages([
    { accountId: after.accountId, source: kind.typename, recordId: after._id },
  ]);
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
  const created = await kind.model.create({
    ...fields,
    accountId: account._id,
    branchCode: account.branchCode,
    stage: kind.stage,
    journeyAt: fields[kind.journeyAtField],
    recordedBy: actor.login,
  });
  const record = created.toObject() as StoredRecord;
  await afterChange(actor, kind, `create${kind.typename}`, null, record);
  return record;
}

/** Changes the given fields of a simple journey record; times still cannot run backwards. */
export async function updateJourneyRecord(
  name: RecordKindName,
  options: { actor: Actor | null; id: string; input: Fields },
) {
  const kind: RecordKind = RECORD_KINDS[name];
  const actor = requireActor(options.actor);
  const scope = actorScope(actor);
  const before = Types.ObjectId.isValid(options.id)
    ? await kind.model.findOne({ _id: options.id }, null, { scope }).lean<StoredRecord>()
    : null;
  if (!before) throw notFound(kind.typename);
  await requireWritableAccount(actor, String(before.accountId));
  const changes = parseFields(kind, options.input);
  checkTimeOrder(kind, { ...before, ...changes });
  const journeyAt = changes[kind.journeyAtField] ?? before.journeyAt;
  const after = await kind.model
    .findOneAndUpdate(
      { _id: before._id },
      { $set: { ...changes, journeyAt } },
      { returnDocument: 'after', scope },
    )
    .lean<StoredRecord>();
  if (!after) throw notFound(kind.typename);
  await afterChange(actor, kind, `update${kind.typename}`, before, after);
  return after;
}
