import { AppError } from '../../shared/errors';
import {
  activationTimeFigures,
  applyActivationEvent,
  measureActivationOrder,
  promiseGapMinutes,
  type ActivationEvent,
  type ActivationOrderState,
} from './activation-order.state';

const cst = (local: string): Date => new Date(`${local}:00+08:00`);

// Ordered Mon 09:00, promised Thu 18:00 (explicit).
const received = (): ActivationOrderState => ({
  status: 'RECEIVED',
  orderedAt: cst('2025-03-03T09:00'),
  promises: [
    { madeAt: cst('2025-03-03T09:00'), promisedAt: cst('2025-03-06T18:00'), actorLogin: 'a' },
  ],
  statusHistory: [
    { status: 'RECEIVED', at: cst('2025-03-03T09:00'), actorLogin: 'a', reason: null },
  ],
  delays: [],
  dispatchConfirmedAt: null,
  acceptanceReportedAt: null,
  acceptanceReportRef: null,
  leadTimeMinutes: 4320,
});

const apply = (state: ActivationOrderState, ...events: ActivationEvent[]) =>
  events.reduce((current, event) => applyActivationEvent(current, event, 'a') ?? current, state);

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? [error.code, error.field] : ['other'];
  }
  return null;
};

describe('applyActivationEvent', () => {
  it('keeps the first promise for measurement through re-promises', () => {
    const done = apply(
      received(),
      {
        kind: 'DELAY',
        at: cst('2025-03-05T09:00'),
        reason: 'CAPACITY_EXPANSION',
        notifiedAt: cst('2025-03-05T10:00'),
      },
      { kind: 'REPROMISE', at: cst('2025-03-05T10:00'), promisedAt: cst('2025-03-08T18:00') },
      { kind: 'ACTIVATE', at: cst('2025-03-08T12:00') },
    );
    // Original 03-06 18:00 → activated 03-08 12:00 = 42 h = 2520 min late.
    expect(measureActivationOrder(done)).toEqual({
      promisedAt: cst('2025-03-08T18:00'),
      originalPromisedAt: cst('2025-03-06T18:00'),
      activatedAt: cst('2025-03-08T12:00'),
      cancelledAt: null,
      onTime: false,
      latenessMinutes: 2520,
      delayNotifiedAt: cst('2025-03-05T10:00'),
      measuredAt: cst('2025-03-08T12:00'),
    });
  });

  it('treats the same transition at the same instant as a replay (null)', () => {
    const scheduled = apply(received(), { kind: 'SCHEDULE', at: cst('2025-03-03T12:00') });
    expect(scheduled.dispatchConfirmedAt).toEqual(cst('2025-03-03T12:00'));
    expect(
      applyActivationEvent(scheduled, { kind: 'SCHEDULE', at: cst('2025-03-03T12:00') }, 'a'),
    ).toBeNull();
    const repromise = {
      kind: 'REPROMISE',
      at: cst('2025-03-04T12:00'),
      promisedAt: cst('2025-03-07T12:00'),
    } as const;
    expect(applyActivationEvent(apply(scheduled, repromise), repromise, 'a')).toBeNull();
  });

  it('refuses illegal actions and times that run backwards', () => {
    const activated = apply(received(), { kind: 'ACTIVATE', at: cst('2025-03-04T09:00') });
    expect(
      codeOf(() =>
        applyActivationEvent(activated, { kind: 'ACTIVATE', at: cst('2025-03-04T10:00') }, 'a'),
      ),
    ).toEqual(['ILLEGAL_TRANSITION', 'id']);
    expect(
      codeOf(() =>
        applyActivationEvent(received(), { kind: 'START_WORK', at: cst('2025-03-03T08:00') }, 'a'),
      ),
    ).toEqual(['BAD_USER_INPUT', 'at']);
    expect(
      codeOf(() =>
        applyActivationEvent(
          received(),
          { kind: 'REPROMISE', at: cst('2025-03-04T09:00'), promisedAt: cst('2025-03-04T08:00') },
          'a',
        ),
      ),
    ).toEqual(['BAD_USER_INPUT', 'promisedAt']);
    expect(
      codeOf(() =>
        applyActivationEvent(
          received(),
          { kind: 'ACCEPTANCE_REPORT', at: cst('2025-03-04T09:00'), reference: null },
          'a',
        ),
      ),
    ).toEqual(['ILLEGAL_TRANSITION', 'id']);
  });
});

describe('activationTimeFigures', () => {
  const figures = (state: ActivationOrderState, now: string) =>
    activationTimeFigures({ ...state, ...measureActivationOrder(state) }, cst(now));

  it('is overdue only while open and past the original promise', () => {
    expect(figures(received(), '2025-03-06T18:00')).toEqual({
      overdue: false,
      delayNotified: null,
    });
    expect(figures(received(), '2025-03-06T18:01')).toEqual({
      overdue: true,
      delayNotified: false,
    });
    const cancelled = apply(received(), { kind: 'CANCEL', at: cst('2025-03-04T09:00') });
    expect(figures(cancelled, '2025-04-01T00:00').overdue).toBe(false);
  });

  it('counts a delay as notified when told at or before the original promise', () => {
    const told = (notifiedAt: string) =>
      apply(received(), {
        kind: 'DELAY',
        at: cst('2025-03-05T09:00'),
        reason: 'OTHER',
        notifiedAt: cst(notifiedAt),
      });
    expect(figures(told('2025-03-06T18:00'), '2025-03-05T12:00').delayNotified).toBe(true);
    expect(figures(told('2025-03-06T18:01'), '2025-03-05T12:00').delayNotified).toBe(false);
    const onTime = apply(received(), { kind: 'ACTIVATE', at: cst('2025-03-05T09:00') });
    expect(figures(onTime, '2025-04-01T00:00').delayNotified).toBeNull();
  });
});

describe('promiseGapMinutes', () => {
  it('is original promise − requested, null without a request', () => {
    const measures = measureActivationOrder(received());
    expect(promiseGapMinutes({ ...measures, requestedAt: cst('2025-03-06T12:00') })).toBe(360);
    expect(promiseGapMinutes({ ...measures, requestedAt: null })).toBeNull();
  });
});
