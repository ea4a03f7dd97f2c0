import { onLifecycle, type LifecycleEvents } from '../src/modules/journey/lifecycle-hooks';
import { countCommands } from './support/command-counter';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import {
  buildWorld,
  createAccount,
  createBranch,
  createUser,
  ok,
  type World,
} from './support/world';

// Local wall time in the branches' zone, Asia/Shanghai (UTC+8, no DST); 2025-03-05 is a Wednesday.
const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const TICKET = `id status severity stage serviceRef channel interProvincial
  repairDurationMinutes elapsedMinutes targetMinutes minutesLeft withinSla slaState
  acknowledgementMinutes acknowledgementTargetMinutes acknowledgedWithinTarget
  isRepeat repeatOf { id }
  reportedAt acknowledgedAt firstRestoredAt restoredAt closedAt reopenCount
  statusHistory { status at actorLogin pauseReason }
  severityHistory { severity at actorLogin }
  pauses { from to reason recorded }
  outages { start end }
  cause causeExplained causeExplainedAt
  clock { kind timeZone }
  policyReason policyVersions { label }`;

const ARG_TYPES: Record<string, string> = {
  id: 'ID!',
  at: 'DateTime!',
  from: 'DateTime!',
  to: 'DateTime!',
  reason: 'PauseReason!',
  severity: 'Severity!',
  cause: 'String!',
  explainedAt: 'DateTime',
};

type Ticket = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Closed-ticket and measured-record events seen by the service in this process.
const closedEvents: LifecycleEvents['faultTicketClosed'][] = [];
const measuredEvents: LifecycleEvents['measuredRecordWritten'][] = [];
onLifecycle('faultTicketClosed', async (event) => {
  closedEvents.push(event);
});
onLifecycle('measuredRecordWritten', async (event) => {
  measuredEvents.push(event);
});

describe('fault tickets', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const admin = () => world.tokens.admin;

  const mutationText = (name: string, args: Record<string, unknown>) => {
    const names = Object.keys(args);
    const declared = names.map((n) => `$${n}: ${ARG_TYPES[n]}`).join(', ');
    const passed = names.map((n) => `${n}: $${n}`).join(', ');
    return `mutation(${declared}) { r: ${name}(${passed}) { ${TICKET} } }`;
  };
  /** Runs a ticket mutation; returns the raw response (for error assertions). */
  const attempt = (token: string, name: string, args: Record<string, unknown>) =>
    service.graphql<{ r: Ticket }>(mutationText(name, args), args, token);
  /** Runs a ticket mutation (as admin by default) and fails on errors. */
  const act = async (name: string, args: Record<string, unknown>, token = admin()) =>
    (await ok<{ r: Ticket }>(service, token, mutationText(name, args), args)).r;
  const open = async (input: Record<string, unknown>, token = admin()) =>
    (
      await ok<{ r: Ticket }>(
        service,
        token,
        `mutation($i: OpenFaultTicketInput!) { r: openFaultTicket(input: $i) { ${TICKET} } }`,
        {
          i: {
            accountId: world.accounts.own,
            serviceRef: 'CIRCUIT-1',
            severity: 'CRITICAL',
            channel: 'NOC',
            ...input,
          },
        },
      )
    ).r;
  const read = async (id: string, token = admin()) =>
    (
      await ok<{ t: Ticket | null }>(
        service,
        token,
        `query($id: ID!) { t: faultTicket(id: $id) { ${TICKET} } }`,
        { id },
      )
    ).t;

  describe('the issue\u2019s "done when" cases', () => {
    it('24 × 7, CRITICAL: 10:00–15:00 with pauses 11:00–12:00 and 11:30–12:30 is 210 minutes, within SLA', async () => {
      const ticket = await open({ reportedAt: at('2025-03-05T10:00') });
      const id = ticket.id as string;
      await act('acknowledgeFaultTicket', { id, at: at('2025-03-05T10:05') });
      await act('startFaultWork', { id, at: at('2025-03-05T10:10') });
      await act('pauseFaultTicket', {
        id,
        at: at('2025-03-05T11:00'),
        reason: 'CUSTOMER_UNAVAILABLE',
      });
      await act('resumeFaultTicket', { id, at: at('2025-03-05T12:00') });
      // Reported late by an integration, overlapping the first pause.
      await act('recordFaultPause', {
        id,
        from: at('2025-03-05T11:30'),
        to: at('2025-03-05T12:30'),
        reason: 'NO_ACCESS',
      });
      const restored = await act('restoreFaultTicket', { id, at: at('2025-03-05T15:00') });
      // Outage 10:00–15:00 = 300 min; pauses merge to 11:00–12:30 = 90 min; 300 − 90 = 210 ≤ 240.
      expect(restored).toMatchObject({
        status: 'RESTORED',
        stage: 'REPAIR',
        repairDurationMinutes: 210,
        elapsedMinutes: 210,
        targetMinutes: 240,
        withinSla: true,
        slaState: 'MET',
        minutesLeft: null,
        // Acknowledged 10:05 − reported 10:00 = 5 min ≤ 30.
        acknowledgementMinutes: 5,
        acknowledgementTargetMinutes: 30,
        acknowledgedWithinTarget: true,
        restoredAt: at('2025-03-05T15:00'),
        firstRestoredAt: at('2025-03-05T15:00'),
        clock: { kind: 'TWENTY_FOUR_SEVEN' },
        policyReason: 'default v1',
        policyVersions: [{ label: 'default v1' }],
      });
      expect(restored.outages).toEqual([
        { start: at('2025-03-05T10:00'), end: at('2025-03-05T15:00') },
      ]);
      expect(restored.pauses).toEqual([
        {
          from: at('2025-03-05T11:00'),
          to: at('2025-03-05T12:00'),
          reason: 'CUSTOMER_UNAVAILABLE',
          recorded: false,
        },
        {
          from: at('2025-03-05T11:30'),
          to: at('2025-03-05T12:30'),
          reason: 'NO_ACCESS',
          recorded: true,
        },
      ]);
      expect(restored.statusHistory).toEqual([
        { status: 'REPORTED', at: at('2025-03-05T10:00'), actorLogin: 'admin', pauseReason: null },
        {
          status: 'ACKNOWLEDGED',
          at: at('2025-03-05T10:05'),
          actorLogin: 'admin',
          pauseReason: null,
        },
        {
          status: 'IN_PROGRESS',
          at: at('2025-03-05T10:10'),
          actorLogin: 'admin',
          pauseReason: null,
        },
        {
          status: 'PENDING_CUSTOMER',
          at: at('2025-03-05T11:00'),
          actorLogin: 'admin',
          pauseReason: 'CUSTOMER_UNAVAILABLE',
        },
        {
          status: 'IN_PROGRESS',
          at: at('2025-03-05T12:00'),
          actorLogin: 'admin',
          pauseReason: null,
        },
        { status: 'RESTORED', at: at('2025-03-05T15:00'), actorLogin: 'admin', pauseReason: null },
      ]);
    });

    it('the same on business hours 09:00–18:00 with lunch 12:00–13:00 (an account policy) is 180 minutes', async () => {
      const accountId = await createAccount(service, {
        externalId: 'BH-1',
        branchCode: 'BA',
        accountManagerLogin: 'mgrA1',
      });
      await ok(
        service,
        world.tokens.headA,
        `mutation($i: SetSlaPolicyInput!) { setSlaPolicy(input: $i) { version } }`,
        {
          i: {
            scope: 'ACCOUNT',
            scopeKey: accountId,
            effectiveFrom: at('2025-01-01T00:00'),
            clock: {
              kind: 'BUSINESS_HOURS',
              weekdays: [1, 2, 3, 4, 5],
              open: '09:00',
              close: '18:00',
              breaks: [{ start: '12:00', end: '13:00' }],
            },
          },
        },
      );
      const { id } = await open({ accountId, reportedAt: at('2025-03-05T10:00') });
      await act('acknowledgeFaultTicket', { id, at: at('2025-03-05T10:05') });
      await act('startFaultWork', { id, at: at('2025-03-05T10:10') });
      await act('pauseFaultTicket', { id, at: at('2025-03-05T11:00'), reason: 'NO_ACCESS' });
      await act('resumeFaultTicket', { id, at: at('2025-03-05T12:00') });
      await act('recordFaultPause', {
        id,
        from: at('2025-03-05T11:30'),
        to: at('2025-03-05T12:30'),
        reason: 'NO_ACCESS',
      });
      const restored = await act('restoreFaultTicket', { id, at: at('2025-03-05T15:00') });
      // Wednesday. Outage 10:00–15:00 minus pauses 11:00–12:30 leaves 10:00–11:00 and
      // 12:30–15:00. On the clock: 10:00–11:00 = 60; 12:30–13:00 is lunch, 13:00–15:00 = 120.
      // 60 + 120 = 180 ≤ 240 (CRITICAL falls through to the default).
      expect(restored).toMatchObject({
        repairDurationMinutes: 180,
        targetMinutes: 240,
        withinSla: true,
        slaState: 'MET',
        clock: { kind: 'BUSINESS_HOURS', timeZone: 'Asia/Shanghai' },
        policyReason: 'account agreement v1 overrides default v1',
      });

      // Across a weekend: Fri 17:00 → Mon 10:00 counts Fri 17:00–18:00 (60) + Mon 09:00–10:00 (60).
      const weekend = await open({
        accountId,
        serviceRef: 'CIRCUIT-W',
        severity: 'MINOR',
        reportedAt: at('2025-03-07T17:00'),
      });
      await act('acknowledgeFaultTicket', { id: weekend.id, at: at('2025-03-07T17:10') });
      const monday = await act('restoreFaultTicket', {
        id: weekend.id,
        at: at('2025-03-10T10:00'),
      });
      expect(monday).toMatchObject({
        repairDurationMinutes: 120,
        targetMinutes: 1440,
        slaState: 'MET',
      });
    });
  });

  describe('transitions', () => {
    it('walks REPORTED → ACKNOWLEDGED → IN_PROGRESS → RESTORED → CLOSED → REOPENED → IN_PROGRESS → RESTORED → CLOSED', async () => {
      const t = await open({
        serviceRef: 'CIRCUIT-2',
        severity: 'MAJOR',
        reportedAt: at('2025-03-10T08:00'),
      });
      expect(t).toMatchObject({
        status: 'REPORTED',
        stage: 'FAULT_REPORTING',
        acknowledgedAt: null,
      });
      const id = t.id as string;
      expect(await act('acknowledgeFaultTicket', { id, at: at('2025-03-10T08:10') })).toMatchObject(
        {
          status: 'ACKNOWLEDGED',
          stage: 'REPAIR',
          acknowledgedAt: at('2025-03-10T08:10'),
          acknowledgementMinutes: 10,
        },
      );
      expect(await act('startFaultWork', { id, at: at('2025-03-10T08:20') })).toMatchObject({
        status: 'IN_PROGRESS',
      });
      expect(await act('restoreFaultTicket', { id, at: at('2025-03-10T09:00') })).toMatchObject({
        status: 'RESTORED',
        repairDurationMinutes: 60,
      });
      expect(await act('closeFaultTicket', { id, at: at('2025-03-10T09:30') })).toMatchObject({
        status: 'CLOSED',
        closedAt: at('2025-03-10T09:30'),
      });
      const reopened = await act('reopenFaultTicket', { id, at: at('2025-03-10T10:00') });
      expect(reopened).toMatchObject({
        status: 'REOPENED',
        stage: 'REPAIR',
        restoredAt: null,
        closedAt: null,
        repairDurationMinutes: null,
        withinSla: null,
        reopenCount: 1,
        firstRestoredAt: at('2025-03-10T09:00'),
      });
      expect(await act('startFaultWork', { id, at: at('2025-03-10T10:05') })).toMatchObject({
        status: 'IN_PROGRESS',
      });
      const again = await act('restoreFaultTicket', { id, at: at('2025-03-10T11:00') });
      // Outages 08:00–09:00 (60) and 10:00–11:00 (60): 120 ≤ 480 (MAJOR).
      expect(again).toMatchObject({
        status: 'RESTORED',
        repairDurationMinutes: 120,
        targetMinutes: 480,
        withinSla: true,
        restoredAt: at('2025-03-10T11:00'),
        firstRestoredAt: at('2025-03-10T09:00'),
      });
      expect(again.outages).toEqual([
        { start: at('2025-03-10T08:00'), end: at('2025-03-10T09:00') },
        { start: at('2025-03-10T10:00'), end: at('2025-03-10T11:00') },
      ]);
      expect(await act('closeFaultTicket', { id, at: at('2025-03-10T11:30') })).toMatchObject({
        status: 'CLOSED',
      });
    });

    it('restores straight from ACKNOWLEDGED, from REOPENED, and acknowledges a reopened ticket', async () => {
      const { id } = await open({ serviceRef: 'CIRCUIT-3', reportedAt: at('2025-03-11T08:00') });
      await act('acknowledgeFaultTicket', { id, at: at('2025-03-11T08:05') });
      expect(await act('restoreFaultTicket', { id, at: at('2025-03-11T09:00') })).toMatchObject({
        status: 'RESTORED',
        repairDurationMinutes: 60,
      });
      await act('reopenFaultTicket', { id, at: at('2025-03-11T10:00') });
      expect(await act('acknowledgeFaultTicket', { id, at: at('2025-03-11T10:02') })).toMatchObject(
        {
          status: 'ACKNOWLEDGED',
          // The acknowledgement time is the first one: 08:05 − 08:00.
          acknowledgementMinutes: 5,
        },
      );
      await act('restoreFaultTicket', { id, at: at('2025-03-11T10:30') });
      await act('reopenFaultTicket', { id, at: at('2025-03-11T11:00') });
      const direct = await act('restoreFaultTicket', { id, at: at('2025-03-11T11:15') });
      // 60 + 30 + 15 = 105.
      expect(direct).toMatchObject({
        status: 'RESTORED',
        repairDurationMinutes: 105,
        reopenCount: 2,
      });
    });

    it('restoring while PENDING_CUSTOMER ends the pause at the restoration', async () => {
      const { id } = await open({ serviceRef: 'CIRCUIT-4', reportedAt: at('2025-03-12T10:00') });
      await act('acknowledgeFaultTicket', { id, at: at('2025-03-12T10:00') });
      await act('startFaultWork', { id, at: at('2025-03-12T10:10') });
      const paused = await act('pauseFaultTicket', {
        id,
        at: at('2025-03-12T11:00'),
        reason: 'CUSTOMER_REQUESTED_DELAY',
      });
      expect(paused.status).toBe('PENDING_CUSTOMER');
      const restored = await act('restoreFaultTicket', { id, at: at('2025-03-12T12:00') });
      // Outage 10:00–12:00 = 120, paused 11:00–12:00 = 60: 60 minutes.
      expect(restored.repairDurationMinutes).toBe(60);
      expect(restored.acknowledgementMinutes).toBe(0);
      expect(restored.pauses).toEqual([
        {
          from: at('2025-03-12T11:00'),
          to: at('2025-03-12T12:00'),
          reason: 'CUSTOMER_REQUESTED_DELAY',
          recorded: false,
        },
      ]);
    });

    it('refuses illegal transitions with ILLEGAL_TRANSITION naming the allowed statuses', async () => {
      const { id } = await open({ serviceRef: 'CIRCUIT-5', reportedAt: at('2025-03-13T08:00') });
      const refused = async (name: string, args: Record<string, unknown>, message: string) => {
        const result = await attempt(admin(), name, { id, ...args });
        expect(result.errors?.[0]?.message).toBe(message);
        expect(result.errors?.[0]?.extensions).toEqual({ code: 'ILLEGAL_TRANSITION', field: 'id' });
      };
      const t = (local: string) => at(`2025-03-13T${local}`);
      await refused(
        'startFaultWork',
        { at: t('08:01') },
        'cannot START_WORK a ticket in status REPORTED; allowed from ACKNOWLEDGED, REOPENED',
      );
      await refused(
        'restoreFaultTicket',
        { at: t('08:01') },
        'cannot RESTORE a ticket in status REPORTED; allowed from ACKNOWLEDGED, IN_PROGRESS, PENDING_CUSTOMER, REOPENED',
      );
      await refused(
        'closeFaultTicket',
        { at: t('08:01') },
        'cannot CLOSE a ticket in status REPORTED; allowed from RESTORED',
      );
      await refused(
        'reopenFaultTicket',
        { at: t('08:01') },
        'cannot REOPEN a ticket in status REPORTED; allowed from RESTORED, CLOSED',
      );
      await refused(
        'pauseFaultTicket',
        { at: t('08:01'), reason: 'NO_ACCESS' },
        'cannot PAUSE a ticket in status REPORTED; allowed from IN_PROGRESS',
      );
      await act('acknowledgeFaultTicket', { id, at: t('08:02') });
      await refused(
        'acknowledgeFaultTicket',
        { at: t('08:03') },
        'cannot ACKNOWLEDGE a ticket in status ACKNOWLEDGED; allowed from REPORTED, REOPENED',
      );
      await refused(
        'resumeFaultTicket',
        { at: t('08:03') },
        'cannot RESUME a ticket in status ACKNOWLEDGED; allowed from PENDING_CUSTOMER',
      );
      await act('startFaultWork', { id, at: t('08:04') });
      await act('restoreFaultTicket', { id, at: t('09:00') });
      await act('closeFaultTicket', { id, at: t('09:10') });
      // A different time for a transition already made is not a replay.
      await refused(
        'closeFaultTicket',
        { at: t('09:20') },
        'cannot CLOSE a ticket in status CLOSED; allowed from RESTORED',
      );
      await refused(
        'restoreFaultTicket',
        { at: t('09:20') },
        'cannot RESTORE a ticket in status CLOSED; allowed from ACKNOWLEDGED, IN_PROGRESS, PENDING_CUSTOMER, REOPENED',
      );
      expect((await read(id))?.status).toBe('CLOSED');
    });

    it('refuses times that run backwards or lie in the future (BAD_USER_INPUT naming the field)', async () => {
      const { id } = await open({ serviceRef: 'CIRCUIT-6', reportedAt: at('2025-03-14T08:00') });
      const early = await attempt(admin(), 'acknowledgeFaultTicket', {
        id,
        at: at('2025-03-14T07:59'),
      });
      expect(early.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      expect(early.errors?.[0]?.message).toMatch(/at: cannot be before the last status change/);
      await act('acknowledgeFaultTicket', { id, at: at('2025-03-14T08:10') });
      await act('startFaultWork', { id, at: at('2025-03-14T08:20') });
      const restore = await attempt(admin(), 'restoreFaultTicket', {
        id,
        at: at('2025-03-14T08:15'),
      });
      expect(restore.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      const future = await attempt(admin(), 'restoreFaultTicket', {
        id,
        at: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(future.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      const pause = await attempt(admin(), 'recordFaultPause', {
        id,
        from: at('2025-03-14T09:00'),
        to: at('2025-03-14T09:00'),
        reason: 'NO_ACCESS',
      });
      expect(pause.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
      const severity = await attempt(admin(), 'changeFaultSeverity', {
        id,
        severity: 'MINOR',
        at: at('2025-03-14T07:00'),
      });
      expect(severity.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
      const badOpen = await service.graphql(
        `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }`,
        {
          i: {
            accountId: world.accounts.own,
            serviceRef: 'X',
            severity: 'MINOR',
            channel: 'HOTLINE',
            reportedAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
        admin(),
      );
      expect(badOpen.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.reportedAt',
      });
    });

    it('treats a replay of the same change at the same time as a no-op', async () => {
      const { id } = await open({ serviceRef: 'CIRCUIT-7', reportedAt: at('2025-03-15T08:00') });
      const acked = await act('acknowledgeFaultTicket', { id, at: at('2025-03-15T08:05') });
      const trail = async () =>
        (
          await ok(
            service,
            admin(),
            `query($id: ID!) { auditTrail(entityId: $id) { edges { node { action } } } }`,
            {
              id,
            },
          )
        ).auditTrail.edges.map((e: { node: { action: string } }) => e.node.action);
      expect(await trail()).toEqual(['acknowledgeFaultTicket', 'openFaultTicket']);
      const again = await act('acknowledgeFaultTicket', { id, at: at('2025-03-15T08:05') });
      expect(await trail()).toHaveLength(2); // nothing written
      expect(again.statusHistory).toEqual(acked.statusHistory);
      expect(again.acknowledgedAt).toBe(acked.acknowledgedAt);
      await act('startFaultWork', { id, at: at('2025-03-15T08:10') });
      await act('restoreFaultTicket', { id, at: at('2025-03-15T09:00') });
      // An integration replays its whole feed: earlier steps come back unchanged.
      const replayed = await act('startFaultWork', { id, at: at('2025-03-15T08:10') });
      expect(replayed.status).toBe('RESTORED');
      expect(replayed.statusHistory).toHaveLength(4);
      const pause = {
        id,
        from: at('2025-03-15T08:30'),
        to: at('2025-03-15T08:40'),
        reason: 'NO_ACCESS',
      };
      await act('recordFaultPause', pause);
      const twice = await act('recordFaultPause', pause);
      // 60 − 10 = 50: the pause counts once.
      expect(twice.repairDurationMinutes).toBe(50);
      expect(twice.pauses).toHaveLength(1);
    });
  });

  describe('computed fields', () => {
    it('measures against the final severity and records every change', async () => {
      const { id } = await open({
        serviceRef: 'CIRCUIT-8',
        severity: 'MINOR',
        reportedAt: at('2025-03-16T08:00'),
      });
      await act('acknowledgeFaultTicket', { id, at: at('2025-03-16T08:30') });
      const raised = await act('changeFaultSeverity', {
        id,
        severity: 'CRITICAL',
        at: at('2025-03-16T09:00'),
      });
      expect(raised.severityHistory).toEqual([
        { severity: 'MINOR', at: at('2025-03-16T08:00'), actorLogin: 'admin' },
        { severity: 'CRITICAL', at: at('2025-03-16T09:00'), actorLogin: 'admin' },
      ]);
      const restored = await act('restoreFaultTicket', { id, at: at('2025-03-16T13:00') });
      // 08:00–13:00 = 300 > 240 (CRITICAL, the final severity): missed.
      expect(restored).toMatchObject({
        severity: 'CRITICAL',
        targetMinutes: 240,
        repairDurationMinutes: 300,
        withinSla: false,
        slaState: 'MISSED',
        // 30 min = the 30-minute acknowledgement target.
        acknowledgementMinutes: 30,
        acknowledgedWithinTarget: true,
      });
      // Lowered after the fact: MAJOR (480) makes it within SLA.
      const lowered = await act('changeFaultSeverity', {
        id,
        severity: 'MAJOR',
        at: at('2025-03-16T14:00'),
      });
      expect(lowered).toMatchObject({ targetMinutes: 480, withinSla: true, slaState: 'MET' });
      expect(lowered.severityHistory).toHaveLength(3);
      const same = await act('changeFaultSeverity', {
        id,
        severity: 'MAJOR',
        at: at('2025-03-16T15:00'),
      });
      expect(same.severityHistory).toHaveLength(3);
    });

    it('reports ON_TRACK, AT_RISK and BREACHED for open tickets, as of now', async () => {
      // MINOR target 1440 min: 2 h used = 8 % (on track), 20 h = 83 % (≥ 75 %: at risk),
      // 30 h = 125 % (> 100 %: breached).
      const states: Record<string, unknown> = {};
      for (const [hours, ref] of [
        [2, 'OPEN-2H'],
        [20, 'OPEN-20H'],
        [30, 'OPEN-30H'],
      ] as const) {
        const ticket = await open({
          serviceRef: ref,
          severity: 'MINOR',
          reportedAt: hoursAgo(hours),
        });
        states[ref] = ticket.slaState;
        expect(ticket).toMatchObject({
          repairDurationMinutes: null,
          withinSla: null,
          restoredAt: null,
        });
        expect(ticket.elapsedMinutes).toBeGreaterThanOrEqual(hours * 60);
        expect(ticket.minutesLeft).toBeLessThanOrEqual(1440 - hours * 60);
      }
      expect(states).toEqual({
        'OPEN-2H': 'ON_TRACK',
        'OPEN-20H': 'AT_RISK',
        'OPEN-30H': 'BREACHED',
      });
    });

    it('records the cause, whether it was explained, and the inter-provincial flag', async () => {
      const { id, interProvincial } = await open({
        serviceRef: 'CIRCUIT-9',
        interProvincial: true,
        channel: 'MAINTENANCE_CONTRACTOR',
        reportedAt: at('2025-03-17T08:00'),
      });
      expect(interProvincial).toBe(true);
      const noted = await act('recordFaultCause', { id, cause: 'Fibre cut by road works' });
      expect(noted).toMatchObject({
        cause: 'Fibre cut by road works',
        causeExplained: false,
        causeExplainedAt: null,
      });
      const explained = await act('recordFaultCause', {
        id,
        cause: 'Fibre cut by road works',
        explainedAt: at('2025-03-17T10:00'),
      });
      expect(explained).toMatchObject({
        causeExplained: true,
        causeExplainedAt: at('2025-03-17T10:00'),
      });
      // A refined cause without an explanation time keeps the explanation already recorded.
      const refined = await act('recordFaultCause', {
        id,
        cause: 'Fibre cut by road works (km 12)',
      });
      expect(refined).toMatchObject({
        cause: 'Fibre cut by road works (km 12)',
        causeExplainedAt: at('2025-03-17T10:00'),
      });
    });
  });

  describe('repeat faults', () => {
    it('links a ticket reported within 30 days after an earlier restoration on the same service', async () => {
      const first = await open({ serviceRef: 'REP-1', reportedAt: at('2025-04-01T08:00') });
      await act('acknowledgeFaultTicket', { id: first.id, at: at('2025-04-01T08:05') });
      await act('restoreFaultTicket', { id: first.id, at: at('2025-04-01T12:00') });
      // 19 days after the restoration: a repeat.
      const second = await open({ serviceRef: 'REP-1', reportedAt: at('2025-04-20T08:00') });
      expect(second).toMatchObject({ isRepeat: true, repeatOf: { id: first.id } });
      // Opened as a repeat, as an import inserts one: a single entry, which holds the link.
      const trail = (
        await ok(
          service,
          admin(),
          `query($id: ID!) { auditTrail(entityId: $id) {
            edges { node { action changes { field after } } } } }`,
          { id: second.id },
        )
      ).auditTrail.edges.map((e: { node: unknown }) => e.node);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ action: 'openFaultTicket' });
      expect(trail[0].changes).toContainEqual({
        field: 'repeatOfTicketId',
        after: JSON.stringify(first.id),
      });
      const otherService = await open({ serviceRef: 'REP-2', reportedAt: at('2025-04-20T09:00') });
      expect(otherService).toMatchObject({ isRepeat: false, repeatOf: null });
      const otherAccount = await open({
        accountId: world.accounts.sameBranch,
        serviceRef: 'REP-1',
        reportedAt: at('2025-04-20T09:00'),
      });
      expect(otherAccount.isRepeat).toBe(false);
      await act('acknowledgeFaultTicket', { id: second.id, at: at('2025-04-20T08:05') });
      await act('restoreFaultTicket', { id: second.id, at: at('2025-04-20T10:00') });
      // 30 days and 1 minute after the second ticket's restoration: no longer a repeat.
      const late = await open({ serviceRef: 'REP-1', reportedAt: at('2025-05-20T10:01') });
      expect(late.isRepeat).toBe(false);
      const edge = await open({ serviceRef: 'REP-1', reportedAt: at('2025-05-20T10:00') });
      expect(edge).toMatchObject({ isRepeat: true, repeatOf: { id: second.id } });
    });

    it('re-derives repeats when a restoration is recorded late or undone by a reopen', async () => {
      const earlier = await open({ serviceRef: 'REP-3', reportedAt: at('2025-06-01T08:00') });
      const later = await open({ serviceRef: 'REP-3', reportedAt: at('2025-06-10T08:00') });
      expect(later.isRepeat).toBe(false); // the earlier one is not restored (yet)
      await act('acknowledgeFaultTicket', { id: earlier.id, at: at('2025-06-01T08:05') });
      await act('restoreFaultTicket', { id: earlier.id, at: at('2025-06-05T08:00') });
      expect(await read(later.id)).toMatchObject({ isRepeat: true, repeatOf: { id: earlier.id } });
      await act('reopenFaultTicket', { id: earlier.id, at: at('2025-06-11T08:00') });
      expect(await read(later.id)).toMatchObject({ isRepeat: false, repeatOf: null });
    });
  });

  describe('lifecycle events', () => {
    it('announces a closure and a measured change once per real change', async () => {
      const { id } = await open({ serviceRef: 'EVT-1', reportedAt: at('2025-07-01T08:00') });
      closedEvents.length = 0;
      measuredEvents.length = 0;
      await act('acknowledgeFaultTicket', { id, at: at('2025-07-01T08:05') });
      expect(measuredEvents).toEqual([]); // open: not yet in any period
      await act('restoreFaultTicket', { id, at: at('2025-07-01T09:00') });
      await act('restoreFaultTicket', { id, at: at('2025-07-01T09:00') });
      expect(measuredEvents).toEqual([
        { branchCode: 'BA', eventTimes: [new Date(at('2025-07-01T09:00'))] },
      ]);
      await act('closeFaultTicket', { id, at: at('2025-07-01T10:00') });
      await act('closeFaultTicket', { id, at: at('2025-07-01T10:00') });
      expect(closedEvents).toHaveLength(1);
      expect(closedEvents[0]).toMatchObject({
        branchCode: 'BA',
        closedAt: new Date(at('2025-07-01T10:00')),
      });
      expect(String(closedEvents[0]!.ticketId)).toBe(id);
      // Reopening takes it out of its period; restoring puts it into the new one.
      await act('reopenFaultTicket', { id, at: at('2025-07-02T08:00') });
      await act('restoreFaultTicket', { id, at: at('2025-07-02T09:00') });
      await act('closeFaultTicket', { id, at: at('2025-07-02T10:00') });
      expect(closedEvents).toHaveLength(2);
      expect(measuredEvents.slice(1)).toEqual([
        { branchCode: 'BA', eventTimes: [new Date(at('2025-07-01T09:00'))] },
        { branchCode: 'BA', eventTimes: [new Date(at('2025-07-02T09:00'))] },
      ]);
      // A late pause changes the repair duration of a restored ticket.
      await act('recordFaultPause', {
        id,
        from: at('2025-07-02T08:10'),
        to: at('2025-07-02T08:20'),
        reason: 'NO_ACCESS',
      });
      expect(measuredEvents).toHaveLength(4);
      expect(measuredEvents[3]?.eventTimes).toEqual([new Date(at('2025-07-02T09:00'))]);
    });
  });

  describe('access', () => {
    it('hides other branches (NOT_FOUND) and refuses changes to accounts of other managers (FORBIDDEN)', async () => {
      const other = await open({
        accountId: world.accounts.otherBranch,
        serviceRef: 'ACC-1',
        reportedAt: at('2025-08-01T08:00'),
      });
      const colleague = await open({
        accountId: world.accounts.sameBranch,
        serviceRef: 'ACC-2',
        reportedAt: at('2025-08-01T08:00'),
      });
      const { mgrA1, hq, headA } = world.tokens;
      expect(await read(other.id, mgrA1)).toBeNull();
      const hidden = await attempt(mgrA1, 'acknowledgeFaultTicket', {
        id: other.id,
        at: at('2025-08-01T08:05'),
      });
      expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await read(colleague.id, mgrA1))?.id).toBe(colleague.id);
      const forbidden = await attempt(mgrA1, 'acknowledgeFaultTicket', {
        id: colleague.id,
        at: at('2025-08-01T08:05'),
      });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const readOnly = await attempt(hq, 'acknowledgeFaultTicket', {
        id: colleague.id,
        at: at('2025-08-01T08:05'),
      });
      expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const openForColleague = await service.graphql(
        `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }`,
        {
          i: {
            accountId: world.accounts.sameBranch,
            serviceRef: 'X',
            severity: 'MINOR',
            channel: 'HOTLINE',
            reportedAt: at('2025-08-01T08:00'),
          },
        },
        mgrA1,
      );
      expect(openForColleague.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The branch head may act on every account of the branch; the manager on their own.
      expect(
        (
          await act(
            'acknowledgeFaultTicket',
            { id: colleague.id, at: at('2025-08-01T08:05') },
            headA,
          )
        ).status,
      ).toBe('ACKNOWLEDGED');
      const own = await open({ serviceRef: 'ACC-3', reportedAt: at('2025-08-01T08:00') }, mgrA1);
      expect(own.statusHistory[0].actorLogin).toBe('mgrA1');
    });

    it('replays a report with the same external id and refuses a different one (CONFLICT)', async () => {
      const input = {
        serviceRef: 'EXT-1',
        reportedAt: at('2025-08-02T08:00'),
        sourceSystem: 'OSS',
        externalId: 'TT-1',
      };
      const first = await open(input);
      const again = await open(input);
      expect(again.id).toBe(first.id);
      const clash = await service.graphql(
        `mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }`,
        { i: { accountId: world.accounts.own, severity: 'MINOR', channel: 'NOC', ...input } },
        admin(),
      );
      expect(clash.errors?.[0]?.extensions).toEqual({
        code: 'CONFLICT',
        field: 'input.externalId',
      });
    });
  });

  describe('lists', () => {
    let tokens: { headC: string; mgrC: string; mgrD: string };
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      await createBranch(service, 'BC');
      tokens = {
        headC: await createUser(service, 'headC', { role: 'BRANCH_HEAD', branchCode: 'BC' }),
        mgrC: await createUser(service, 'mgrC', { role: 'ACCOUNT_MANAGER', branchCode: 'BC' }),
        mgrD: await createUser(service, 'mgrD', { role: 'ACCOUNT_MANAGER', branchCode: 'BC' }),
      };
      const c1 = await createAccount(service, {
        externalId: 'C1',
        branchCode: 'BC',
        accountManagerLogin: 'mgrC',
      });
      const d1 = await createAccount(service, {
        externalId: 'D1',
        branchCode: 'BC',
        accountManagerLogin: 'mgrD',
      });
      // MINOR (1440 min): minutes left ≈ 1440 − elapsed.
      const plan: [string, string, number, string][] = [
        ['c-on-track', c1, 2, 'MINOR'], // ≈ 1320 left
        ['c-at-risk', c1, 20, 'MINOR'], // ≈ 240 left
        ['c-breached', c1, 30, 'MINOR'], // ≈ −360 left
        ['d-at-risk', d1, 22, 'MINOR'], // ≈ 120 left
        ['d-major', d1, 1, 'MAJOR'], // ≈ 420 left (480 − 60)
      ];
      for (const [key, accountId, hours, severity] of plan) {
        ids[key] = (
          await open({ accountId, serviceRef: key, severity, reportedAt: hoursAgo(hours) })
        ).id;
      }
      const restored = await open({
        accountId: c1,
        serviceRef: 'c-restored',
        reportedAt: hoursAgo(5),
      });
      await act('acknowledgeFaultTicket', { id: restored.id, at: hoursAgo(4.9) });
      await act('restoreFaultTicket', { id: restored.id, at: hoursAgo(4) });
    });
    const idsOf = (connection: { edges: { node: { id: string } }[] }) =>
      connection.edges.map(
        (edge) => Object.entries(ids).find(([, id]) => id === edge.node.id)?.[0],
      );

    it('lists a manager\u2019s open tickets, least time left first, filtered by SLA state and severity', async () => {
      const list = async (filter: Record<string, unknown>) =>
        (
          await ok(
            service,
            tokens.mgrC,
            `query($f: OpenFaultTicketFilter) { openFaultTickets(filter: $f) { totalCount edges { node { id slaState } } } }`,
            { f: filter },
          )
        ).openFaultTickets;
      const mine = await list({ accountManagerLogin: 'mgrC' });
      expect(idsOf(mine)).toEqual(['c-breached', 'c-at-risk', 'c-on-track']);
      expect(mine.totalCount).toBe(3);
      expect(idsOf(await list({ accountManagerLogin: 'mgrC', slaState: 'AT_RISK' }))).toEqual([
        'c-at-risk',
      ]);
      expect(idsOf(await list({ branchCode: 'BC', severity: 'MAJOR' }))).toEqual(['d-major']);
      expect(idsOf(await list({ branchCode: 'BC' }))).toEqual([
        'c-breached',
        'd-at-risk',
        'c-at-risk',
        'd-major',
        'c-on-track',
      ]);
    });

    it('gives branch heads atRiskFaultTickets by time left, paged with a cursor', async () => {
      const page = async (after: string | null) =>
        (
          await ok(
            service,
            tokens.headC,
            `query($after: String) { atRiskFaultTickets(branchCode: "BC", first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          )
        ).atRiskFaultTickets;
      const first = await page(null);
      expect(idsOf(first)).toEqual(['c-breached', 'd-at-risk']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(first.totalCount).toBe(3);
      const second = await page(first.pageInfo.endCursor);
      expect(idsOf(second)).toEqual(['c-at-risk']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const outsider = await ok(
        service,
        world.tokens.headA,
        `{ atRiskFaultTickets(branchCode: "BC") { edges { node { id } } } }`,
      );
      expect(outsider.atRiskFaultTickets.edges).toEqual([]);
      const bad = await service.graphql(
        `{ atRiskFaultTickets(branchCode: "BC", after: "junk") { totalCount } }`,
        {},
        tokens.headC,
      );
      expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('shows tickets on the account (newest first), its timeline and its current stage', async () => {
      const account = await createAccount(service, {
        externalId: 'C2',
        branchCode: 'BC',
        accountManagerLogin: 'mgrC',
      });
      const older = await open({
        accountId: account,
        serviceRef: 'S-1',
        reportedAt: at('2025-09-01T08:00'),
      });
      const stageOf = async () =>
        (
          await ok(
            service,
            tokens.mgrC,
            `query($id: ID!) { keyAccount(id: $id) { currentStage } }`,
            { id: account },
          )
        ).keyAccount.currentStage;
      expect(await stageOf()).toBe('FAULT_REPORTING');
      await act('acknowledgeFaultTicket', { id: older.id, at: at('2025-09-01T08:05') });
      expect(await stageOf()).toBe('REPAIR');
      await act('restoreFaultTicket', { id: older.id, at: at('2025-09-01T09:00') });
      expect(await stageOf()).toBe('REPAIR'); // the latest record's stage, no longer open
      const newer = await open({
        accountId: account,
        serviceRef: 'S-2',
        reportedAt: at('2025-09-02T08:00'),
      });
      const data = await ok(
        service,
        tokens.mgrC,
        `query($id: ID!) { keyAccount(id: $id) {
          faultTickets(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
          timeline(stages: [FAULT_REPORTING, REPAIR]) { edges { node { __typename id stage occurredAt } } }
        } }`,
        { id: account },
      );
      expect(
        data.keyAccount.faultTickets.edges.map((e: { node: { id: string } }) => e.node.id),
      ).toEqual([newer.id]);
      expect(data.keyAccount.faultTickets.pageInfo.hasNextPage).toBe(true);
      expect(data.keyAccount.faultTickets.totalCount).toBeNull();
      const next = await ok(
        service,
        tokens.mgrC,
        `query($id: ID!, $after: String) { keyAccount(id: $id) { faultTickets(first: 5, after: $after) { edges { node { id } } } } }`,
        { id: account, after: data.keyAccount.faultTickets.pageInfo.endCursor },
      );
      expect(
        next.keyAccount.faultTickets.edges.map((e: { node: { id: string } }) => e.node.id),
      ).toEqual([older.id]);
      expect(data.keyAccount.timeline.edges.map((e: { node: unknown }) => e.node)).toEqual([
        {
          __typename: 'FaultTicket',
          id: newer.id,
          stage: 'FAULT_REPORTING',
          occurredAt: at('2025-09-02T08:00'),
        },
        {
          __typename: 'FaultTicket',
          id: older.id,
          stage: 'REPAIR',
          occurredAt: at('2025-09-01T08:00'),
        },
      ]);
    });

    it('batches KeyAccount.faultTickets and repeatOf: the same number of queries for 1 and for all accounts', async () => {
      const query = (first: number) =>
        ok(
          service,
          tokens.headC,
          `{ keyAccounts(first: ${first}, filter: { branchCode: "BC" }) { edges { node { id
            faultTickets(first: 3) { edges { node { id slaState repeatOf { id } policyVersions { label } } } }
            activationOrders(first: 3) { edges { node { id } } }
          } } } }`,
        );
      const one = await countCommands(() => query(1));
      const all = await countCommands(() => query(10));
      expect(all.byName).toEqual(one.byName);
    });
  });
});
