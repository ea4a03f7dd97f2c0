import { startTestService, stopTestService, type TestService } from './support/test-service';
import { createAccount, createBranch, createUser, ok } from './support/world';

// Branch CF (Asia/Shanghai), 2026-Q1 = [01-01, 04-01) local time; every target is the rules'
// default: first contact 120 min, resolution 2880 min, 24 × 7.
const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIGURE = 'value sampleSize numerator denominator low high target previous';
const CARD = `query Card($p: String!) { branchScorecard(branchCode: "CF", period: $p) {
  complaintFirstContactRate { ${FIGURE} }
  complaintResolutionRate { ${FIGURE} }
  complaintsPer100Accounts { ${FIGURE} }
  compositeScore { value sampleSize }
  followUpCoverage { value }
  receivedComplaints(first: 100) { edges { node { id } } }
  resolvedComplaints(first: 100) { edges { node { id isRepeat repeatOf { id } } } }
} }`;
const OPEN = `mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { id } }`;

describe('complaint figures on the scorecard (hand-worked)', () => {
  let service: TestService;
  let head: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startTestService();
    await createBranch(service, 'CF');
    await createUser(service, 'mgrCF', { role: 'ACCOUNT_MANAGER', branchCode: 'CF' });
    head = await createUser(service, 'headCF', { role: 'BRANCH_HEAD', branchCode: 'CF' });
    const accounts: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      accounts.push(
        await createAccount(service, {
          externalId: `CF${n}`,
          branchCode: 'CF',
          accountManagerLogin: 'mgrCF',
          openedAt: at('2025-01-01T00:00'),
        }),
      );
    }
    // CF5 closes during the quarter: active at the start of Q1, not at its end.
    await ok(
      service,
      head,
      `mutation($id: ID!, $at: DateTime!) { closeKeyAccount(id: $id, at: $at) { id } }`,
      { id: accounts[4], at: at('2026-02-15T00:00') },
    );
    const complaint = async (
      name: string,
      account: number,
      category: string,
      steps: [string, string, string?][],
    ) => {
      const opened = await ok(service, head, OPEN, {
        i: {
          accountId: accounts[account - 1],
          receivedAt: at(steps[0]![1]),
          channel: 'HOTLINE',
          category,
        },
      });
      const id = opened.openComplaint.id as string;
      ids[name] = id;
      for (const [mutation, when, outcome] of steps.slice(1)) {
        const extra = outcome ? `, outcome: ${outcome}` : '';
        await ok(
          service,
          head,
          `mutation($id: ID!, $at: DateTime!) { ${mutation}(id: $id, at: $at${extra}) { id } }`,
          { id, at: at(when) },
        );
      }
    };
    // c1: contact 60 min (met), resolved after 1440 min (within).
    await complaint('c1', 1, 'BILLING', [
      ['open', '2026-01-05T09:00'],
      ['contactComplaint', '2026-01-05T10:00'],
      ['resolveComplaint', '2026-01-06T09:00', 'UPHELD'],
    ]);
    // c2: contact 180 min (missed), resolved after 3 days = 4320 min (outside).
    await complaint('c2', 2, 'REPAIR', [
      ['open', '2026-02-02T09:00'],
      ['contactComplaint', '2026-02-02T12:00'],
      ['resolveComplaint', '2026-02-05T09:00', 'PARTLY_UPHELD'],
    ]);
    // c3 repeats c1 (same account and category, 14 days after its resolution); contact 30 min
    // (met); resolved after 1440 min, reopened, resolved again after 1800 more: 3240 (outside).
    await complaint('c3', 1, 'BILLING', [
      ['open', '2026-01-20T09:00'],
      ['contactComplaint', '2026-01-20T09:30'],
      ['resolveComplaint', '2026-01-21T09:00', 'NOT_UPHELD'],
      ['reopenComplaint', '2026-01-25T09:00'],
      ['resolveComplaint', '2026-01-26T15:00', 'UPHELD'],
    ]);
    // c4: received 60 min before the quarter ends, never contacted: pending at the end.
    await complaint('c4', 3, 'OTHER', [['open', '2026-03-31T23:00']]);
    // c5: never contacted, long past its target: missed.
    await complaint('c5', 4, 'SERVICE_ATTITUDE', [['open', '2026-03-10T09:00']]);
    // c6: received in 2025-Q4 (contact 60 min, met), resolved in Q1 after 4320 min (outside).
    await complaint('c6', 2, 'NETWORK_QUALITY', [
      ['open', '2025-12-30T09:00'],
      ['contactComplaint', '2025-12-30T10:00'],
      ['resolveComplaint', '2026-01-02T09:00', 'UPHELD'],
    ]);
    await ok(
      service,
      service.adminToken,
      'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }',
      {
        i: {
          branchCode: 'CF',
          period: '2026-Q1',
          figure: 'complaintResolutionRate',
          target: 0.9,
        },
      },
    );
  });
  afterAll(() => stopTestService(service));

  it('counts first contact, resolution and complaints per 100 accounts as the rules say', async () => {
    const card = (await ok(service, head, CARD, { p: '2026-Q1' })).branchScorecard as Row;
    // Received in Q1: c1 c2 c3 c4 c5. First contact met: c1, c3; missed: c2, c5; c4 pending
    // (60 of 120 minutes used at the quarter's end) counts in neither part → 2 / 4 = 0.5.
    expect(card.complaintFirstContactRate).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      sampleSize: 4,
      // Q4: c6 contacted within 60 min → 1 / 1.
      previous: 1,
      target: null,
    });
    // Finally resolved in Q1: c1, c2, c3 (after its reopening), c6 → within target: c1 only.
    expect(card.complaintResolutionRate).toMatchObject({
      value: 0.25,
      numerator: 1,
      denominator: 4,
      target: 0.9,
      // Nothing was resolved in Q4.
      previous: null,
    });
    // 5 complaints ÷ 4 accounts active at the quarter's end (CF5 closed) × 100 = 125;
    // Q4: 1 (c6) ÷ 5 × 100 = 20.
    expect(card.complaintsPer100Accounts).toMatchObject({
      value: 125,
      numerator: 5,
      denominator: 4,
      sampleSize: 5,
      previous: 20,
    });
    // The Wilson interval of 2 / 4 (95 %): 0.15003 – 0.84997.
    expect(card.complaintFirstContactRate.low).toBeCloseTo(0.15, 3);
    expect(card.complaintFirstContactRate.high).toBeCloseTo(0.85, 3);
    // Complaints are not in the composite: its only component with data is follow-up coverage
    // (no completed visit: 0 %), so the composite is 0 and rests on one component.
    expect(card.followUpCoverage.value).toBe(0);
    expect(card.compositeScore).toEqual({ value: 0, sampleSize: 1 });
  });

  it('drills into the complaints behind the figures, the repeat among them', async () => {
    const card = (await ok(service, head, CARD, { p: '2026-Q1' })).branchScorecard as Row;
    const received = card.receivedComplaints.edges.map((e: Row) => e.node.id);
    expect(received).toEqual([ids.c1, ids.c3, ids.c2, ids.c5, ids.c4]);
    const resolved = card.resolvedComplaints.edges.map((e: Row) => e.node);
    expect(resolved.map((n: Row) => n.id)).toEqual([ids.c6, ids.c1, ids.c3, ids.c2]);
    expect(resolved.find((n: Row) => n.id === ids.c3)).toMatchObject({
      isRepeat: true,
      repeatOf: { id: ids.c1 },
    });
    expect(resolved.filter((n: Row) => n.isRepeat)).toHaveLength(1);
  });

  it('writes the complaint figures into the ranking CSV', async () => {
    const response = await fetch(`${service.url}/scorecards/2026-Q1.csv`, {
      headers: { authorization: `Bearer ${head}` },
    });
    const [header, ...rows] = (await response.text())
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const cf = rows.find((row) => row[header!.indexOf('branch')] === 'CF')!;
    expect(cf[header!.indexOf('complaintFirstContactRate')]).toBe('0.5');
    expect(cf[header!.indexOf('complaintResolutionRate.target')]).toBe('0.9');
    expect(cf[header!.indexOf('complaintsPer100Accounts')]).toBe('125');
    expect(cf[header!.indexOf('complaintsPer100Accounts.previous')]).toBe('20');
  });

  it('recomputes a closed quarter when a complaint in it changes', async () => {
    // Q1 is closed: its card is a snapshot now. c5 is contacted late (still missed), then resolved
    // 1440 min after its receipt (03-10 09:00 → 03-11 09:00): within.
    await ok(
      service,
      head,
      `mutation($id: ID!, $at: DateTime!) { contactComplaint(id: $id, at: $at) { id } }`,
      { id: ids.c5, at: at('2026-03-10T15:00') },
    );
    await ok(
      service,
      head,
      `mutation($id: ID!, $at: DateTime!) { resolveComplaint(id: $id, at: $at, outcome: UPHELD) { id } }`,
      { id: ids.c5, at: at('2026-03-11T09:00') },
    );
    const card = (await ok(service, head, CARD, { p: '2026-Q1' })).branchScorecard as Row;
    // First contact unchanged (c5 contacted after 360 min: still missed) → 2 / 4; resolved now
    // c1, c2, c3, c5, c6 with c1 and c5 within → 2 / 5 = 0.4.
    expect(card.complaintFirstContactRate).toMatchObject({ numerator: 2, denominator: 4 });
    expect(card.complaintResolutionRate).toMatchObject({
      value: 0.4,
      numerator: 2,
      denominator: 5,
    });
  });
});
