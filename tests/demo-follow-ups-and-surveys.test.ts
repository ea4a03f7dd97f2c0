import { loadTestDemoData } from './support/demo';
import { DEMO_BRANCHES } from '../src/modules/demo/demo-data';
import { periodContaining } from '../src/shared/period';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { ok } from './support/world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Tally = { followUps: number; missed: number; responses: number };

const BRANCH_FIGURES = `query($b: String!) {
  followUpCompliance(branchCode: $b, period: "2026-Q2") { quarterlyCoverage { value } }
  satisfaction(branchCode: $b, period: "2026") {
    responses satisfactionIndex { value } quadrants { attribute } }
  followUpsDue(branchCode: $b, before: "2026-11-16T00:00:00+08:00", first: 100) {
    edges { node { id } } }
}`;
// Two queries per branch keep each within the cost limit.
const FOLLOW_UPS = `query($b: String!) { keyAccounts(first: 16, filter: { branchCode: $b }) {
  edges { node { id followUps(first: 16) { edges { node { status dueAt } } } } } } }`;
const RESPONSES = `query($b: String!) { keyAccounts(first: 16, filter: { branchCode: $b }) {
  edges { node { id surveyResponses(first: 16) { edges { node { respondedAt cs1 } } } } } } }`;

const quarterOf = (iso: string) =>
  periodContaining(new Date(iso), 'QUARTER', 'Asia/Shanghai').label;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('demo follow-ups and surveys', () => {
  let service: TestService;
  let first: Record<string, Tally>;

  const accountsOf = async (query: string, code: string): Promise<Row[]> =>
    (await ok<Row>(service, service.adminToken, query, { b: code })).keyAccounts.edges.map(
      (e: Row) => e.node,
    );

  // Follow-ups, missed follow-ups and survey responses per branch, through the API.
  const tally = async () => {
    const byBranch: Record<string, Tally> = {};
    for (const { code } of DEMO_BRANCHES) {
      const statuses = (await accountsOf(FOLLOW_UPS, code)).flatMap((a) =>
        a.followUps.edges.map((e: Row) => e.node.status),
      );
      const responses = (await accountsOf(RESPONSES, code)).flatMap((a) => a.surveyResponses.edges);
      byBranch[code] = {
        followUps: statuses.length,
        missed: statuses.filter((status) => status === 'MISSED').length,
        responses: responses.length,
      };
    }
    return byBranch;
  };

  beforeAll(async () => {
    service = await startTestService();
    await loadTestDemoData();
    first = await tally();
    await loadTestDemoData(); // idempotent: a second load adds and changes nothing
  }, 120_000);
  afterAll(() => stopTestService(service));

  it('is idempotent', async () => {
    expect(await tally()).toEqual(first);
  });

  it('misses 8–25 % of visits, some in every branch, most in the weak one', () => {
    const share = (code: string) => first[code]!.missed / first[code]!.followUps;
    const all = Object.values(first);
    const missed = all.reduce((sum, b) => sum + b.missed, 0);
    const followUps = all.reduce((sum, b) => sum + b.followUps, 0);
    expect(missed / followUps).toBeGreaterThan(0.08);
    expect(missed / followUps).toBeLessThan(0.25);
    for (const { code } of DEMO_BRANCHES) expect(first[code]!.missed).toBeGreaterThan(0);
    const others = DEMO_BRANCHES.filter((b) => b.code !== 'WZ').map((b) => share(b.code));
    expect(share('WZ')).toBeGreaterThan(Math.max(...others));
  });

  it('scores lower where the account had a missed visit in the quarter', async () => {
    const withMiss: number[] = [];
    const without: number[] = [];
    for (const { code } of DEMO_BRANCHES) {
      const missedIn = new Set(
        (await accountsOf(FOLLOW_UPS, code)).flatMap((a) =>
          a.followUps.edges
            .filter((e: Row) => e.node.status === 'MISSED')
            .map((e: Row) => `${a.id}:${quarterOf(e.node.dueAt)}`),
        ),
      );
      for (const account of await accountsOf(RESPONSES, code)) {
        for (const { node } of account.surveyResponses.edges) {
          const missed = missedIn.has(`${account.id}:${quarterOf(node.respondedAt)}`);
          (missed ? withMiss : without).push(node.cs1);
        }
      }
    }
    expect(withMiss.length).toBeGreaterThan(10);
    expect(mean(withMiss)).toBeLessThan(mean(without) - 0.3);
  });

  it('gives every branch figures and a work list; the weak branch is below the others', async () => {
    const index: Record<string, number> = {};
    for (const { code } of DEMO_BRANCHES) {
      const data = await ok<Row>(service, service.adminToken, BRANCH_FIGURES, { b: code });
      expect(data.followUpCompliance.quarterlyCoverage.value).toBeGreaterThan(0.5);
      expect(data.satisfaction.responses).toBeGreaterThanOrEqual(10);
      expect(data.satisfaction.quadrants.length).toBeGreaterThan(0);
      expect(data.followUpsDue.edges.length).toBeGreaterThan(0);
      index[code] = data.satisfaction.satisfactionIndex.value;
    }
    const others = DEMO_BRANCHES.filter((b) => b.code !== 'WZ').map((b) => index[b.code]!);
    expect(index.WZ).toBeLessThan(mean(others));
  });

  it('has competitor answers: some branches lead, some trail; fewer than 5 pairs give no value', async () => {
    const LEAD = `query($b: String!) { satisfaction(branchCode: $b, period: "2026") {
      lead { value sampleSize } leadCompetitor { code }
      competitorLeads { competitor { code } lead { value sampleSize } } } }`;
    const leads: Record<string, number> = {};
    for (const { code } of DEMO_BRANCHES) {
      const { satisfaction } = await ok<Row>(service, service.adminToken, LEAD, { b: code });
      expect(satisfaction.lead.sampleSize).toBeGreaterThanOrEqual(5);
      expect(['UNICOM', 'TELECOM']).toContain(satisfaction.leadCompetitor.code);
      for (const { lead } of satisfaction.competitorLeads)
        expect(lead.value === null).toBe(lead.sampleSize < 5);
      leads[code] = satisfaction.lead.value;
    }
    expect(Object.values(leads).some((lead) => lead > 0)).toBe(true);
    expect(Object.values(leads).some((lead) => lead < 0)).toBe(true);
    expect(leads.WZ).toBeLessThan(0);
  });
});
