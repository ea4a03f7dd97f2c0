import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  optionalCodeCell,
  optionalPastInstantCell,
  pastInstantCell,
} from '../imports/account-linked-rows';
import { codeEntry, listCell, pastInstantEntry, type EntryReading } from '../imports/list-cells';
import { enumCell, optionalBooleanCell, optionalTextCell, textCell } from '../imports/row-fields';
import { SEVERITIES, type Severity } from '../sla-policies/resolve-policy';
import { FAULT_STATUSES, type FaultStatus } from './fault-lifecycle';
import { REPORT_CHANNELS } from './fault-ticket.model';
import {
  applyFaultEvent,
  PAUSE_REASONS,
  type FaultEvent,
  type FaultTicketState,
  type PauseReason,
  type TicketSla,
} from './fault-ticket.state';

// How a fault-ticket import row becomes a ticket: the row's facts are replayed as the events the
// mutations would have recorded, under the same rules (fault-ticket.state.ts).

/** Statuses a `statusHistory` entry may enter (REPORTED is the start, at `reportedAt`). */
const ENTRY_STATUSES = FAULT_STATUSES.filter(
  (status): status is Exclude<FaultStatus, 'REPORTED'> => status !== 'REPORTED',
);

/** One `statusHistory` entry: `STATUS@time`, or `PENDING_CUSTOMER:REASON@time` for a pause. */
export type StatusHistoryEntry = {
  status: Exclude<FaultStatus, 'REPORTED'>;
  at: Date;
  reason: PauseReason | null;
};

const fail = (reason: string) => ({ ok: false, reason }) as const;

/** Reads `ACKNOWLEDGED@2026-03-05T10:05:00+08:00` or `PENDING_CUSTOMER:NO_ACCESS@…`. */
export function readStatusEntry(text: string): EntryReading<StatusHistoryEntry> {
  const [head, time, ...extra] = text.split('@');
  if (time === undefined || extra.length > 0) return fail('not STATUS@time');
  const [statusText, reasonText, ...more] = head!.split(':');
  const status = codeEntry(ENTRY_STATUSES, statusText, 'status');
  if (!status.ok) return status;
  if (more.length > 0) return fail('not STATUS@time');
  let reason: PauseReason | null = null;
  if (status.value === 'PENDING_CUSTOMER') {
    const read = codeEntry(PAUSE_REASONS, reasonText, 'pause reason');
    if (!read.ok) return fail(`${read.reason} (PENDING_CUSTOMER:REASON@time)`);
    reason = read.value;
  } else if (reasonText !== undefined) {
    return fail('only PENDING_CUSTOMER takes a reason');
  }
  const at = pastInstantEntry(time);
  return at.ok ? { ok: true, value: { status: status.value, at: at.value, reason } } : at;
}

/** One `severityHistory` entry: the severity the ticket had from `at` on. */
export type SeverityHistoryEntry = { severity: Severity; at: Date };

/** Reads `MAJOR@2026-03-05T10:00:00+08:00`. */
export function readSeverityEntry(text: string): EntryReading<SeverityHistoryEntry> {
  const [severityText, time, ...extra] = text.split('@');
  if (time === undefined || extra.length > 0) return fail('not SEVERITY@time');
  const severity = codeEntry(SEVERITIES, severityText, 'severity');
  if (!severity.ok) return severity;
  const at = pastInstantEntry(time);
  return at.ok ? { ok: true, value: { severity: severity.value, at: at.value } } : at;
}

/** One `pauses` entry: a pause recorded after the fact. */
export type PauseEntry = { from: Date; to: Date; reason: PauseReason };

/** Reads `2026-03-05T11:30:00+08:00/2026-03-05T12:30:00+08:00/NO_ACCESS`. */
export function readPauseEntry(text: string): EntryReading<PauseEntry> {
  const parts = text.split('/');
  if (parts.length !== 3) return fail('not from/to/REASON');
  const from = pastInstantEntry(parts[0]!);
  if (!from.ok) return fail(`from: ${from.reason}`);
  const to = pastInstantEntry(parts[1]!);
  if (!to.ok) return fail(`to: ${to.reason}`);
  const reason = codeEntry(PAUSE_REASONS, parts[2], 'pause reason');
  if (!reason.ok) return reason;
  if (to.value.getTime() <= from.value.getTime()) return fail('to must be after from');
  return { ok: true, value: { from: from.value, to: to.value, reason: reason.value } };
}

/** A fault-ticket import row (columns: docs/integration-imports.md). */
export const faultTicketRow = z.object({
  externalId: textCell(100),
  accountExternalId: textCell(100),
  accountSourceSystem: optionalCodeCell(),
  serviceRef: textCell(100),
  severity: enumCell(SEVERITIES),
  channel: enumCell(REPORT_CHANNELS),
  reportedAt: pastInstantCell(),
  acknowledgedAt: optionalPastInstantCell(),
  workStartedAt: optionalPastInstantCell(),
  restoredAt: optionalPastInstantCell(),
  closedAt: optionalPastInstantCell(),
  reopenedAt: optionalPastInstantCell(),
  finalRestoredAt: optionalPastInstantCell(),
  statusHistory: listCell('STATUS@time', readStatusEntry),
  severityHistory: listCell('SEVERITY@time', readSeverityEntry),
  pauses: listCell('from/to/REASON', readPauseEntry),
  interProvincial: optionalBooleanCell(),
  cause: optionalTextCell(2000),
  causeExplainedAt: optionalPastInstantCell(),
});

/** A valid fault-ticket import row. */
export type FaultTicketImportRow = z.infer<typeof faultTicketRow>;

/** The single time columns, in lifecycle order, and the action each records. */
const TIME_COLUMNS = [
  ['acknowledgedAt', 'ACKNOWLEDGE'],
  ['workStartedAt', 'START_WORK'],
  ['restoredAt', 'RESTORE'],
  ['closedAt', 'CLOSE'],
  ['reopenedAt', 'REOPEN'],
  ['finalRestoredAt', 'RESTORE'],
] as const;

/** The action that enters each status (IN_PROGRESS after a pause is a RESUME). */
const ENTERED_BY = {
  ACKNOWLEDGED: 'ACKNOWLEDGE',
  IN_PROGRESS: 'START_WORK',
  RESTORED: 'RESTORE',
  CLOSED: 'CLOSE',
  REOPENED: 'REOPEN',
} as const;

/** One event to replay, and the column (and entry) it comes from. */
type Step = { field: string; entry: number | null; event: (state: FaultTicketState) => FaultEvent };

function statusEvent(state: FaultTicketState, entry: StatusHistoryEntry): FaultEvent {
  if (entry.status === 'PENDING_CUSTOMER') {
    // readStatusEntry requires the reason of a pause.
    return { kind: 'PAUSE', at: entry.at, reason: entry.reason! };
  }
  if (entry.status === 'IN_PROGRESS' && state.status === 'PENDING_CUSTOMER') {
    return { kind: 'RESUME', at: entry.at };
  }
  return { kind: ENTERED_BY[entry.status], at: entry.at };
}

// A given statusHistory wins over the single time columns.
function statusSteps(row: FaultTicketImportRow): Step[] {
  if (row.statusHistory.length > 0) {
    return row.statusHistory.map((entry, index) => ({
      field: 'statusHistory',
      entry: index + 1,
      event: (state) => statusEvent(state, entry),
    }));
  }
  return TIME_COLUMNS.flatMap(([field, kind]) => {
    const at = row[field];
    return at ? [{ field, entry: null, event: (): FaultEvent => ({ kind, at }) }] : [];
  });
}

function steps(row: FaultTicketImportRow): Step[] {
  const severityChanges: Step[] = row.severityHistory.slice(1).map((entry, index) => ({
    field: 'severityHistory',
    entry: index + 2,
    event: () => ({ kind: 'CHANGE_SEVERITY', at: entry.at, severity: entry.severity }),
  }));
  const pauses: Step[] = row.pauses.map((pause, index) => ({
    field: 'pauses',
    entry: index + 1,
    event: () => ({ kind: 'RECORD_PAUSE', ...pause }),
  }));
  const cause: Step[] = row.cause
    ? [
        {
          field: 'causeExplainedAt',
          entry: null,
          event: () => ({
            kind: 'RECORD_CAUSE',
            cause: row.cause!,
            explainedAt: row.causeExplainedAt,
          }),
        },
      ]
    : [];
  return [...statusSteps(row), ...severityChanges, ...pauses, ...cause];
}

/** A row's ticket, or the column that makes it impossible and why. */
export type PlannedFaultTicket =
  { ok: true; state: FaultTicketState } | { ok: false; field: string; reason: string };

const refuse = (field: string, reason: string): PlannedFaultTicket => ({
  ok: false,
  field,
  reason,
});

// The rules' messages start with their own field name (`at: cannot be before …`): the import
// names the column instead.
function ruleMessage(error: AppError): string {
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * The ticket a row describes: opened at `reportedAt` with the first severity and the policy values
 * `sla`, then every status change, severity change, recorded pause and the cause replayed under
 * the mutations' rules, so the stored ticket is the one the mutations would have built.
 * An illegal status sequence or a time that runs backwards rejects the row naming its column.
 */
export function planFaultTicket(
  row: FaultTicketImportRow,
  options: { sla: TicketSla; actorLogin: string },
): PlannedFaultTicket {
  const { actorLogin } = options;
  const first = row.severityHistory[0];
  if (first && first.at.getTime() !== row.reportedAt.getTime()) {
    return refuse(
      'severityHistory',
      `entry 1 is the reported severity: its time must be reportedAt (${row.reportedAt.toISOString()})`,
    );
  }
  if (row.causeExplainedAt && !row.cause) return refuse('causeExplainedAt', 'given without cause');
  const severity = first?.severity ?? row.severity;
  const at = row.reportedAt;
  let state: FaultTicketState = {
    status: 'REPORTED',
    reportedAt: at,
    severity,
    severityHistory: [{ severity, at, actorLogin }],
    statusHistory: [{ status: 'REPORTED', at, actorLogin, reason: null }],
    recordedPauses: [],
    cause: null,
    causeExplainedAt: null,
    sla: options.sla,
  };
  for (const step of steps(row)) {
    try {
      state = applyFaultEvent(state, step.event(state), actorLogin) ?? state;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = ruleMessage(error);
      return refuse(step.field, step.entry ? `entry ${step.entry}: ${message}` : message);
    }
  }
  if (state.severity !== row.severity) {
    return refuse('severity', `is ${row.severity} but severityHistory ends in ${state.severity}`);
  }
  return { ok: true, state };
}
