import type { Types } from 'mongoose';
import { systemScope } from '../access/scope';
import { auditConsequence, type AuditActor } from '../audit/audit.service';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { applyPending, PENDING, pushPending } from '../consequences/pending-consequences';
import { measuredChangeConsequences } from '../journey/measured-record';
import { findRepeatOf, REPEAT_WINDOW_MS } from './fault-lifecycle';
import { FaultTicketModel } from './fault-ticket.model';

const scope = systemScope('repeat-faults');

/** A ticket's service and instants before or after a write (both, when it changed). */
export type TouchedTicket = {
  accountId: Types.ObjectId;
  serviceRef: string;
  reportedAt: Date;
  finalRestoredAt: Date | null;
};

/** What re-deriving needs of a stored ticket. */
export type RepeatRow = {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
  serviceRef: string;
  reportedAt: Date;
  finalRestoredAt: Date | null;
  repeatOfTicketId: Types.ObjectId | null;
  measuredAt: Date | null;
};

/** A ticket whose `repeatOfTicketId` was re-derived to another value. */
export type RepeatChange = { before: RepeatRow; after: RepeatRow };

const pairKey = (ticket: { accountId: Types.ObjectId; serviceRef: string }) =>
  `${ticket.accountId.toHexString()}|${ticket.serviceRef}`;

/**
 * The `repeatOfTicketId` every ticket of the pairs should have, as `findRepeatOf` decides, for the
 * tickets reported within [from, to]: their candidates (finally restored within the window before
 * their report) are all among `tickets`. Returns those whose stored value differs.
 */
export function repeatChanges(
  tickets: readonly RepeatRow[],
  window: { from: Date; to: Date },
): RepeatChange[] {
  const byPair = new Map<string, RepeatRow[]>();
  for (const ticket of tickets) {
    byPair.set(pairKey(ticket), [...(byPair.get(pairKey(ticket)) ?? []), ticket]);
  }
  const changes: RepeatChange[] = [];
  for (const group of byPair.values()) {
    const candidates = group.map((doc) => ({
      id: doc._id.toHexString(),
      accountId: doc.accountId.toHexString(),
      serviceRef: doc.serviceRef,
      reportedAt: doc.reportedAt,
      finalRestoredAt: doc.finalRestoredAt,
      doc,
    }));
    for (const candidate of candidates) {
      const { doc } = candidate;
      if (doc.reportedAt < window.from || doc.reportedAt > window.to) continue;
      const repeatOf = findRepeatOf(candidate, candidates)?.doc._id ?? null;
      if (String(repeatOf ?? '') === String(doc.repeatOfTicketId ?? '')) continue;
      changes.push({ before: doc, after: { ...doc, repeatOfTicketId: repeatOf } });
    }
  }
  return changes;
}

const PROJECTION = {
  accountId: 1,
  branchCode: 1,
  serviceRef: 1,
  reportedAt: 1,
  finalRestoredAt: 1,
  repeatOfTicketId: 1,
  measuredAt: 1,
};

// Tickets of the given services within any of the time ranges, in one query.
async function ticketsOn(
  services: readonly { accountId: Types.ObjectId; serviceRef: string }[],
  ranges: Record<string, unknown>[],
): Promise<RepeatRow[]> {
  const pairs = new Set(services.map(pairKey));
  const accountIds = new Map(services.map((s) => [String(s.accountId), s.accountId]));
  const found = await FaultTicketModel.find(
    {
      // The time ranges first: cheap to test, and they narrow the most.
      $or: ranges,
      accountId: { $in: [...accountIds.values()] },
      serviceRef: { $in: [...new Set(services.map((s) => s.serviceRef))] },
    },
    PROJECTION,
    { scope },
  ).lean<RepeatRow[]>();
  return found.filter((ticket) => pairs.has(pairKey(ticket)));
}

const range = (from: number, to: number) => ({ $gte: new Date(from), $lte: new Date(to) });

/**
 * Re-derives "repeat of" around tickets a bulk write moved (imports: new, or another service,
 * report or final restoration; old and new versions), after the write, so the answer depends
 * neither on the order of the rows nor on which concurrent batch wrote first. One read of the
 * moved services' tickets (the moved ones, those reported within the window after one of their
 * restorations, and what the moved ones may repeat), a second one only when tickets reported
 * after all the moved ones exist (what those may repeat); then one bulk write and one audit insert
 * for the tickets whose value changes. Returns the changes.
 */
export async function rederiveRepeatsAround(
  touched: readonly TouchedTicket[],
  auditActor: AuditActor,
): Promise<RepeatChange[]> {
  if (touched.length === 0) return [];
  const reports = touched.map((t) => t.reportedAt.getTime());
  const restorations = touched.flatMap((t) => (t.finalRestoredAt ? [t.finalRestoredAt] : []));
  const first = Math.min(...reports);
  const lastReport = Math.max(...reports);
  const lastAffected = Math.max(
    lastReport,
    ...restorations.map((at) => at.getTime() + REPEAT_WINDOW_MS),
  );
  const read = await ticketsOn(touched, [
    { reportedAt: range(first, lastAffected) },
    { finalRestoredAt: range(first - REPEAT_WINDOW_MS, lastReport) },
  ]);
  const later = read.filter((ticket) => ticket.reportedAt.getTime() > lastReport);
  const laterReports = later.map((ticket) => ticket.reportedAt.getTime());
  const more =
    later.length === 0
      ? []
      : await ticketsOn(later, [
          {
            finalRestoredAt: range(
              Math.min(...laterReports) - REPEAT_WINDOW_MS,
              Math.max(...laterReports),
            ),
          },
        ]);
  const tickets = new Map([...read, ...more].map((ticket) => [String(ticket._id), ticket]));
  const changes = repeatChanges([...tickets.values()], {
    from: new Date(first),
    to: new Date(lastAffected),
  });
  if (changes.length === 0) return [];
  // Each change stores its audit entry and snapshot invalidation with itself.
  const pending = changes.map((change) => changeConsequences(change, auditActor));
  // A derived field outside the revision, as for the mutations: lifecycle writes never set it.
  await FaultTicketModel.bulkWrite(
    changes.map(({ after }, i) => ({
      updateOne: {
        filter: { _id: after._id },
        update: { $set: { repeatOfTicketId: after.repeatOfTicketId }, ...pushPending(pending[i]!) },
      },
    })),
    { ordered: false },
  );
  await applyPending(
    FaultTicketModel,
    changes.map(({ after }, i) => ({ _id: after._id, [PENDING]: pending[i]! })),
  );
  return changes;
}

/** Fields of a ticket that decide scorecard figures (as MEASURED_FAULT_FIELDS) that a repeat moves. */
const REPEAT_MEASURED = ['repeatOfTicketId'] as const;

function changeConsequences(
  { before, after }: RepeatChange,
  auditActor: AuditActor,
): PendingConsequence[] {
  return [
    auditConsequence({
      actor: auditActor,
      action: 'rederiveRepeatFault',
      entityType: 'FaultTicket',
      entityId: String(after._id),
      branchCode: after.branchCode,
      changes: [
        {
          field: 'repeatOfTicketId',
          before: before.repeatOfTicketId,
          after: after.repeatOfTicketId,
        },
      ],
    }),
    ...measuredChangeConsequences({
      branchCode: after.branchCode,
      before,
      after,
      fields: REPEAT_MEASURED,
    }),
  ];
}

/**
 * "Repeat of" re-derived around tickets a write moved, as a consequence of that write: the moved
 * versions are its arguments; a batch of them is re-derived at once. Idempotent: a second
 * application finds every value already right and changes nothing.
 */
export function repeatsConsequence(moved: TouchedTicket[]): PendingConsequence<TouchedTicket[]> {
  return consequence('faultRepeats', moved);
}

registerConsequenceKind<TouchedTicket[]>('faultRepeats', CONSEQUENCE_ORDER.derived, async (due) => {
  await rederiveRepeatsAround(
    due.flatMap((item) => item.args),
    { system: 'repeat-faults' },
  );
});
