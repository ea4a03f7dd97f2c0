import { AppError } from '../../shared/errors';
import {
  applyComplaintEvent,
  measureComplaint,
  receivedComplaint,
  resolutionCount,
  storedComplaintMeasures,
  type ComplaintEvent,
  type ComplaintState,
} from './complaint.state';

const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const SLA = {
  firstContactMinutes: 120,
  resolutionMinutes: 2880,
  clock: { kind: 'TWENTY_FOUR_SEVEN' as const },
};
const start = () => receivedComplaint({ receivedAt: at('02T00:00:00'), sla: SLA, actorLogin: 'm' });

function run(events: ComplaintEvent[]): ComplaintState {
  return events.reduce((state, event) => applyComplaintEvent(state, event, 'm') ?? state, start());
}

describe('complaint state', () => {
  const lifecycle: ComplaintEvent[] = [
    { kind: 'CONTACT', at: at('02T03:00:00') }, // 180 min > 120: first contact missed
    { kind: 'RESOLVE', at: at('03T00:00:00'), outcome: 'NOT_UPHELD' }, // 1440 min
    { kind: 'REOPEN', at: at('04T00:00:00') },
    { kind: 'RESOLVE', at: at('05T12:00:00'), outcome: 'UPHELD', compensation: null }, // + 2160
  ];

  it('measures first contact and the resolution time resumed at the reopening', () => {
    const state = run(lifecycle);
    const m = measureComplaint(state, at('31T00:00:00'));
    expect(m.firstContactMinutes).toBe(180);
    expect(m.firstContactWithinTarget).toBe(false);
    expect(m.firstContact).toBe('MISSED');
    // 1440 + 2160 = 3600 > 2880
    expect(m.resolutionMinutes).toBe(3600);
    expect(m.resolvedWithinTarget).toBe(false);
    expect(m.slaState).toBe('MISSED');
    expect(m.resolvedAt).toEqual(at('05T12:00:00'));
    expect(m.reopenCount).toBe(1);
    expect(state.outcome).toBe('UPHELD');
    expect(resolutionCount(state)).toBe(2);
    expect(storedComplaintMeasures(state).measuredAt).toEqual(at('05T12:00:00'));
  });

  it('times the step owed while open: first contact, then resolution', () => {
    const received = start();
    // 90 of 120 minutes used: at risk (≥ 75 %), 30 left.
    const early = measureComplaint(received, at('02T01:30:00'));
    expect([early.nextStep, early.minutesLeft, early.slaState]).toEqual([
      'FIRST_CONTACT',
      30,
      'AT_RISK',
    ]);
    expect(early.firstContact).toBe('PENDING');
    const contacted = run(lifecycle.slice(0, 1));
    // 10 h of 48 h used: 2280 left.
    const later = measureComplaint(contacted, at('02T10:00:00'));
    expect([later.nextStep, later.minutesLeft, later.slaState]).toEqual([
      'RESOLUTION',
      2280,
      'ON_TRACK',
    ]);
  });

  it('treats the same event again as a replay and refuses illegal or backward steps', () => {
    const state = run(lifecycle.slice(0, 2));
    expect(applyComplaintEvent(state, lifecycle[1]!, 'm')).toBeNull();
    const illegal = () => applyComplaintEvent(start(), lifecycle[1]!, 'm');
    expect(illegal).toThrow(AppError);
    expect(illegal).toThrow(/only from CONTACTED or REOPENED/);
    expect(() =>
      applyComplaintEvent(state, { kind: 'REOPEN', at: at('02T12:00:00') }, 'm'),
    ).toThrow(/at: cannot be before the last status change/);
  });
});
