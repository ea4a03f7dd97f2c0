import { AppError } from '../../shared/errors';
import {
  applyFaultEvent,
  listPauses,
  measureFaultTicket,
  settledSlaFigures,
  storedFaultMeasures,
  type FaultEvent,
  type FaultTicketState,
} from './fault-ticket.state';

// Local wall time in Asia/Shanghai (UTC+8, no DST).
const cst = (local: string): Date => new Date(`${local}:00+08:00`);

const reported = (severity: FaultTicketState['severity'] = 'CRITICAL'): FaultTicketState => ({
  status: 'REPORTED',
  reportedAt: cst('2025-03-05T10:00'),
  severity,
  severityHistory: [{ severity, at: cst('2025-03-05T10:00'), actorLogin: 'a' }],
  statusHistory: [
    { status: 'REPORTED', at: cst('2025-03-05T10:00'), actorLogin: 'a', reason: null },
  ],
  recordedPauses: [],
  cause: null,
  causeExplainedAt: null,
  sla: {
    targets: { CRITICAL: 240, MAJOR: 480, MINOR: 1440 },
    acknowledgementTargetMinutes: 30,
    clock: { kind: 'TWENTY_FOUR_SEVEN' },
  },
});

/** Applies events in order; a replay (null) keeps the state. */
const apply = (state: FaultTicketState, ...events: FaultEvent[]) =>
  events.reduce((current, event) => applyFaultEvent(current, event, 'a') ?? current, state);

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? [error.code, error.field] : ['other'];
  }
  return null;
};

describe('applyFaultEvent', () => {
  it('moves the status and appends the history entry with its pause reason', () => {
    const paused = apply(
      reported(),
      { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:05') },
      { kind: 'START_WORK', at: cst('2025-03-05T10:10') },
      { kind: 'PAUSE', at: cst('2025-03-05T11:00'), reason: 'NO_ACCESS' },
    );
    expect(paused.status).toBe('PENDING_CUSTOMER');
    expect(paused.statusHistory.at(-1)).toEqual({
      status: 'PENDING_CUSTOMER',
      at: cst('2025-03-05T11:00'),
      actorLogin: 'a',
      reason: 'NO_ACCESS',
    });
  });

  it('returns null for a replay: same transition at the same instant, even after moving on', () => {
    const started = apply(
      reported(),
      { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:05') },
      { kind: 'START_WORK', at: cst('2025-03-05T10:10') },
    );
    expect(
      applyFaultEvent(started, { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:05') }, 'a'),
    ).toBeNull();
    expect(
      applyFaultEvent(started, { kind: 'START_WORK', at: cst('2025-03-05T10:10') }, 'a'),
    ).toBeNull();
    const pause = {
      kind: 'RECORD_PAUSE',
      from: cst('2025-03-05T11:00'),
      to: cst('2025-03-05T11:30'),
      reason: 'NO_ACCESS',
    } as const;
    expect(applyFaultEvent(apply(started, pause), pause, 'a')).toBeNull();
    expect(
      applyFaultEvent(
        started,
        { kind: 'CHANGE_SEVERITY', at: cst('2025-03-05T12:00'), severity: 'CRITICAL' },
        'a',
      ),
    ).toBeNull();
  });

  it('refuses illegal transitions (ILLEGAL_TRANSITION on id) and times that run backwards', () => {
    const state = reported();
    expect(
      codeOf(() => applyFaultEvent(state, { kind: 'CLOSE', at: cst('2025-03-05T11:00') }, 'a')),
    ).toEqual(['ILLEGAL_TRANSITION', 'id']);
    expect(
      codeOf(() =>
        applyFaultEvent(state, { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T09:59') }, 'a'),
      ),
    ).toEqual(['BAD_USER_INPUT', 'at']);
    const pause = {
      kind: 'RECORD_PAUSE',
      from: cst('2025-03-05T11:00'),
      to: cst('2025-03-05T11:00'),
      reason: 'NO_ACCESS',
    } as const;
    expect(codeOf(() => applyFaultEvent(state, pause, 'a'))).toEqual(['BAD_USER_INPUT', 'to']);
    const cause = {
      kind: 'RECORD_CAUSE',
      cause: 'x',
      explainedAt: cst('2025-03-05T09:00'),
    } as const;
    expect(codeOf(() => applyFaultEvent(state, cause, 'a'))).toEqual([
      'BAD_USER_INPUT',
      'explainedAt',
    ]);
  });
});

describe('measureFaultTicket', () => {
  it('measures a restored ticket: outages minus merged pauses against the final severity', () => {
    const restored = apply(
      reported('MINOR'),
      { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:20') },
      { kind: 'START_WORK', at: cst('2025-03-05T10:30') },
      { kind: 'PAUSE', at: cst('2025-03-05T11:00'), reason: 'CUSTOMER_UNAVAILABLE' },
      { kind: 'RESUME', at: cst('2025-03-05T12:00') },
      {
        kind: 'RECORD_PAUSE',
        from: cst('2025-03-05T11:30'),
        to: cst('2025-03-05T12:30'),
        reason: 'NO_ACCESS',
      },
      { kind: 'CHANGE_SEVERITY', at: cst('2025-03-05T13:00'), severity: 'CRITICAL' },
      { kind: 'RESTORE', at: cst('2025-03-05T15:00') },
    );
    // 300 − 90 = 210 ≤ 240 (CRITICAL, the final severity); acknowledged after 20 min ≤ 30.
    expect(measureFaultTicket(restored, cst('2030-01-01T00:00'))).toMatchObject({
      open: false,
      stage: 'REPAIR',
      elapsedMinutes: 210,
      repairDurationMinutes: 210,
      targetMinutes: 240,
      minutesLeft: null,
      withinSla: true,
      slaState: 'MET',
      acknowledgementMinutes: 20,
      acknowledgedWithinTarget: true,
      finalRestoredAt: cst('2025-03-05T15:00'),
      measuredAt: cst('2025-03-05T15:00'),
    });
  });

  it('runs the clock to now while open, and drops the final restoration on reopen', () => {
    const open = apply(reported(), { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:40') });
    // 10:00 → 13:10 = 190 of 240 = 79 %: at risk, 50 left; acknowledged after 40 > 30.
    expect(measureFaultTicket(open, cst('2025-03-05T13:10'))).toMatchObject({
      open: true,
      elapsedMinutes: 190,
      minutesLeft: 50,
      repairDurationMinutes: null,
      withinSla: null,
      slaState: 'AT_RISK',
      acknowledgedWithinTarget: false,
    });
    expect(measureFaultTicket(open, cst('2025-03-05T14:01')).slaState).toBe('BREACHED');
    const reopened = apply(
      open,
      { kind: 'RESTORE', at: cst('2025-03-05T11:00') },
      { kind: 'REOPEN', at: cst('2025-03-05T12:00') },
    );
    expect(storedFaultMeasures(reopened)).toMatchObject({
      firstRestoredAt: cst('2025-03-05T11:00'),
      finalRestoredAt: null,
      measuredAt: null,
      reopenCount: 1,
      repairDurationMinutes: null,
    });
    // 60 before the reopen + 30 since.
    expect(measureFaultTicket(reopened, cst('2025-03-05T12:30')).elapsedMinutes).toBe(90);
  });

  it('is in FAULT_REPORTING only while REPORTED', () => {
    expect(storedFaultMeasures(reported()).stage).toBe('FAULT_REPORTING');
  });
});

describe('settledSlaFigures', () => {
  // As stored on a write: the ticket's fields with its measured ones.
  const stored = (state: FaultTicketState) => ({ ...state, ...storedFaultMeasures(state) });
  const at = (minutes: number) => new Date(cst('2025-03-05T10:00').getTime() + minutes * 60_000);
  const restoredAfter = (minutes: number) =>
    apply(reported(), { kind: 'ACKNOWLEDGE', at: at(5) }, { kind: 'RESTORE', at: at(minutes) });

  it("gives a settled ticket's SLA state from its stored measures, as measuring it does", () => {
    // CRITICAL target 240: restored after 240 min is within it, after 241 not.
    const met = stored(restoredAfter(240));
    const missed = stored(
      apply(restoredAfter(241), { kind: 'CLOSE', at: cst('2025-03-06T09:00') }),
    );
    expect(met).toMatchObject({ repairDurationMinutes: 240, targetMinutes: 240 });
    expect(settledSlaFigures(met)).toEqual({ slaState: 'MET', minutesLeft: null });
    expect(settledSlaFigures(missed)).toEqual({ slaState: 'MISSED', minutesLeft: null });
    for (const ticket of [met, missed]) {
      const { slaState, minutesLeft } = measureFaultTicket(ticket, cst('2030-01-01T00:00'));
      expect(settledSlaFigures(ticket)).toEqual({ slaState, minutesLeft });
    }
  });

  it('has none for an open ticket or one without stored measures', () => {
    expect(settledSlaFigures(stored(reported()))).toBeNull();
    const reopened = apply(restoredAfter(60), { kind: 'REOPEN', at: cst('2025-03-05T12:00') });
    expect(settledSlaFigures(stored(reopened))).toBeNull();
    expect(settledSlaFigures({ status: 'CLOSED' })).toBeNull();
    expect(settledSlaFigures({ status: 'CLOSED', repairDurationMinutes: 5 })).toBeNull();
  });
});

describe('listPauses', () => {
  it('lists status pauses (a running one open-ended) and recorded pauses by start', () => {
    const state = apply(
      reported(),
      { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:05') },
      { kind: 'START_WORK', at: cst('2025-03-05T10:10') },
      {
        kind: 'RECORD_PAUSE',
        from: cst('2025-03-05T10:30'),
        to: cst('2025-03-05T10:45'),
        reason: 'NO_ACCESS',
      },
      { kind: 'PAUSE', at: cst('2025-03-05T11:00'), reason: 'CUSTOMER_UNAVAILABLE' },
    );
    expect(listPauses(state)).toEqual([
      {
        from: cst('2025-03-05T10:30'),
        to: cst('2025-03-05T10:45'),
        reason: 'NO_ACCESS',
        recorded: true,
      },
      { from: cst('2025-03-05T11:00'), to: null, reason: 'CUSTOMER_UNAVAILABLE', recorded: false },
    ]);
  });
});
