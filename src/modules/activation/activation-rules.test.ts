import {
  ACTIVATION_ACTIONS,
  activationStatusesAllowing,
  derivePromisedAt,
  IllegalActivationTransitionError,
  isDelayNotified,
  isOnTime,
  isOpenActivationStatus,
  isOverdue,
  latenessMinutes,
  nextActivationStatus,
  originalPromisedAt,
  type ActivationStatus,
} from './activation-rules';

const cst = (local: string): Date => new Date(`${local}:00+08:00`);
const plusMs = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

describe('derivePromisedAt', () => {
  it('adds the lead time in wall minutes, weekends included', () => {
    // Fri 2024-06-07 10:00 + 72 h (4320 min) = Mon 2024-06-10 10:00
    expect(derivePromisedAt(cst('2024-06-07T10:00'), 72 * 60)).toEqual(cst('2024-06-10T10:00'));
    // + 90 min = 11:30
    expect(derivePromisedAt(cst('2024-06-07T10:00'), 90)).toEqual(cst('2024-06-07T11:30'));
    expect(derivePromisedAt(cst('2024-06-07T10:00'), 0)).toEqual(cst('2024-06-07T10:00'));
  });

  it('rejects a negative or non-finite lead time', () => {
    expect(() => derivePromisedAt(cst('2024-06-07T10:00'), -1)).toThrow(RangeError);
    expect(() => derivePromisedAt(cst('2024-06-07T10:00'), Infinity)).toThrow(RangeError);
  });
});

describe('originalPromisedAt', () => {
  const orderedAt = cst('2024-06-03T09:00');

  it('keeps the first promise made, whatever the re-promises say', () => {
    const promises = [
      // listed out of order: the re-promise (made 06-05) comes first
      { madeAt: cst('2024-06-05T16:00'), promisedAt: cst('2024-06-08T18:00') },
      { madeAt: cst('2024-06-03T09:30'), promisedAt: cst('2024-06-06T18:00') },
    ];
    expect(originalPromisedAt({ promises, orderedAt, leadTimeMinutes: 4320 })).toEqual(
      cst('2024-06-06T18:00'),
    );
  });

  it('derives the promise from the lead time when none was given', () => {
    // 2024-06-03 09:00 + 4320 min (72 h) = 2024-06-06 09:00
    expect(originalPromisedAt({ promises: [], orderedAt, leadTimeMinutes: 4320 })).toEqual(
      cst('2024-06-06T09:00'),
    );
  });
});

describe('on time and lateness', () => {
  const promised = cst('2024-06-06T18:00');

  it('is on time when activated before or exactly at the promise', () => {
    expect(isOnTime(cst('2024-06-05T11:00'), promised)).toBe(true);
    expect(isOnTime(promised, promised)).toBe(true);
    expect(latenessMinutes(cst('2024-06-05T11:00'), promised)).toBe(0);
    expect(latenessMinutes(promised, promised)).toBe(0);
  });

  it('is late 1 ms after the promise', () => {
    const activated = plusMs(promised, 1);
    expect(isOnTime(activated, promised)).toBe(false);
    // 1 ms = 1/60000 min
    expect(latenessMinutes(activated, promised)).toBeCloseTo(1 / 60_000, 15);
  });

  it('measures lateness in exact minutes', () => {
    // 06-06 18:00 → 06-07 21:30 = 24 h + 3.5 h = 1440 + 210 = 1650
    expect(latenessMinutes(cst('2024-06-07T21:30'), promised)).toBe(1650);
  });

  it('has no lateness while not activated', () => {
    expect(latenessMinutes(null, promised)).toBeNull();
  });

  it('measures against the original promise, ignoring a re-promise', () => {
    const promises = [
      { madeAt: cst('2024-06-03T09:30'), promisedAt: promised },
      { madeAt: cst('2024-06-05T16:00'), promisedAt: cst('2024-06-08T18:00') },
    ];
    const original = originalPromisedAt({
      promises,
      orderedAt: cst('2024-06-03T09:00'),
      leadTimeMinutes: 4320,
    });
    const activated = cst('2024-06-07T18:00'); // within the re-promise, a day after the original
    expect(isOnTime(activated, original)).toBe(false);
    // 06-06 18:00 → 06-07 18:00 = 1440
    expect(latenessMinutes(activated, original)).toBe(1440);
  });
});

describe('isOverdue', () => {
  const promised = cst('2024-06-06T18:00');
  const after = plusMs(promised, 60_000);

  it.each<[ActivationStatus, boolean]>([
    ['RECEIVED', true],
    ['SCHEDULED', true],
    ['IN_PROGRESS', true],
    ['DELAYED', true],
    ['ACTIVATED', false],
    ['CANCELLED', false],
  ])('%s one minute past the promise → overdue %s', (status, overdue) => {
    expect(isOpenActivationStatus(status)).toBe(overdue);
    expect(isOverdue({ status, originalPromisedAt: promised, now: after })).toBe(overdue);
  });

  it('is not overdue at or before the promise', () => {
    expect(isOverdue({ status: 'DELAYED', originalPromisedAt: promised, now: promised })).toBe(
      false,
    );
    expect(
      isOverdue({ status: 'DELAYED', originalPromisedAt: promised, now: cst('2024-06-05T12:00') }),
    ).toBe(false);
  });
});

describe('isDelayNotified', () => {
  const promised = cst('2024-06-06T18:00');

  it('is notified when the customer was told before the promise passed', () => {
    expect(
      isDelayNotified({ notifiedAt: cst('2024-06-06T10:00'), originalPromisedAt: promised }),
    ).toBe(true);
    // at the promised instant it has not yet passed
    expect(isDelayNotified({ notifiedAt: promised, originalPromisedAt: promised })).toBe(true);
  });

  it('is not notified when told late or never', () => {
    expect(isDelayNotified({ notifiedAt: plusMs(promised, 1), originalPromisedAt: promised })).toBe(
      false,
    );
    expect(isDelayNotified({ notifiedAt: null, originalPromisedAt: promised })).toBe(false);
  });
});

describe('nextActivationStatus', () => {
  it('walks the usual path RECEIVED → SCHEDULED → IN_PROGRESS → ACTIVATED', () => {
    expect(nextActivationStatus('RECEIVED', 'SCHEDULE')).toBe('SCHEDULED');
    expect(nextActivationStatus('SCHEDULED', 'START_WORK')).toBe('IN_PROGRESS');
    expect(nextActivationStatus('IN_PROGRESS', 'ACTIVATE')).toBe('ACTIVATED');
  });

  it('lets any open order be delayed (again), re-promised, activated or cancelled', () => {
    const open: ActivationStatus[] = ['RECEIVED', 'SCHEDULED', 'IN_PROGRESS', 'DELAYED'];
    for (const status of open) {
      expect(nextActivationStatus(status, 'DELAY')).toBe('DELAYED');
      expect(nextActivationStatus(status, 'REPROMISE')).toBe(status);
      expect(nextActivationStatus(status, 'ACTIVATE')).toBe('ACTIVATED');
      expect(nextActivationStatus(status, 'CANCEL')).toBe('CANCELLED');
    }
    expect(nextActivationStatus('DELAYED', 'SCHEDULE')).toBe('SCHEDULED');
    expect(nextActivationStatus('DELAYED', 'START_WORK')).toBe('IN_PROGRESS');
  });

  it('refuses everything on a final order and names the statuses that allow the action', () => {
    for (const action of ACTIVATION_ACTIONS) {
      expect(() => nextActivationStatus('ACTIVATED', action)).toThrow(
        IllegalActivationTransitionError,
      );
      expect(() => nextActivationStatus('CANCELLED', action)).toThrow(
        IllegalActivationTransitionError,
      );
    }
    expect(() => nextActivationStatus('IN_PROGRESS', 'SCHEDULE')).toThrow(
      'cannot SCHEDULE an order in status IN_PROGRESS; allowed from RECEIVED, DELAYED',
    );
    expect(activationStatusesAllowing('ACTIVATE')).toEqual([
      'RECEIVED',
      'SCHEDULED',
      'IN_PROGRESS',
      'DELAYED',
    ]);
  });
});
