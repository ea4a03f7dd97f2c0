import { Types } from 'mongoose';
import { pageInMemory, readMemoryCursor } from '../../db/in-memory-pagination';
import { findConnectionsByKey, type Connection, type PageArgs } from '../../db/keyset-pagination';
import { validate } from '../../shared/validate';
import { actorScope, type Scope } from '../access/scope';
import { requireActor, type Actor } from '../auth/actor';
import { openWorkList } from '../open-work/open-work-lists';
import {
  repeatedComplaint,
  REPEAT_COMPLAINT_DAYS,
  type MeasuredComplaint,
} from './complaint-rules';
import { openComplaintFilter } from './complaint.inputs';
import { ComplaintModel, type ComplaintDoc } from './complaint.model';
import { measureComplaint, type ComplaintMeasures } from './complaint.state';

const DAY_MS = 86_400_000;

const measuresCache = new WeakMap<object, ComplaintMeasures>();

/** Every figure of a complaint as of `now`, computed once per object (one `now` per request). */
export function complaintMeasures(complaint: ComplaintDoc, now = new Date()): ComplaintMeasures {
  let measures = measuresCache.get(complaint);
  if (!measures) {
    measures = measureComplaint(complaint, now);
    measuresCache.set(complaint, measures);
  }
  return measures;
}

/** `Query.openComplaints`: open complaints in scope, least time left (of the step owed) first. */
export async function listOpenComplaints(options: {
  actor: Actor | null;
  filter: unknown;
  args: PageArgs;
}): Promise<Connection<ComplaintDoc>> {
  const actor = requireActor(options.actor);
  const scope = actorScope(actor);
  const filter = validate(openComplaintFilter, options.filter, 'filter');
  const open = (await openWorkList<ComplaintDoc>('Complaint', scope, filter ?? {})).filter(
    (complaint) => !filter?.category || complaint.category === filter.category,
  );
  // Open complaints are few per branch: the state (which depends on now) is filtered here and the
  // list paged in memory with a cursor that also fixes `now` for the following pages.
  const cursor = readMemoryCursor(options.args.after);
  const state = filter?.slaState;
  const kept = open.filter(
    (complaint) => !state || complaintMeasures(complaint, cursor.now).slaState === state,
  );
  return pageInMemory(kept, {
    cursor,
    first: options.args.first,
    key: (complaint) => complaintMeasures(complaint, cursor.now).minutesLeft ?? 0,
    id: (complaint) => complaint._id.toHexString(),
  });
}

/** Complaints of many accounts, newest first, one aggregation (for `KeyAccount.complaints`). */
export function complaintsOfAccounts(
  scope: Scope,
  accountIds: readonly string[],
  args: Pick<PageArgs, 'first' | 'after'>,
): Promise<Map<string, Connection<ComplaintDoc>>> {
  return findConnectionsByKey<ComplaintDoc>(ComplaintModel, {
    scope,
    keyField: 'accountId',
    keys: accountIds.map((id) => new Types.ObjectId(id)),
    filter: {},
    sort: [{ field: 'receivedAt', direction: -1 }],
    args,
  });
}

/** A stored complaint as the measurement rules see it. */
export function measuredComplaint(
  complaint: ComplaintDoc,
): MeasuredComplaint & { doc: ComplaintDoc } {
  return {
    accountId: complaint.accountId.toHexString(),
    category: complaint.category,
    receivedAt: complaint.receivedAt,
    firstContactedAt: complaint.firstContactedAt,
    history: complaint.statusHistory,
    targets: complaint.sla,
    clock: complaint.sla.clock,
    doc: complaint,
  };
}

/**
 * The earlier complaint each of `complaints` repeats (measurement rules: same account and
 * category, received within 30 days after its final resolution), or null; derived when read, so
 * a later reopening or resolution of the earlier one is always taken into account. One query for
 * the whole batch.
 */
export async function repeatedComplaints(
  scope: Scope,
  complaints: readonly ComplaintDoc[],
): Promise<Map<string, ComplaintDoc | null>> {
  if (complaints.length === 0) return new Map();
  const received = complaints.map((c) => c.receivedAt.getTime());
  const earlier = await ComplaintModel.find(
    {
      resolvedAt: {
        $gte: new Date(Math.min(...received) - REPEAT_COMPLAINT_DAYS * DAY_MS),
        $lte: new Date(Math.max(...received)),
      },
      accountId: { $in: [...new Set(complaints.map((c) => c.accountId.toHexString()))] },
      category: { $in: [...new Set(complaints.map((c) => c.category))] },
    },
    null,
    { scope },
  ).lean<ComplaintDoc[]>();
  const candidates = earlier.map(measuredComplaint);
  return new Map(
    complaints.map((complaint) => {
      const others = candidates.filter((c) => !c.doc._id.equals(complaint._id));
      return [
        String(complaint._id),
        repeatedComplaint(measuredComplaint(complaint), others)?.doc ?? null,
      ];
    }),
  );
}

/**
 * An account's complaints that were received or finally resolved within [start, end), oldest
 * receipt first, within the caller's scope (for the account's service report).
 */
export function complaintsOfAccountInPeriod(
  scope: Scope,
  accountId: Types.ObjectId,
  period: { start: Date; end: Date },
): Promise<ComplaintDoc[]> {
  const within = { $gte: period.start, $lt: period.end };
  return ComplaintModel.find(
    { accountId, $or: [{ receivedAt: within }, { resolvedAt: within }] },
    null,
    { scope },
  )
    .sort({ receivedAt: 1, _id: 1 })
    .lean<ComplaintDoc[]>();
}
