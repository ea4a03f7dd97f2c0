import { onLifecycle, type LifecycleEvents } from '../src/modules/journey/lifecycle-hooks';
import { countCommands } from './support/command-counter';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import {
  buildWorld,
  createBranch,
  createUser,
  ok,
  type World,
  type WorldUser,
} from './support/world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RECORD = `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) {
  id __typename stage occurredAt respondedAt channel respondent cs1 cs2 cs3 nps satisfactionIndex
  sourceSystem externalId comment account { id } followUp { id }
  attributes { attribute label performance importance } } }`;
const FIGURE = 'value sampleSize numerator denominator low high target previous';
const SUMMARY = `branch { code } account { id } period periodStart periodEnd responses
  satisfactionIndex { ${FIGURE} } topBoxShare { ${FIGURE} } top3BoxShare { ${FIGURE} }
  nps { ${FIGURE} } cs1 { ${FIGURE} } cs2 { ${FIGURE} } cs3 { ${FIGURE} }
  quadrants { attribute label importance performance responses quadrant }`;
const SATISFACTION = `query($b: String!, $p: String!) { satisfaction(branchCode: $b, period: $p) { ${SUMMARY} } }`;
const RESPONSES_OF = `query($id: ID!) { keyAccount(id: $id) {
  surveyResponses(first: 100) { edges { node { id cs1 } } } } }`;

describe('survey responses and satisfaction', () => {
  let service: TestService;
  let world: World;
  const measured: LifecycleEvents['measuredRecordWritten'][] = [];

  const as = (user: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    ok<Row>(service, world.tokens[user], query, variables);
  const attempt = (user: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    service.graphql<Row>(query, variables, world.tokens[user]);
  const respond = async (
    user: WorldUser,
    accountId: string,
    respondedAt: string,
    scores: Record<string, unknown>,
  ): Promise<Row> =>
    (await as(user, RECORD, { i: { accountId, respondedAt, channel: 'PHONE', ...scores } }))
      .recordSurveyResponse;
  const responsesOf = async (accountId: string): Promise<Row[]> =>
    (await as('admin', RESPONSES_OF, { id: accountId })).keyAccount.surveyResponses.edges.map(
      (e: Row) => e.node,
    );
  const openAccount = async (branchCode: string, manager: string, externalId: string) =>
    (
      await ok<Row>(
        service,
        service.adminToken,
        'mutation($i: CreateKeyAccountInput!) { createKeyAccount(input: $i) { id } }',
        {
          i: {
            externalId,
            sourceSystem: 'CRM',
            name: externalId,
            branchCode,
            accountManagerLogin: manager,
            openedAt: '2024-01-01T00:00:00+08:00',
          },
        },
      )
    ).createKeyAccount.id as string;

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    onLifecycle('measuredRecordWritten', async (event) => {
      measured.push(event);
    });
  });
  afterAll(() => stopTestService(service));

  describe('recording', () => {
    it('records a response with its index, links and the measured-record event', async () => {
      const followUp = (
        await as(
          'mgrA1',
          `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`,
          {
            i: {
              accountId: world.accounts.own,
              purpose: 'PERIODIC',
              channel: 'PHONE',
              dueAt: '2026-10-01T00:00:00Z',
            },
          },
        )
      ).scheduleFollowUp;
      const before = measured.length;
      const response = await respond('mgrA1', world.accounts.own, '2026-10-02T02:00:00Z', {
        cs1: 9,
        cs2: 8,
        cs3: 7,
        nps: 9,
        respondent: 'IT manager',
        comment: 'Quick repairs',
        followUpId: followUp.id,
        attributes: [{ attribute: 'REPAIR_TIMELINESS', performance: 9, importance: 10 }],
      });
      expect(response).toMatchObject({
        __typename: 'SurveyResponse',
        stage: 'SURVEY',
        occurredAt: '2026-10-02T02:00:00.000Z',
        respondedAt: '2026-10-02T02:00:00.000Z',
        sourceSystem: 'JOURNEY',
        externalId: response.id,
        account: { id: world.accounts.own },
        followUp: { id: followUp.id },
        nps: 9,
        attributes: [
          {
            attribute: 'REPAIR_TIMELINESS',
            label: 'Repair timeliness',
            performance: 9,
            importance: 10,
          },
        ],
      });
      // (0.4·9 + 0.3·8 + 0.3·7 − 1) ÷ 9 × 100 = 7.1 ÷ 9 × 100 = 78.888…
      expect(response.satisfactionIndex).toBeCloseTo(78.8889, 4);
      expect(measured.slice(before)).toEqual([
        { branchCode: 'BA', eventTimes: [new Date('2026-10-02T02:00:00Z')] },
      ]);
    });

    it('rejects a follow-up of another account', async () => {
      const followUp = (
        await as(
          'admin',
          `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`,
          {
            i: {
              accountId: world.accounts.sameBranch,
              purpose: 'OTHER',
              channel: 'SMS',
              dueAt: '2026-10-01T00:00:00Z',
            },
          },
        )
      ).scheduleFollowUp;
      const result = await attempt('mgrA1', RECORD, {
        i: {
          accountId: world.accounts.own,
          respondedAt: '2026-10-03T00:00:00Z',
          channel: 'PHONE',
          cs1: 5,
          cs2: 5,
          cs3: 5,
          followUpId: followUp.id,
        },
      });
      expect(result.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.followUpId',
      });
    });

    it.each([
      ['cs1 above 10', { cs1: 11 }, 'input.cs1'],
      ['cs2 below 1', { cs2: 0 }, 'input.cs2'],
      ['cs3 negative', { cs3: -3 }, 'input.cs3'],
      ['nps above 10', { nps: 11 }, 'input.nps'],
      [
        'an attribute performance of 0',
        { attributes: [{ attribute: 'LINE_QUALITY', performance: 0, importance: 5 }] },
        'input.attributes.0.performance',
      ],
      [
        'an attribute importance of 11',
        {
          attributes: [
            { attribute: 'LINE_QUALITY', performance: 5, importance: 5 },
            { attribute: 'BILLING_ACCURACY', performance: 5, importance: 11 },
          ],
        },
        'input.attributes.1.importance',
      ],
      [
        'an attribute not in the catalogue',
        {
          attributes: [
            { attribute: 'LINE_QUALITY', performance: 5, importance: 5 },
            { attribute: 'FREE_COFFEE', performance: 5, importance: 5 },
          ],
        },
        'input.attributes.1.attribute',
      ],
      [
        'an attribute scored twice',
        {
          attributes: [
            { attribute: 'LINE_QUALITY', performance: 5, importance: 5 },
            { attribute: 'LINE_QUALITY', performance: 6, importance: 6 },
          ],
        },
        'input.attributes.1.attribute',
      ],
      [
        'a response time in the future',
        { respondedAt: new Date(Date.now() + 3_600_000).toISOString() },
        'input.respondedAt',
      ],
    ])('rejects %s, naming the field, and stores nothing', async (_name, change, field) => {
      const account = world.accounts.sameBranch;
      const before = (await responsesOf(account)).length;
      const result = await attempt('headA', RECORD, {
        i: {
          accountId: account,
          respondedAt: '2026-10-05T00:00:00Z',
          channel: 'IVR',
          cs1: 8,
          cs2: 8,
          cs3: 8,
          ...change,
        },
      });
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await responsesOf(account)).toHaveLength(before);
    });

    it('rejects a duplicate natural key as a CONFLICT', async () => {
      const input = {
        accountId: world.accounts.own,
        respondedAt: '2026-10-06T00:00:00Z',
        channel: 'WEB',
        cs1: 7,
        cs2: 7,
        cs3: 7,
        sourceSystem: 'SURVEYS',
        externalId: 'S-1',
      };
      await as('admin', RECORD, { i: input });
      const again = await attempt('admin', RECORD, { i: input });
      expect(again.errors?.[0]?.extensions).toEqual({
        code: 'CONFLICT',
        field: 'input.externalId',
      });
    });
  });

  describe('satisfaction through the API', () => {
    beforeAll(async () => {
      await createBranch(service, 'BS');
      await createUser(service, 'mgrS', { role: 'ACCOUNT_MANAGER', branchCode: 'BS' });
      const s1 = await openAccount('BS', 'mgrS', 'S1');
      const s2 = await openAccount('BS', 'mgrS', 'S2');
      // 2025-Q3 in Shanghai is [2025-06-30T16:00Z, 2025-09-30T16:00Z).
      // 00:30 on 1 July in Shanghai: already Q3.
      await respond('admin', s1, '2025-06-30T16:30:00Z', { cs1: 10, cs2: 9, cs3: 9, nps: 10 });
      await respond('admin', s1, '2025-08-15T02:00:00Z', { cs1: 8, cs2: 8, cs3: 7, nps: 9 });
      await respond('admin', s2, '2025-09-30T15:59:59Z', { cs1: 7, cs2: 6, cs3: 6, nps: 3 });
      // Outside Q3: 23:59 on 30 June (Q2, the previous quarter) and 00:00 on 1 October (Q4).
      await respond('admin', s2, '2025-06-30T15:59:00Z', { cs1: 5, cs2: 5, cs3: 5 });
      await respond('admin', s2, '2025-09-30T16:00:00Z', { cs1: 1, cs2: 1, cs3: 1, nps: 0 });
    });

    it('computes the example of the rules: CS1 {10, 8, 7}, CS2 {9, 8, 6}, CS3 {9, 7, 6} → 75.93', async () => {
      const summary = (await as('hq', SATISFACTION, { b: 'BS', p: '2025-Q3' })).satisfaction;
      expect(summary).toMatchObject({
        branch: { code: 'BS' },
        account: null,
        period: '2025-Q3',
        periodStart: '2025-06-30T16:00:00.000Z',
        periodEnd: '2025-09-30T16:00:00.000Z',
        responses: 3,
        quadrants: [],
      });
      // mean CS1 = 25/3 = 8.333…, CS2 = 23/3 = 7.666…, CS3 = 22/3 = 7.333…
      // (0.4 × 8.333… + 0.3 × 7.666… + 0.3 × 7.333… − 1) ÷ 9 × 100
      //   = (3.333… + 2.3 + 2.2 − 1) ÷ 9 × 100 = 6.8333… ÷ 9 × 100 = 75.925…
      expect(summary.satisfactionIndex.value).toBeCloseTo(75.93, 2);
      expect(summary.satisfactionIndex).toMatchObject({
        sampleSize: 3,
        numerator: null,
        target: null,
        // previous quarter: one response (5, 5, 5) → (2 + 1.5 + 1.5 − 1) ÷ 9 × 100 = 44.44…
        previous: expect.closeTo(44.4444, 4),
      });
      expect(summary.satisfactionIndex.low).toBeLessThan(75.93);
      expect(summary.satisfactionIndex.high).toBeGreaterThan(75.93);
      expect(summary.cs1.value).toBeCloseTo(25 / 3, 10);
      expect(summary.cs2.value).toBeCloseTo(23 / 3, 10);
      expect(summary.cs3.value).toBeCloseTo(22 / 3, 10);
      expect(summary.cs1).toMatchObject({ sampleSize: 3, previous: 5 });
      // top box: CS1 = 10 in 1 of 3; top-3 box: CS1 ∈ {8, 9, 10} in 2 of 3 (10 and 8).
      expect(summary.topBoxShare).toMatchObject({ numerator: 1, denominator: 3, sampleSize: 3 });
      expect(summary.topBoxShare.value).toBeCloseTo(1 / 3, 10);
      expect(summary.top3BoxShare).toMatchObject({ numerator: 2, denominator: 3, previous: 0 });
      expect(summary.top3BoxShare.value).toBeCloseTo(2 / 3, 10);
      // NPS answers 10, 9, 3: promoters 2, detractors 1 → (2 − 1) ÷ 3 × 100 = 33.33…
      expect(summary.nps).toMatchObject({ numerator: 1, denominator: 3, sampleSize: 3 });
      expect(summary.nps.value).toBeCloseTo(100 / 3, 10);
      // The previous quarter's response did not answer NPS: no previous value.
      expect(summary.nps.previous).toBeNull();
    });

    it('gives the same figures per account, cut in the branch time zone', async () => {
      const accounts = await as(
        'hq',
        `{ keyAccounts(first: 10, filter: { branchCode: "BS" }) { edges { node { id externalId
          satisfaction(period: "2025-Q3") { ${SUMMARY} } } } } }`,
      );
      const byExternalId = Object.fromEntries(
        accounts.keyAccounts.edges.map((e: Row) => [e.node.externalId, e.node]),
      );
      const s1 = byExternalId.S1.satisfaction;
      expect(s1).toMatchObject({ account: { id: byExternalId.S1.id }, responses: 2 });
      // S1: (10, 9, 9) and (8, 8, 7): means 9, 8.5, 8 → (3.6 + 2.55 + 2.4 − 1) ÷ 9 × 100 = 83.89
      expect(s1.satisfactionIndex.value).toBeCloseTo(83.8889, 4);
      expect(s1.satisfactionIndex.previous).toBeNull();
      const s2 = byExternalId.S2.satisfaction;
      // S2: (7, 6, 6) → (2.8 + 1.8 + 1.8 − 1) ÷ 9 × 100 = 60; previous (5, 5, 5) → 44.44
      expect(s2).toMatchObject({ responses: 1, cs1: { value: 7, low: null } });
      expect(s2.satisfactionIndex.value).toBeCloseTo(60, 10);
      expect(s2.satisfactionIndex.previous).toBeCloseTo(44.4444, 4);
    });

    it('answers an empty period with null values and zero samples', async () => {
      const summary = (await as('hq', SATISFACTION, { b: 'BS', p: '2024-03' })).satisfaction;
      expect(summary.responses).toBe(0);
      expect(summary.satisfactionIndex).toMatchObject({ value: null, sampleSize: 0, low: null });
      expect(summary.topBoxShare).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    });

    it('places an attribute whose mean importance equals the split on the high side', async () => {
      await createBranch(service, 'BQ');
      await createUser(service, 'mgrQ', { role: 'ACCOUNT_MANAGER', branchCode: 'BQ' });
      const account = await openAccount('BQ', 'mgrQ', 'Q1');
      // Five responses; per attribute [importance, performance] of each response:
      const A = 'CONSULTING_RESPONSIVENESS'; // importance 9, performance 8
      const B = 'HANDLING_CONVENIENCE'; // importance 6, performance 8
      const C = 'REPAIR_TIMELINESS'; // importance 6, 8, 7, 7, 7 → 7; performance 4
      const D = 'BILLING_ACCURACY'; // importance 6, performance 4
      const E = 'LINE_QUALITY'; // importance 7, performance 5, 7, 6, 6, 6 → 6
      const F = 'FOLLOW_UP_REGULARITY'; // only 4 responses: left out
      const cImportance = [6, 8, 7, 7, 7];
      const ePerformance = [5, 7, 6, 6, 6];
      for (let i = 0; i < 5; i += 1) {
        const attributes = [
          { attribute: A, importance: 9, performance: 8 },
          { attribute: B, importance: 6, performance: 8 },
          { attribute: C, importance: cImportance[i], performance: 4 },
          { attribute: D, importance: 6, performance: 4 },
          { attribute: E, importance: 7, performance: ePerformance[i] },
          ...(i < 4 ? [{ attribute: F, importance: 1, performance: 1 }] : []),
        ];
        await respond('admin', account, `2025-02-0${i + 1}T02:00:00Z`, {
          cs1: 8,
          cs2: 8,
          cs3: 8,
          attributes,
        });
      }
      const summary = (await as('hq', SATISFACTION, { b: 'BQ', p: '2025-Q1' })).satisfaction;
      // Split at the means over A–E (F excluded):
      //   importance  (9 + 6 + 7 + 6 + 7) ÷ 5 = 7   → C and E are exactly on it: high
      //   performance (8 + 8 + 4 + 4 + 6) ÷ 5 = 6   → E is exactly on it: high
      // (F's 1s would have pulled both splits down and changed every quadrant.)
      expect(summary.quadrants).toEqual([
        {
          attribute: D,
          label: 'Billing accuracy',
          importance: 6,
          performance: 4,
          responses: 5,
          quadrant: 'LOW_PRIORITY',
        },
        {
          attribute: A,
          label: 'Consulting responsiveness',
          importance: 9,
          performance: 8,
          responses: 5,
          quadrant: 'KEEP_UP',
        },
        {
          attribute: B,
          label: 'Handling convenience',
          importance: 6,
          performance: 8,
          responses: 5,
          quadrant: 'POSSIBLE_OVERKILL',
        },
        {
          attribute: E,
          label: 'Line quality',
          importance: 7,
          performance: 6,
          responses: 5,
          quadrant: 'KEEP_UP',
        },
        {
          attribute: C,
          label: 'Repair timeliness',
          importance: 7,
          performance: 4,
          responses: 5,
          quadrant: 'IMPROVE_URGENTLY',
        },
      ]);
    });
  });

  describe('access', () => {
    it.each([
      ['own', null],
      ['sameBranch', 'FORBIDDEN'],
      ['otherBranch', 'NOT_FOUND'],
    ] as const)('mgrA1 records a response on the %s account: %s', async (which, code) => {
      const result = await attempt('mgrA1', RECORD, {
        i: {
          accountId: world.accounts[which],
          respondedAt: '2026-10-07T00:00:00Z',
          channel: 'PHONE',
          cs1: 6,
          cs2: 6,
          cs3: 6,
        },
      });
      expect(result.errors?.[0]?.extensions?.code ?? null).toBe(code);
    });

    it.each([
      ['own', true],
      ['sameBranch', true],
      ['otherBranch', false],
    ] as const)('mgrA1 reads the responses of the %s account: %s', async (which, visible) => {
      await respond('admin', world.accounts[which], '2026-10-08T00:00:00Z', {
        cs1: 4,
        cs2: 4,
        cs3: 4,
      });
      const result = await as(
        'mgrA1',
        `query($id: ID!) { keyAccount(id: $id) { surveyResponses { edges { node { id } } }
          satisfaction(period: "2026-Q4") { responses } } }`,
        { id: world.accounts[which] },
      );
      if (!visible) {
        expect(result.keyAccount).toBeNull();
        return;
      }
      expect(result.keyAccount.surveyResponses.edges.length).toBeGreaterThan(0);
      expect(result.keyAccount.satisfaction.responses).toBe(
        result.keyAccount.surveyResponses.edges.length,
      );
    });

    it('scopes branch figures: own branch yes, another branch FORBIDDEN, HQ everything', async () => {
      const own = await as('mgrA1', SATISFACTION, { b: 'BA', p: '2026-Q4' });
      expect(own.satisfaction.responses).toBeGreaterThan(0);
      for (const user of ['mgrA1', 'headA'] as const) {
        const other = await attempt(user, SATISFACTION, { b: 'BB', p: '2026-Q4' });
        expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const hq = await as('hq', SATISFACTION, { b: 'BB', p: '2026-Q4' });
      expect(hq.satisfaction.responses).toBe(1);
      const bad = await attempt('hq', SATISFACTION, { b: 'BB', p: '2026-13' });
      expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'period' });
      const badAccount = await attempt(
        'hq',
        `query($id: ID!) { keyAccount(id: $id) { satisfaction(period: "Q1-2026") { responses } } }`,
        { id: world.accounts.own },
      );
      expect(badAccount.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'period',
      });
      const unknown = await attempt('hq', SATISFACTION, { b: 'ZZ', p: '2026' });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  it('puts responses on the account timeline', async () => {
    const response = await respond('mgrA1', world.accounts.own, '2026-10-09T00:00:00Z', {
      cs1: 9,
      cs2: 9,
      cs3: 9,
    });
    const timeline = await as(
      'mgrA2',
      `query($id: ID!) { keyAccount(id: $id) { timeline(first: 100, stages: [SURVEY]) {
        edges { node { __typename id occurredAt ... on SurveyResponse { cs1 } } } } } }`,
      { id: world.accounts.own },
    );
    expect(timeline.keyAccount.timeline.edges.map((e: Row) => e.node)).toContainEqual({
      __typename: 'SurveyResponse',
      id: response.id,
      occurredAt: '2026-10-09T00:00:00.000Z',
      cs1: 9,
    });
  });

  describe('attribute catalogue', () => {
    it('is seeded from DOMAIN.md in journey order', async () => {
      const { surveyAttributes } = await as(
        'mgrA1',
        '{ surveyAttributes { key label stage active } }',
      );
      expect(surveyAttributes).toHaveLength(13);
      expect(surveyAttributes[0]).toMatchObject({ stage: 'CONSULTING' });
      expect(surveyAttributes.at(-1)).toEqual({
        key: 'FOLLOW_UP_REGULARITY',
        label: 'Follow-up regularity',
        stage: 'FOLLOW_UP',
        active: true,
      });
    });

    it('is configured by admins only; a deactivated attribute cannot be scored any more', async () => {
      const upsert = `mutation($i: SurveyAttributeInput!) { upsertSurveyAttribute(input: $i) {
        key label stage active } }`;
      const input = { key: 'HOTLINE_ACCURACY', label: 'Hotline accuracy', stage: 'CONSULTING' };
      const denied = await attempt('headA', upsert, { i: input });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const badKey = await attempt('admin', upsert, { i: { ...input, key: 'hotline' } });
      expect(badKey.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.key',
      });
      await as('admin', upsert, { i: input });
      const scored = {
        attributes: [{ attribute: 'HOTLINE_ACCURACY', performance: 7, importance: 8 }],
      };
      await respond('admin', world.accounts.own, '2026-10-10T00:00:00Z', {
        cs1: 7,
        cs2: 7,
        cs3: 7,
        ...scored,
      });
      const off = await as('admin', upsert, { i: { ...input, active: false } });
      expect(off.upsertSurveyAttribute.active).toBe(false);
      const refused = await attempt('admin', RECORD, {
        i: {
          accountId: world.accounts.own,
          respondedAt: '2026-10-11T00:00:00Z',
          channel: 'PHONE',
          cs1: 7,
          cs2: 7,
          cs3: 7,
          ...scored,
        },
      });
      expect(refused.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.attributes.0.attribute',
      });
      const listed = await as('admin', '{ surveyAttributes(includeInactive: true) { key } }');
      expect(listed.surveyAttributes.map((a: Row) => a.key)).toContain('HOTLINE_ACCURACY');
    });
  });

  it('batches responses and per-account satisfaction: the same commands for 1 and 3 accounts', async () => {
    const query = `query($n: Int!) { keyAccounts(first: $n) { edges { node { id
      surveyResponses(first: 100) { edges { node { id followUp { id } attributes { label } } } }
      satisfaction(period: "2026-Q4") { responses satisfactionIndex { value } quadrants { label } }
    } } } }`;
    const one = await countCommands(() => as('admin', query, { n: 1 }));
    const three = await countCommands(() => as('admin', query, { n: 3 }));
    expect(three.total).toBe(one.total);
  });
});
