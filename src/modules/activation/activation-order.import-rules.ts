import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { codeInput } from '../../shared/inputs';
import {
  optionalCodeCell,
  optionalEnumCell,
  optionalPastInstantCell,
  pastInstantCell,
} from '../imports/account-linked-rows';
import {
  anyInstantEntry,
  listCell,
  pastInstantEntry,
  type EntryReading,
} from '../imports/list-cells';
import { enumCell, optionalInstantCell, optionalTextCell, textCell } from '../imports/row-fields';
import { normalizeProduct } from '../sla-policies/resolve-policy';
import {
  applyActivationEvent,
  type ActivationEvent,
  type ActivationOrderState,
} from './activation-order.state';
import {
  ACTIVATION_STATUSES,
  DELAY_REASONS,
  derivePromisedAt,
  type ActivationStatus,
} from './activation-rules';

// How an activation-order import row becomes an order: the row's facts are replayed as the events
// the mutations would have recorded, under the same rules (activation-order.state.ts).

/** One `repromises` entry: a later promise and when it was made. */
export type RepromiseEntry = { promisedAt: Date; madeAt: Date };

const fail = (reason: string) => ({ ok: false, reason }) as const;

/** Reads `2026-03-20T18:00:00+08:00@2026-03-12T09:00:00+08:00` (promisedAt@madeAt). */
export function readRepromiseEntry(text: string): EntryReading<RepromiseEntry> {
  const [promised, made, ...extra] = text.split('@');
  if (made === undefined || extra.length > 0) return fail('not promisedAt@madeAt');
  const promisedAt = anyInstantEntry(promised!);
  if (!promisedAt.ok) return fail(`promisedAt: ${promisedAt.reason}`);
  const madeAt = pastInstantEntry(made);
  if (!madeAt.ok) return fail(`madeAt: ${madeAt.reason}`);
  return { ok: true, value: { promisedAt: promisedAt.value, madeAt: madeAt.value } };
}

const productCell = () =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    codeInput.transform(normalizeProduct),
  );

/** An activation-order import row (columns: docs/integration-imports.md). */
export const activationOrderRow = z.object({
  externalId: textCell(100),
  accountExternalId: textCell(100),
  accountSourceSystem: optionalCodeCell(),
  product: productCell(),
  orderedAt: pastInstantCell(),
  // What the customer asked for and what was promised may lie ahead.
  requestedAt: optionalInstantCell(),
  promisedAt: optionalInstantCell(),
  repromises: listCell('promisedAt@madeAt', readRepromiseEntry),
  status: enumCell(ACTIVATION_STATUSES),
  dispatchConfirmedAt: optionalPastInstantCell(),
  workStartedAt: optionalPastInstantCell(),
  delayReason: optionalEnumCell(DELAY_REASONS),
  delayedAt: optionalPastInstantCell(),
  delayNotifiedAt: optionalPastInstantCell(),
  activatedAt: optionalPastInstantCell(),
  cancelledAt: optionalPastInstantCell(),
  acceptanceReportedAt: optionalPastInstantCell(),
  acceptanceReportRef: optionalTextCell(200),
});

/** A valid activation-order import row. */
export type ActivationOrderImportRow = z.infer<typeof activationOrderRow>;

/** One event to replay, and the column (and entry) it comes from. */
type Step = { field: string; entry: number | null; at: Date; event: ActivationEvent };

/** A row's order, or the column that makes it impossible and why. */
export type PlannedActivationOrder =
  { ok: true; state: ActivationOrderState } | { ok: false; field: string; reason: string };

const refuse = (field: string, reason: string): PlannedActivationOrder => ({
  ok: false,
  field,
  reason,
});

/** The column whose time enters each status. */
const ENTERED_AT: Record<ActivationStatus, string> = {
  RECEIVED: 'orderedAt',
  SCHEDULED: 'dispatchConfirmedAt',
  IN_PROGRESS: 'workStartedAt',
  DELAYED: 'delayedAt',
  ACTIVATED: 'activatedAt',
  CANCELLED: 'cancelledAt',
};

// Columns that only make sense together, or before or after another; null when the row is fine.
function inconsistency(row: ActivationOrderImportRow): PlannedActivationOrder | null {
  for (const field of ['requestedAt', 'promisedAt', 'delayNotifiedAt'] as const) {
    const at = row[field];
    if (at && at < row.orderedAt) return refuse(field, 'cannot be before orderedAt');
  }
  if (row.delayReason && !row.delayedAt) return refuse('delayedAt', 'required with delayReason');
  if (row.delayedAt && !row.delayReason) return refuse('delayReason', 'required with delayedAt');
  if (row.delayNotifiedAt && !row.delayedAt)
    return refuse('delayNotifiedAt', 'given without delayedAt');
  if (row.acceptanceReportRef && !row.acceptanceReportedAt)
    return refuse('acceptanceReportRef', 'given without acceptanceReportedAt');
  if (row.activatedAt && row.cancelledAt)
    return refuse('cancelledAt', 'an order is activated or cancelled, not both');
  return null;
}

// Everything before the order is finished, by time (at the same instant: the order below).
function openSteps(row: ActivationOrderImportRow): Step[] {
  const steps: Step[] = [];
  if (row.dispatchConfirmedAt) {
    const at = row.dispatchConfirmedAt;
    steps.push({ field: 'dispatchConfirmedAt', entry: null, at, event: { kind: 'SCHEDULE', at } });
  }
  if (row.workStartedAt) {
    const at = row.workStartedAt;
    steps.push({ field: 'workStartedAt', entry: null, at, event: { kind: 'START_WORK', at } });
  }
  if (row.delayedAt && row.delayReason) {
    const at = row.delayedAt;
    steps.push({
      field: 'delayedAt',
      entry: null,
      at,
      event: { kind: 'DELAY', at, reason: row.delayReason, notifiedAt: row.delayNotifiedAt },
    });
  }
  row.repromises.forEach(({ promisedAt, madeAt }, index) =>
    steps.push({
      field: 'repromises',
      entry: index + 1,
      at: madeAt,
      event: { kind: 'REPROMISE', at: madeAt, promisedAt },
    }),
  );
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

// The activation or cancellation comes last, and nothing the row says happened after it.
function finishingSteps(
  row: ActivationOrderImportRow,
  open: Step[],
): Step[] | PlannedActivationOrder {
  const finish: Step | null = row.activatedAt
    ? {
        field: 'activatedAt',
        entry: null,
        at: row.activatedAt,
        event: { kind: 'ACTIVATE', at: row.activatedAt },
      }
    : row.cancelledAt
      ? {
          field: 'cancelledAt',
          entry: null,
          at: row.cancelledAt,
          event: { kind: 'CANCEL', at: row.cancelledAt },
        }
      : null;
  const later = finish && open.find((step) => step.at > finish.at);
  if (finish && later) {
    const what = later.entry ? `${later.field} entry ${later.entry}` : later.field;
    return refuse(finish.field, `cannot be before ${what} (${later.at.toISOString()})`);
  }
  const accepted: Step[] = row.acceptanceReportedAt
    ? [
        {
          field: 'acceptanceReportedAt',
          entry: null,
          at: row.acceptanceReportedAt,
          event: {
            kind: 'ACCEPTANCE_REPORT',
            at: row.acceptanceReportedAt,
            reference: row.acceptanceReportRef,
          },
        },
      ]
    : [];
  return [...(finish ? [finish] : []), ...accepted];
}

// The rules' messages start with their own field name (`at: cannot be before …`): the import
// names the column instead.
function ruleMessage(error: AppError): string {
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * The order a row describes: received at `orderedAt` with the original promise (given, or the
 * policy's lead time from `orderedAt`), then scheduling, work, the delay and re-promises by time,
 * then the activation or cancellation and the acceptance report, replayed under the mutations'
 * rules. The status the times lead to must be the row's `status`.
 */
export function planActivationOrder(
  row: ActivationOrderImportRow,
  options: { leadTimeMinutes: number; actorLogin: string },
): PlannedActivationOrder {
  const wrong = inconsistency(row);
  if (wrong) return wrong;
  const { actorLogin, leadTimeMinutes } = options;
  const at = row.orderedAt;
  let state: ActivationOrderState = {
    status: 'RECEIVED',
    orderedAt: at,
    promises: [
      {
        madeAt: at,
        promisedAt: row.promisedAt ?? derivePromisedAt(at, leadTimeMinutes),
        actorLogin,
      },
    ],
    statusHistory: [{ status: 'RECEIVED', at, actorLogin, reason: null }],
    delays: [],
    dispatchConfirmedAt: null,
    acceptanceReportedAt: null,
    acceptanceReportRef: null,
    leadTimeMinutes,
  };
  const open = openSteps(row);
  const finishing = finishingSteps(row, open);
  if (!Array.isArray(finishing)) return finishing;
  for (const step of [...open, ...finishing]) {
    try {
      state = applyActivationEvent(state, step.event, actorLogin) ?? state;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = ruleMessage(error);
      return refuse(step.field, step.entry ? `entry ${step.entry}: ${message}` : message);
    }
  }
  if (state.status !== row.status) {
    return refuse(
      'status',
      `is ${row.status} but the times given lead to ${state.status} (${row.status} is entered at ${ENTERED_AT[row.status]})`,
    );
  }
  return { ok: true, state };
}
