import { parsePeriod } from '../../shared/period';
import {
  serviceReportFigures,
  type ReportOrder,
  type ReportRecords,
} from './service-report-figures';

const Q = parsePeriod('2026-Q3', 'Asia/Shanghai');
const at = (local: string) => new Date(`${local}:00+08:00`);
const NOW = at('2026-11-01T00:00');

const order = (overrides: Partial<ReportOrder>): ReportOrder => ({
  status: 'ACTIVATED',
  delays: [],
  originalPromisedAt: at('2026-07-10T18:00'),
  activatedAt: at('2026-07-10T12:00'),
  latenessMinutes: 0,
  delayNotifiedAt: null,
  ...overrides,
});

const records = (overrides: Partial<ReportRecords>): ReportRecords => ({
  account: { id: 'a', openedAt: at('2025-01-01T00:00'), closedAt: null },
  activated: [],
  open: [],
  restored: [],
  closed: [],
  completions: [],
  responses: [],
  complaints: [],
  ...overrides,
});

describe('serviceReportFigures', () => {
  it('counts each delay reason once per order, most frequent first', () => {
    const delayed = (reasons: ReportOrder['delays'][number]['reason'][]) =>
      order({
        delays: reasons.map((reason) => ({
          reason,
          at: at('2026-07-09T09:00'),
          notifiedAt: null,
          actorLogin: 'am',
        })),
        latenessMinutes: 60,
      });
    const figures = serviceReportFigures(
      records({
        activated: [delayed(['OTHER', 'OTHER', 'CUSTOMER_SIDE']), delayed(['CUSTOMER_SIDE'])],
      }),
      Q,
      NOW,
    );
    // OTHER twice on one order counts once: CUSTOMER_SIDE 2 orders, OTHER 1.
    expect(figures.delayReasons).toEqual([
      { reason: 'CUSTOMER_SIDE', orders: 2 },
      { reason: 'OTHER', orders: 1 },
    ]);
  });

  it('rates telling only over orders with something to tell, open ones as of now', () => {
    const figures = serviceReportFigures(
      records({
        // on time, nothing to tell; late and told in time; late, never told
        activated: [
          order({}),
          order({ latenessMinutes: 30, delayNotifiedAt: at('2026-07-09T09:00') }),
          order({ latenessMinutes: 30 }),
        ],
        // open, past its promise now, told before it
        open: [
          order({
            status: 'DELAYED',
            activatedAt: null,
            latenessMinutes: null,
            originalPromisedAt: at('2026-09-25T18:00'),
            delayNotifiedAt: at('2026-09-25T17:00'),
          }),
        ],
      }),
      Q,
      NOW,
    );
    // told 2 of the 3 that had something to tell
    expect(figures.delayNotifiedRate).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    // the scorecard's own rule: on time 1 of 3 activations; 1 open order overdue
    expect(figures.scorecard.activationOnTimeRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figures.scorecard.overdueActivations).toBe(1);
  });

  it('follows activations and closures up by the scorecard’s windows', () => {
    const figures = serviceReportFigures(
      records({
        activated: [order({ activatedAt: at('2026-07-10T12:00') })],
        closed: [{ closedAt: at('2026-08-01T09:00') }],
        // 7 × 24 h after the activation exactly; 3 days and 1 minute after the closure
        completions: [at('2026-07-17T12:00'), at('2026-08-04T09:01')],
      }),
      Q,
      NOW,
    );
    expect(figures.scorecard.postActivationFollowUpRate).toMatchObject({ value: 1 });
    expect(figures.scorecard.postRepairFollowUpRate).toMatchObject({ value: 0 });
    expect(figures.scorecard.followUpCoverage).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
