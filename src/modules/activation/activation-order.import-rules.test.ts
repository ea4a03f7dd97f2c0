import {
  activationOrderRow,
  planActivationOrder,
  type PlannedActivationOrder,
} from './activation-order.import-rules';
import {
  applyActivationEvent,
  measureActivationOrder,
  type ActivationEvent,
  type ActivationOrderState,
} from './activation-order.state';

// Local wall time in Asia/Shanghai (UTC+8, no DST), as CSV cells and as instants.
const cell = (local: string) => `${local}:00+08:00`;
const cst = (local: string) => new Date(cell(local));

const LEAD = 72 * 60; // broadband under the default policy

const baseRow = {
  externalId: 'ORD-1',
  accountExternalId: 'A1',
  product: 'broadband',
  orderedAt: cell('2025-03-03T09:00'),
  status: 'RECEIVED',
};

function plan(cells: Record<string, string>): PlannedActivationOrder {
  const parsed = activationOrderRow.safeParse({ ...baseRow, ...cells });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return planActivationOrder(parsed.data, { leadTimeMinutes: LEAD, actorLogin: 'int.oss' });
}

const stateOf = (planned: PlannedActivationOrder): ActivationOrderState => {
  if (!planned.ok) throw new Error(`${planned.field}: ${planned.reason}`);
  return planned.state;
};

describe('planActivationOrder', () => {
  it('builds the order the mutations build: delayed, re-promised, activated late', () => {
    const imported = stateOf(
      plan({
        status: 'ACTIVATED',
        dispatchConfirmedAt: cell('2025-03-03T10:00'),
        delayReason: 'LINE_RESOURCE_SHORTAGE',
        delayedAt: cell('2025-03-05T09:00'),
        delayNotifiedAt: cell('2025-03-05T10:00'),
        repromises: `${cell('2025-03-08T18:00')}@${cell('2025-03-05T10:00')}`,
        activatedAt: cell('2025-03-08T12:00'),
        acceptanceReportedAt: cell('2025-03-09T09:00'),
        acceptanceReportRef: 'ACC-1',
      }),
    );
    const start: ActivationOrderState = {
      status: 'RECEIVED',
      orderedAt: cst('2025-03-03T09:00'),
      // No promise given: ordered + 72 h.
      promises: [
        {
          madeAt: cst('2025-03-03T09:00'),
          promisedAt: cst('2025-03-06T09:00'),
          actorLogin: 'int.oss',
        },
      ],
      statusHistory: [
        { status: 'RECEIVED', at: cst('2025-03-03T09:00'), actorLogin: 'int.oss', reason: null },
      ],
      delays: [],
      dispatchConfirmedAt: null,
      acceptanceReportedAt: null,
      acceptanceReportRef: null,
      leadTimeMinutes: LEAD,
    };
    const events: ActivationEvent[] = [
      { kind: 'SCHEDULE', at: cst('2025-03-03T10:00') },
      {
        kind: 'DELAY',
        at: cst('2025-03-05T09:00'),
        reason: 'LINE_RESOURCE_SHORTAGE',
        notifiedAt: null,
      },
      { kind: 'NOTIFY_DELAY', at: cst('2025-03-05T10:00') },
      { kind: 'REPROMISE', at: cst('2025-03-05T10:00'), promisedAt: cst('2025-03-08T18:00') },
      { kind: 'ACTIVATE', at: cst('2025-03-08T12:00') },
      { kind: 'ACCEPTANCE_REPORT', at: cst('2025-03-09T09:00'), reference: 'ACC-1' },
    ];
    const built = events.reduce(
      (state, event) => applyActivationEvent(state, event, 'int.oss') ?? state,
      start,
    );
    expect(imported).toEqual(built);
    // Activated 03-08 12:00 against the original promise 03-06 09:00: 51 h = 3060 min late.
    expect(measureActivationOrder(imported)).toMatchObject({
      originalPromisedAt: cst('2025-03-06T09:00'),
      promisedAt: cst('2025-03-08T18:00'),
      onTime: false,
      latenessMinutes: 3060,
      delayNotifiedAt: cst('2025-03-05T10:00'),
      measuredAt: cst('2025-03-08T12:00'),
    });
  });

  it('measures a given original promise and orders the steps by time', () => {
    const state = stateOf(
      plan({
        status: 'SCHEDULED',
        promisedAt: cell('2025-03-10T18:00'),
        delayReason: 'CUSTOMER_SIDE',
        delayedAt: cell('2025-03-04T09:00'),
        // Rescheduled after the delay.
        dispatchConfirmedAt: cell('2025-03-06T09:00'),
      }),
    );
    expect(state.statusHistory.map((e) => e.status)).toEqual(['RECEIVED', 'DELAYED', 'SCHEDULED']);
    expect(measureActivationOrder(state).originalPromisedAt).toEqual(cst('2025-03-10T18:00'));
  });

  it.each([
    [
      'a status the times do not lead to',
      { status: 'ACTIVATED' },
      'status',
      /is ACTIVATED but the times given lead to RECEIVED \(ACTIVATED is entered at activatedAt\)/,
    ],
    [
      'an activation before the delay',
      {
        status: 'ACTIVATED',
        delayReason: 'OTHER',
        delayedAt: cell('2025-03-05T09:00'),
        activatedAt: cell('2025-03-04T09:00'),
      },
      'activatedAt',
      /cannot be before delayedAt \(2025-03-05T01:00:00.000Z\)/,
    ],
    [
      'a re-promise after the cancellation',
      {
        status: 'CANCELLED',
        cancelledAt: cell('2025-03-04T09:00'),
        repromises: `${cell('2025-03-09T09:00')}@${cell('2025-03-05T09:00')}`,
      },
      'cancelledAt',
      /cannot be before repromises entry 1/,
    ],
    [
      'an activation before the order',
      { status: 'ACTIVATED', activatedAt: cell('2025-03-02T09:00') },
      'activatedAt',
      /cannot be before the last status change/,
    ],
    [
      'a promise before the order',
      { promisedAt: cell('2025-03-01T09:00') },
      'promisedAt',
      /cannot be before orderedAt/,
    ],
    [
      'a re-promise earlier than the moment it is made',
      { repromises: `${cell('2025-03-04T09:00')}@${cell('2025-03-05T09:00')}` },
      'repromises',
      /^entry 1: cannot be before the moment it is made/,
    ],
    [
      'a delay without its reason',
      { status: 'DELAYED', delayedAt: cell('2025-03-05T09:00') },
      'delayReason',
      /required with delayedAt/,
    ],
    [
      'a notification without a delay',
      { delayNotifiedAt: cell('2025-03-05T09:00') },
      'delayNotifiedAt',
      /given without delayedAt/,
    ],
    [
      'an acceptance report before activation',
      { acceptanceReportedAt: cell('2025-03-05T09:00') },
      'acceptanceReportedAt',
      /cannot record an acceptance report for an order in status RECEIVED/,
    ],
    [
      'both an activation and a cancellation',
      {
        status: 'ACTIVATED',
        activatedAt: cell('2025-03-05T09:00'),
        cancelledAt: cell('2025-03-05T10:00'),
      },
      'cancelledAt',
      /activated or cancelled, not both/,
    ],
  ])('rejects %s, naming the column', (_what, cells, field, reason) => {
    const planned = plan(cells);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.field).toBe(field);
    expect(planned.reason).toMatch(reason);
  });
});

describe('activationOrderRow', () => {
  it.each([
    [{ status: 'DONE' }, 'status'],
    [{ delayReason: 'WEATHER' }, 'delayReason'],
    [{ product: 'BROAD BAND' }, 'product'],
    [{ activatedAt: '2999-01-01T00:00:00+08:00' }, 'activatedAt'],
    [{ repromises: `${cell('2025-03-09T09:00')}@2999-01-01T00:00:00+08:00` }, 'repromises'],
  ])('rejects the cell %j', (cells, field) => {
    const parsed = activationOrderRow.safeParse({ ...baseRow, ...cells });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it('normalises the product code and lets promises lie ahead', () => {
    const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const parsed = activationOrderRow.parse({ ...baseRow, promisedAt: nextYear });
    expect(parsed.product).toBe('BROADBAND');
  });
});
