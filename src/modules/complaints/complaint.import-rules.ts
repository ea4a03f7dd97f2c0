import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  optionalCodeCell,
  optionalEnumCell,
  optionalPastInstantCell,
  pastInstantCell,
} from '../imports/account-linked-rows';
import { codeEntry, listCell, pastInstantEntry, type EntryReading } from '../imports/list-cells';
import { enumCell, optionalTextCell, textCell } from '../imports/row-fields';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint-rules';
import { compensationInput, complaintChannelInput } from './complaint.inputs';
import { COMPLAINT_CATEGORIES } from './complaint.model';
import {
  applyComplaintEvent,
  COMPLAINT_OUTCOMES,
  receivedComplaint,
  type Compensation,
  type ComplaintEvent,
  type ComplaintOutcome,
  type ComplaintSla,
  type ComplaintState,
} from './complaint.state';

// How a complaint import row becomes a complaint: the row's facts are replayed as the events the
// mutations would have recorded, under the same rules (complaint.state.ts).

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Statuses a `statusHistory` entry may enter (RECEIVED is the start, at `receivedAt`). */
const ENTRY_STATUSES = COMPLAINT_STATUSES.filter(
  (status): status is Exclude<ComplaintStatus, 'RECEIVED'> => status !== 'RECEIVED',
);

/** One `statusHistory` entry: `STATUS@time`, or `RESOLVED:OUTCOME@time`. */
export type ComplaintHistoryEntry = {
  status: Exclude<ComplaintStatus, 'RECEIVED'>;
  at: Date;
  outcome: ComplaintOutcome | null;
};

const fail = (reason: string) => ({ ok: false, reason }) as const;

/** Reads `CONTACTED@2026-03-05T10:05:00+08:00` or `RESOLVED:UPHELD@…`. */
export function readComplaintEntry(text: string): EntryReading<ComplaintHistoryEntry> {
  const [head, time, ...extra] = text.split('@');
  if (time === undefined || extra.length > 0) return fail('not STATUS@time');
  const [statusText, outcomeText, ...more] = head!.split(':');
  const status = codeEntry(ENTRY_STATUSES, statusText, 'status');
  if (!status.ok) return status;
  if (more.length > 0) return fail('not STATUS@time');
  let outcome: ComplaintOutcome | null = null;
  if (status.value === 'RESOLVED') {
    const read = codeEntry(COMPLAINT_OUTCOMES, outcomeText, 'outcome');
    if (!read.ok) return fail(`${read.reason} (RESOLVED:OUTCOME@time)`);
    outcome = read.value;
  } else if (outcomeText !== undefined) {
    return fail('only RESOLVED takes an outcome');
  }
  const at = pastInstantEntry(time);
  return at.ok ? { ok: true, value: { status: status.value, at: at.value, outcome } } : at;
}

/** A complaint import row (columns: docs/integration-imports.md). */
export const complaintRow = z.object({
  externalId: textCell(100),
  accountExternalId: textCell(100),
  accountSourceSystem: optionalCodeCell(),
  receivedAt: pastInstantCell(),
  // The mutation's rules for a channel (a code, stored upper-case).
  channel: z.preprocess(blank, complaintChannelInput),
  category: enumCell(COMPLAINT_CATEGORIES),
  description: optionalTextCell(2000),
  aboutOrderExternalId: optionalTextCell(100),
  aboutOrderSourceSystem: optionalCodeCell(),
  aboutTicketExternalId: optionalTextCell(100),
  aboutTicketSourceSystem: optionalCodeCell(),
  contactedAt: optionalPastInstantCell(),
  resolvedAt: optionalPastInstantCell(),
  outcome: optionalEnumCell(COMPLAINT_OUTCOMES),
  confirmedAt: optionalPastInstantCell(),
  reopenedAt: optionalPastInstantCell(),
  finalResolvedAt: optionalPastInstantCell(),
  statusHistory: listCell('STATUS@time', readComplaintEntry),
  compensationAmount: z.preprocess(blank, z.coerce.number({ error: 'not a number' }).optional()),
  compensationCurrency: optionalTextCell(3),
});

/** A valid complaint import row. */
export type ComplaintImportRow = z.infer<typeof complaintRow>;

/** The single time columns, in lifecycle order, and the event each records. */
const TIME_COLUMNS = [
  ['contactedAt', 'CONTACT'],
  ['resolvedAt', 'RESOLVE'],
  ['confirmedAt', 'CONFIRM'],
  ['reopenedAt', 'REOPEN'],
  ['finalResolvedAt', 'RESOLVE'],
] as const;

const ENTERED_BY = {
  CONTACTED: 'CONTACT',
  RESOLVED: 'RESOLVE',
  CONFIRMED: 'CONFIRM',
  REOPENED: 'REOPEN',
} as const;

/** One event to replay, and the column (and entry) it comes from. */
type Step = { field: string; entry: number | null; event: ComplaintEvent };

function resolution(at: Date, outcome: ComplaintOutcome | null): ComplaintEvent | null {
  return outcome ? { kind: 'RESOLVE', at, outcome } : null;
}

// A given statusHistory wins over the single time columns; a resolution needs its outcome.
function steps(row: ComplaintImportRow): Step[] | { field: string; reason: string } {
  if (row.statusHistory.length > 0) {
    return row.statusHistory.map((entry, index) => ({
      field: 'statusHistory',
      entry: index + 1,
      event:
        entry.status === 'RESOLVED'
          ? resolution(entry.at, entry.outcome)!
          : { kind: ENTERED_BY[entry.status], at: entry.at },
    }));
  }
  const found: Step[] = [];
  for (const [field, kind] of TIME_COLUMNS) {
    const at = row[field];
    if (!at) continue;
    const event = kind === 'RESOLVE' ? resolution(at, row.outcome) : { kind, at };
    if (!event) return { field: 'outcome', reason: `required with ${field}` };
    found.push({ field, entry: null, event });
  }
  return found;
}

/** The compensation of a row: both columns or neither, under the mutation's rules. */
function compensationOf(
  row: ComplaintImportRow,
): { ok: true; value: Compensation | null } | { ok: false; field: string; reason: string } {
  if (row.compensationAmount === undefined && row.compensationCurrency === null) {
    return { ok: true, value: null };
  }
  const parsed = compensationInput.safeParse({
    amount: row.compensationAmount,
    currency: row.compensationCurrency ?? undefined,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0] === 'currency' ? 'compensationCurrency' : 'compensationAmount';
  return { ok: false, field, reason: issue.message };
}

/** A row's complaint, or the column that makes it impossible and why. */
export type PlannedComplaint =
  { ok: true; state: ComplaintState } | { ok: false; field: string; reason: string };

// The rules' messages start with their own field name (`at: cannot be before …`): the import
// names the column instead.
function ruleMessage(error: AppError): string {
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * The complaint a row describes: received at `receivedAt` with the policy values `sla`, then every
 * status change replayed under the mutations' rules, the compensation going with the last
 * resolution. An illegal sequence or a time that runs backwards rejects the row naming its column.
 */
export function planComplaint(
  row: ComplaintImportRow,
  options: { sla: ComplaintSla; actorLogin: string },
): PlannedComplaint {
  const { actorLogin } = options;
  if (row.aboutOrderExternalId && row.aboutTicketExternalId) {
    return {
      ok: false,
      field: 'aboutTicketExternalId',
      reason: 'a complaint is about one order or one ticket, not both',
    };
  }
  const compensation = compensationOf(row);
  if (!compensation.ok) return compensation;
  const planned = steps(row);
  if (!Array.isArray(planned)) return { ok: false, ...planned };
  const last = planned.findLastIndex((step) => step.event.kind === 'RESOLVE');
  if (compensation.value && last < 0) {
    return { ok: false, field: 'compensationAmount', reason: 'given without a resolution' };
  }
  let state = receivedComplaint({ receivedAt: row.receivedAt, sla: options.sla, actorLogin });
  for (const [index, step] of planned.entries()) {
    const event = index === last ? { ...step.event, compensation: compensation.value } : step.event;
    try {
      state = applyComplaintEvent(state, event, actorLogin) ?? state;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = ruleMessage(error);
      return {
        ok: false,
        field: step.field,
        reason: step.entry ? `entry ${step.entry}: ${message}` : message,
      };
    }
  }
  return { ok: true, state };
}
