import {
  faultTicketRow,
  planFaultTicket,
  type PlannedFaultTicket,
} from './fault-ticket.import-rules';
import { applyFaultEvent, storedFaultMeasures, type FaultTicketState } from './fault-ticket.state';

// Local wall time in Asia/Shanghai (UTC+8, no DST), as CSV cells and as instants.
const cell = (local: string) => `${local}:00+08:00`;
const cst = (local: string) => new Date(cell(local));

const SLA: FaultTicketState['sla'] = {
  targets: { CRITICAL: 240, MAJOR: 480, MINOR: 1440 },
  acknowledgementTargetMinutes: 30,
  clock: { kind: 'TWENTY_FOUR_SEVEN' },
};

const baseRow = {
  externalId: 'TT-1',
  accountExternalId: 'A1',
  serviceRef: 'CIRCUIT-1',
  severity: 'CRITICAL',
  channel: 'NOC',
  reportedAt: cell('2025-03-05T10:00'),
};

/** Parses a row (failing on a parse error) and plans its ticket. */
function plan(cells: Record<string, string>): PlannedFaultTicket {
  const parsed = faultTicketRow.safeParse({ ...baseRow, ...cells });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return planFaultTicket(parsed.data, { sla: SLA, actorLogin: 'int.oss' });
}

const stateOf = (planned: PlannedFaultTicket): FaultTicketState => {
  if (!planned.ok) throw new Error(`${planned.field}: ${planned.reason}`);
  return planned.state;
};

/** The first issue of a row that does not parse: [column, message]. */
function parseIssue(cells: Record<string, string>): [string, string] {
  const parsed = faultTicketRow.safeParse({ ...baseRow, ...cells });
  if (parsed.success) throw new Error('parsed');
  const issue = parsed.error.issues[0]!;
  return [issue.path.join('.'), issue.message];
}

describe('planFaultTicket', () => {
  it('builds the 210-minute ticket the mutations build, from a statusHistory and a recorded pause', () => {
    const imported = stateOf(
      plan({
        statusHistory: [
          `ACKNOWLEDGED@${cell('2025-03-05T10:05')}`,
          `IN_PROGRESS@${cell('2025-03-05T10:10')}`,
          `PENDING_CUSTOMER:CUSTOMER_UNAVAILABLE@${cell('2025-03-05T11:00')}`,
          `IN_PROGRESS@${cell('2025-03-05T12:00')}`,
          `RESTORED@${cell('2025-03-05T15:00')}`,
        ].join(';'),
        pauses: `${cell('2025-03-05T11:30')}/${cell('2025-03-05T12:30')}/NO_ACCESS`,
      }),
    );
    // The same ticket through the mutations' events.
    const start: FaultTicketState = {
      status: 'REPORTED',
      reportedAt: cst('2025-03-05T10:00'),
      severity: 'CRITICAL',
      severityHistory: [
        { severity: 'CRITICAL', at: cst('2025-03-05T10:00'), actorLogin: 'int.oss' },
      ],
      statusHistory: [
        { status: 'REPORTED', at: cst('2025-03-05T10:00'), actorLogin: 'int.oss', reason: null },
      ],
      recordedPauses: [],
      cause: null,
      causeExplainedAt: null,
      sla: SLA,
    };
    const built = (
      [
        { kind: 'ACKNOWLEDGE', at: cst('2025-03-05T10:05') },
        { kind: 'START_WORK', at: cst('2025-03-05T10:10') },
        { kind: 'PAUSE', at: cst('2025-03-05T11:00'), reason: 'CUSTOMER_UNAVAILABLE' },
        { kind: 'RESUME', at: cst('2025-03-05T12:00') },
        {
          kind: 'RECORD_PAUSE',
          from: cst('2025-03-05T11:30'),
          to: cst('2025-03-05T12:30'),
          reason: 'NO_ACCESS',
        },
        { kind: 'RESTORE', at: cst('2025-03-05T15:00') },
      ] as const
    ).reduce<FaultTicketState>(
      (state, event) => applyFaultEvent(state, event, 'int.oss') ?? state,
      start,
    );
    expect(imported).toEqual(built);
    // Outage 10:00–15:00 = 300 min; pauses merge to 11:00–12:30 = 90 min; 300 − 90 = 210 ≤ 240.
    expect(storedFaultMeasures(imported)).toMatchObject({
      repairDurationMinutes: 210,
      withinSla: true,
      acknowledgementMinutes: 5,
      measuredAt: cst('2025-03-05T15:00'),
    });
  });

  it('reads the single time columns in lifecycle order, including one reopen', () => {
    const state = stateOf(
      plan({
        acknowledgedAt: cell('2025-03-05T10:05'),
        workStartedAt: cell('2025-03-05T10:10'),
        restoredAt: cell('2025-03-05T11:00'),
        closedAt: cell('2025-03-05T12:00'),
        reopenedAt: cell('2025-03-05T13:00'),
        finalRestoredAt: cell('2025-03-05T14:00'),
      }),
    );
    expect(state.statusHistory.map((e) => e.status)).toEqual([
      'REPORTED',
      'ACKNOWLEDGED',
      'IN_PROGRESS',
      'RESTORED',
      'CLOSED',
      'REOPENED',
      'RESTORED',
    ]);
    // Outages 10:00–11:00 and 13:00–14:00: 120 minutes; final restoration 14:00 is measured.
    expect(storedFaultMeasures(state)).toMatchObject({
      repairDurationMinutes: 120,
      reopenCount: 1,
      firstRestoredAt: cst('2025-03-05T11:00'),
      finalRestoredAt: cst('2025-03-05T14:00'),
      closedAt: null,
    });
  });

  it('lets a statusHistory win over the single time columns', () => {
    const state = stateOf(
      plan({
        acknowledgedAt: cell('2025-03-05T10:30'),
        statusHistory: `ACKNOWLEDGED@${cell('2025-03-05T10:05')}`,
      }),
    );
    expect(state.statusHistory.at(-1)?.at).toEqual(cst('2025-03-05T10:05'));
  });

  it('takes earlier severities from severityHistory and measures the final one', () => {
    const state = stateOf(
      plan({
        severity: 'CRITICAL',
        severityHistory: `MINOR@${cell('2025-03-05T10:00')};CRITICAL@${cell('2025-03-05T10:20')}`,
        acknowledgedAt: cell('2025-03-05T10:05'),
      }),
    );
    expect(state.severityHistory.map((s) => s.severity)).toEqual(['MINOR', 'CRITICAL']);
    expect(storedFaultMeasures(state).targetMinutes).toBe(240);
  });

  it.each([
    [
      'work before an acknowledgement',
      { workStartedAt: cell('2025-03-05T10:10') },
      'workStartedAt',
      /cannot START_WORK a ticket in status REPORTED; allowed from ACKNOWLEDGED, REOPENED/,
    ],
    [
      'a close without a restoration',
      { acknowledgedAt: cell('2025-03-05T10:05'), closedAt: cell('2025-03-05T11:00') },
      'closedAt',
      /cannot CLOSE a ticket in status ACKNOWLEDGED/,
    ],
    [
      'a final restoration without a reopen',
      {
        acknowledgedAt: cell('2025-03-05T10:05'),
        restoredAt: cell('2025-03-05T11:00'),
        finalRestoredAt: cell('2025-03-05T12:00'),
      },
      'finalRestoredAt',
      /cannot RESTORE a ticket in status RESTORED/,
    ],
    [
      'an illegal statusHistory',
      { statusHistory: `RESTORED@${cell('2025-03-05T11:00')}` },
      'statusHistory',
      /^entry 1: cannot RESTORE a ticket in status REPORTED/,
    ],
    [
      'a restoration before the acknowledgement',
      { acknowledgedAt: cell('2025-03-05T10:30'), restoredAt: cell('2025-03-05T10:20') },
      'restoredAt',
      /^cannot be before the last status change \(2025-03-05T02:30:00.000Z\)$/,
    ],
    [
      'an acknowledgement before the report',
      { acknowledgedAt: cell('2025-03-05T09:00') },
      'acknowledgedAt',
      /cannot be before the last status change/,
    ],
    [
      'statusHistory times running backwards',
      {
        statusHistory: `ACKNOWLEDGED@${cell('2025-03-05T10:30')};RESTORED@${cell('2025-03-05T10:20')}`,
      },
      'statusHistory',
      /^entry 2: cannot be before the last status change/,
    ],
    [
      'a severity change running backwards',
      {
        severityHistory: `MINOR@${cell('2025-03-05T10:00')};MAJOR@${cell('2025-03-05T11:00')};CRITICAL@${cell('2025-03-05T10:30')}`,
      },
      'severityHistory',
      /^entry 3: cannot be before the last severity change/,
    ],
    [
      'a severityHistory not starting at the report',
      { severityHistory: `MINOR@${cell('2025-03-05T10:10')};CRITICAL@${cell('2025-03-05T10:20')}` },
      'severityHistory',
      /entry 1 is the reported severity/,
    ],
    [
      'a severityHistory ending elsewhere',
      { severityHistory: `MINOR@${cell('2025-03-05T10:00')}` },
      'severity',
      /is CRITICAL but severityHistory ends in MINOR/,
    ],
    [
      'a cause explained before the report',
      { cause: 'Fibre cut', causeExplainedAt: cell('2025-03-05T09:00') },
      'causeExplainedAt',
      /cannot be before the report/,
    ],
    [
      'an explanation without a cause',
      { causeExplainedAt: cell('2025-03-05T12:00') },
      'causeExplainedAt',
      /given without cause/,
    ],
  ])('rejects %s, naming the column', (_what, cells, field, reason) => {
    const planned = plan(cells);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.field).toBe(field);
    expect(planned.reason).toMatch(reason);
  });
});

const NEXT_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();

describe('faultTicketRow', () => {
  it.each([
    [{ severity: 'URGENT' }, 'severity', /expected one of/i],
    [{ channel: 'FAX' }, 'channel', /expected one of/i],
    [{ reportedAt: NEXT_YEAR }, 'reportedAt', /^cannot be in the future$/],
    [{ reportedAt: '2999-01-01T00:00:00+08:00' }, 'reportedAt', /^must be between 1990-/],
    [{ reportedAt: '2025-03-05 10:00' }, 'reportedAt', /not an ISO-8601 time with offset/],
    [
      { statusHistory: 'ACKNOWLEDGED' },
      'statusHistory',
      /entry 1 \(ACKNOWLEDGED\): not STATUS@time/,
    ],
    [
      { statusHistory: `PENDING_CUSTOMER@${cell('2025-03-05T11:00')}` },
      'statusHistory',
      /pause reason \(none\) is not one of CUSTOMER_UNAVAILABLE, NO_ACCESS, CUSTOMER_REQUESTED_DELAY/,
    ],
    [
      { statusHistory: `REPORTED@${cell('2025-03-05T10:00')}` },
      'statusHistory',
      /status REPORTED is not one of ACKNOWLEDGED/,
    ],
    [
      { pauses: `${cell('2025-03-05T11:00')}/${cell('2025-03-05T12:00')}/LUNCH` },
      'pauses',
      /entry 1 .*pause reason LUNCH is not one of/,
    ],
    [
      { pauses: `${cell('2025-03-05T12:00')}/${cell('2025-03-05T11:00')}/NO_ACCESS` },
      'pauses',
      /to must be after from/,
    ],
    [
      { severityHistory: `SEVERE@${cell('2025-03-05T10:00')}` },
      'severityHistory',
      /severity SEVERE/,
    ],
    [{ interProvincial: 'maybe' }, 'interProvincial', /not true\/false/],
  ])('rejects the cell %j', (cells, field, message) => {
    const [path, text] = parseIssue(cells as Record<string, string>);
    expect(path).toBe(field);
    expect(text).toMatch(message);
  });

  it('reads NDJSON arrays of entries and skips a trailing separator', () => {
    const parsed = faultTicketRow.parse({
      ...baseRow,
      statusHistory: [`ACKNOWLEDGED@${cell('2025-03-05T10:05')}`],
      pauses: `${cell('2025-03-05T11:00')}/${cell('2025-03-05T12:00')}/NO_ACCESS;`,
    });
    expect(parsed.statusHistory).toHaveLength(1);
    expect(parsed.pauses).toHaveLength(1);
  });
});
