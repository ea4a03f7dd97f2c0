import {
  FAULT_ACTIONS,
  FAULT_STATUSES,
  IllegalTransitionError,
  acknowledgementMinutes,
  findRepeatOf,
  isOpenFaultStatus,
  nextFaultStatus,
  pauseIntervalsFromHistory,
  type FaultAction,
  type FaultStatus,
  type FaultStatusEvent,
  type RepeatFaultCandidate,
} from './fault-lifecycle';

const cst = (local: string): Date => new Date(`${local}:00+08:00`);

// The expected lifecycle, written out independently of FAULT_TRANSITIONS.
const LEGAL: Record<string, FaultStatus> = {
  'REPORTED ACKNOWLEDGE': 'ACKNOWLEDGED',
  'ACKNOWLEDGED START_WORK': 'IN_PROGRESS',
  'ACKNOWLEDGED RESTORE': 'RESTORED',
  'IN_PROGRESS PAUSE': 'PENDING_CUSTOMER',
  'IN_PROGRESS RESTORE': 'RESTORED',
  'PENDING_CUSTOMER RESUME': 'IN_PROGRESS',
  'PENDING_CUSTOMER RESTORE': 'RESTORED',
  'RESTORED CLOSE': 'CLOSED',
  'RESTORED REOPEN': 'REOPENED',
  'CLOSED REOPEN': 'REOPENED',
  'REOPENED ACKNOWLEDGE': 'ACKNOWLEDGED',
  'REOPENED START_WORK': 'IN_PROGRESS',
  'REOPENED RESTORE': 'RESTORED',
};

const ALL_PAIRS: [FaultStatus, FaultAction][] = FAULT_STATUSES.flatMap((status) =>
  FAULT_ACTIONS.map((action): [FaultStatus, FaultAction] => [status, action]),
);

describe('nextFaultStatus', () => {
  it('covers all 7 statuses × 7 actions', () => {
    expect(ALL_PAIRS).toHaveLength(49);
  });

  const legal = ALL_PAIRS.filter(([s, a]) => `${s} ${a}` in LEGAL);
  const illegal = ALL_PAIRS.filter(([s, a]) => !(`${s} ${a}` in LEGAL));

  it('has 13 legal and 36 illegal pairs', () => {
    expect([legal.length, illegal.length]).toEqual([13, 36]);
  });

  it.each(legal)('%s + %s is legal', (status, action) => {
    expect(nextFaultStatus(status, action)).toBe(LEGAL[`${status} ${action}`]);
  });

  it.each(illegal)('%s + %s is illegal', (status, action) => {
    let thrown: unknown;
    try {
      nextFaultStatus(status, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionError);
    expect(thrown).toMatchObject({ from: status, action, name: 'IllegalTransitionError' });
  });

  it('names the statuses an action is allowed from', () => {
    expect(() => nextFaultStatus('REPORTED', 'RESTORE')).toThrow(
      'cannot RESTORE a ticket in status REPORTED; allowed from ACKNOWLEDGED, IN_PROGRESS, PENDING_CUSTOMER, REOPENED',
    );
    expect(() => nextFaultStatus('ACKNOWLEDGED', 'PAUSE')).toThrow(
      'cannot PAUSE a ticket in status ACKNOWLEDGED; allowed from IN_PROGRESS',
    );
    expect(() => nextFaultStatus('IN_PROGRESS', 'REOPEN')).toThrow(
      'cannot REOPEN a ticket in status IN_PROGRESS; allowed from RESTORED, CLOSED',
    );
  });

  it('is an Error for generic handlers', () => {
    expect(new IllegalTransitionError('CLOSED', 'CLOSE')).toBeInstanceOf(Error);
  });

  it('walks a full life: report, pause, restore while paused, reopen, close', () => {
    const actions: FaultAction[] = [
      'ACKNOWLEDGE',
      'START_WORK',
      'PAUSE',
      'RESTORE',
      'REOPEN',
      'START_WORK',
      'RESTORE',
      'CLOSE',
      'REOPEN',
      'RESTORE',
      'CLOSE',
    ];
    const visited = actions.reduce<FaultStatus[]>(
      (path, action) => [...path, nextFaultStatus(path[path.length - 1]!, action)],
      ['REPORTED'],
    );
    expect(visited).toEqual([
      'REPORTED',
      'ACKNOWLEDGED',
      'IN_PROGRESS',
      'PENDING_CUSTOMER',
      'RESTORED',
      'REOPENED',
      'IN_PROGRESS',
      'RESTORED',
      'CLOSED',
      'REOPENED',
      'RESTORED',
      'CLOSED',
    ]);
  });
});

describe('isOpenFaultStatus', () => {
  it.each<[FaultStatus, boolean]>([
    ['REPORTED', true],
    ['ACKNOWLEDGED', true],
    ['IN_PROGRESS', true],
    ['PENDING_CUSTOMER', true],
    ['RESTORED', false],
    ['CLOSED', false],
    ['REOPENED', true],
  ])('%s → open %s', (status, open) => {
    expect(isOpenFaultStatus(status)).toBe(open);
  });
});

describe('acknowledgementMinutes', () => {
  it('is the wall time between report and acknowledgement, overnight too', () => {
    // 10:00 → 10:12:30 = 12.5 min
    expect(
      acknowledgementMinutes(cst('2024-06-03T10:00'), new Date('2024-06-03T10:12:30+08:00')),
    ).toBe(12.5);
    // Fri 23:50 → Sat 00:20 = 30 min (24×7: weekends count)
    expect(acknowledgementMinutes(cst('2024-06-07T23:50'), cst('2024-06-08T00:20'))).toBe(30);
    expect(acknowledgementMinutes(cst('2024-06-03T10:00'), cst('2024-06-03T10:00'))).toBe(0);
  });

  it('rejects an acknowledgement before the report and invalid dates', () => {
    expect(() => acknowledgementMinutes(cst('2024-06-03T10:00'), cst('2024-06-03T09:59'))).toThrow(
      'acknowledgedAt is before reportedAt',
    );
    expect(() => acknowledgementMinutes(new Date('x'), cst('2024-06-03T09:59'))).toThrow(
      RangeError,
    );
  });
});

describe('findRepeatOf', () => {
  const earlier: RepeatFaultCandidate = {
    id: 'T-1',
    accountId: 'A-1',
    serviceRef: 'CIRCUIT-42',
    reportedAt: cst('2024-05-31T08:00'),
    finalRestoredAt: cst('2024-06-01T10:00'),
  };
  // 30 days after 2024-06-01 10:00 is 2024-07-01 10:00 (June has 30 days; Shanghai has no DST)
  const ticket = (
    reportedAt: Date,
    overrides: Partial<RepeatFaultCandidate> = {},
  ): RepeatFaultCandidate => ({
    id: 'T-2',
    accountId: 'A-1',
    serviceRef: 'CIRCUIT-42',
    reportedAt,
    finalRestoredAt: null,
    ...overrides,
  });

  it('finds a repeat reported exactly 30 days after the final restoration', () => {
    expect(findRepeatOf(ticket(cst('2024-07-01T10:00')), [earlier])).toBe(earlier);
  });

  it('finds no repeat 1 ms past 30 days', () => {
    expect(
      findRepeatOf(ticket(new Date(cst('2024-07-01T10:00').getTime() + 1)), [earlier]),
    ).toBeNull();
  });

  it('finds a repeat reported right at the restoration', () => {
    expect(findRepeatOf(ticket(cst('2024-06-01T10:00')), [earlier])).toBe(earlier);
  });

  it('finds no repeat when reported before the earlier ticket was restored', () => {
    expect(findRepeatOf(ticket(cst('2024-06-01T09:59')), [earlier])).toBeNull();
  });

  it('requires the same service reference and the same account', () => {
    const reportedAt = cst('2024-06-10T10:00');
    expect(findRepeatOf(ticket(reportedAt, { serviceRef: 'CIRCUIT-43' }), [earlier])).toBeNull();
    expect(findRepeatOf(ticket(reportedAt, { accountId: 'A-2' }), [earlier])).toBeNull();
  });

  it('ignores an earlier ticket that was never restored, and the ticket itself', () => {
    const unrestored = { ...earlier, finalRestoredAt: null };
    expect(findRepeatOf(ticket(cst('2024-06-10T10:00')), [unrestored])).toBeNull();
    const self = ticket(cst('2024-06-10T10:00'), { finalRestoredAt: cst('2024-06-10T09:00') });
    expect(findRepeatOf(self, [self])).toBeNull();
  });

  it('returns the most recently restored of several candidates', () => {
    // The latest restoration wins even though it was reported first and has the lowest id.
    const latest = {
      ...earlier,
      id: 'T-0',
      reportedAt: cst('2024-05-10T08:00'),
      finalRestoredAt: cst('2024-06-05T10:00'),
    };
    const older = {
      ...earlier,
      id: 'T-9',
      reportedAt: cst('2024-05-19T08:00'),
      finalRestoredAt: cst('2024-05-20T10:00'),
    };
    expect(findRepeatOf(ticket(cst('2024-06-10T10:00')), [older, latest, earlier])).toBe(latest);
    expect(findRepeatOf(ticket(cst('2024-06-10T10:00')), [latest, earlier, older])).toBe(latest);
  });

  it('breaks a restoration tie by the later report, then by id', () => {
    const a = { ...earlier, id: 'T-a', reportedAt: cst('2024-05-30T08:00') };
    const b = { ...earlier, id: 'T-b' }; // reported 05-31, same restoration
    const c = { ...earlier, id: 'T-c' };
    expect(findRepeatOf(ticket(cst('2024-06-10T10:00')), [b, a])).toBe(b);
    expect(findRepeatOf(ticket(cst('2024-06-10T10:00')), [c, b])).toBe(c);
  });
});

describe('pauseIntervalsFromHistory', () => {
  const ev = (status: FaultStatus, local: string): FaultStatusEvent => ({ status, at: cst(local) });
  const asLocalHours = (history: FaultStatusEvent[], now?: Date): string[] =>
    pauseIntervalsFromHistory(history, now).map(
      (p) => `${p.start.toISOString().slice(11, 16)}–${p.end.toISOString().slice(11, 16)}Z`,
    );

  it('turns each PENDING_CUSTOMER span into a pause ending at the next other status', () => {
    const history = [
      ev('REPORTED', '2024-06-03T10:00'),
      ev('ACKNOWLEDGED', '2024-06-03T10:05'),
      ev('IN_PROGRESS', '2024-06-03T10:20'),
      ev('PENDING_CUSTOMER', '2024-06-03T11:00'),
      ev('IN_PROGRESS', '2024-06-03T11:45'),
      ev('PENDING_CUSTOMER', '2024-06-03T13:00'),
      ev('RESTORED', '2024-06-03T14:00'), // restoring while paused ends the pause
    ];
    // 11:00–11:45 and 13:00–14:00 local = 03:00–03:45Z and 05:00–06:00Z
    expect(asLocalHours(history)).toEqual(['03:00–03:45Z', '05:00–06:00Z']);
  });

  it('treats repeated PENDING_CUSTOMER events as one pause and sorts the history', () => {
    const history = [
      ev('IN_PROGRESS', '2024-06-03T12:00'),
      ev('PENDING_CUSTOMER', '2024-06-03T11:30'),
      ev('PENDING_CUSTOMER', '2024-06-03T11:00'),
      ev('REPORTED', '2024-06-03T10:00'),
    ];
    // 11:00–12:00 local = 03:00–04:00Z
    expect(asLocalHours(history)).toEqual(['03:00–04:00Z']);
  });

  it('ends a running pause at now, or drops it without now', () => {
    const history = [
      ev('IN_PROGRESS', '2024-06-03T10:00'),
      ev('PENDING_CUSTOMER', '2024-06-03T11:00'),
    ];
    // 11:00–now 11:20 local = 03:00–03:20Z
    expect(asLocalHours(history, cst('2024-06-03T11:20'))).toEqual(['03:00–03:20Z']);
    expect(pauseIntervalsFromHistory(history)).toEqual([]);
    // now before the pause started → nothing
    expect(pauseIntervalsFromHistory(history, cst('2024-06-03T10:30'))).toEqual([]);
  });

  it('drops an instant pause', () => {
    const history = [
      ev('PENDING_CUSTOMER', '2024-06-03T11:00'),
      ev('IN_PROGRESS', '2024-06-03T11:00'),
    ];
    expect(pauseIntervalsFromHistory(history)).toEqual([]);
  });
});
