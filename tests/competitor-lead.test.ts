import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createImportApi } from '../src/modules/imports/import-client';
import { runImport } from '../src/modules/imports/import-runner';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World, type WorldUser } from './support/world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RECORD = `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) {
  id competitors { competitor { code name } cs1 cs2 cs3 } } }`;
const FIGURE = 'value sampleSize low high target previous';
const LEADS = `lead { ${FIGURE} } leadCompetitor { code }
  competitorLeads { competitor { code } competitorIndex { ${FIGURE} } lead { ${FIGURE} } }`;
const SATISFACTION = `query($b: String!, $p: String!) { satisfaction(branchCode: $b, period: $p) {
  ${LEADS} } }`;
const CARD = `query($b: String!, $p: String!) { branchScorecard(branchCode: $b, period: $p) {
  ${LEADS} competitorResponses(competitor: "B", first: 100) { edges { node { id } } }
  all: competitorResponses(first: 100) { edges { node { id } } } } }`;
const UPSERT = `mutation($i: CompetitorInput!) { upsertCompetitor(input: $i) { id code name } }`;

// With CS1 = CS2 = CS3 = s a response index is (s − 1) ÷ 9 × 100: 10 → 100, 7 → 66.6667,
// 4 → 33.3333, 1 → 0.
const same = (s: number) => ({ cs1: s, cs2: s, cs3: s });
const rated = (competitor: string, s: number) => ({ competitor, ...same(s) });

describe('competitor lead (领先)', () => {
  let service: TestService;
  let world: World;
  const as = (user: WorldUser, query: string, variables: Record<string, unknown> = {}) =>
    ok<Row>(service, world.tokens[user], query, variables);
  const respond = (user: WorldUser, accountId: string, at: string, scores: Row) =>
    as(user, RECORD, { i: { accountId, respondedAt: at, channel: 'PHONE', ...scores } });

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    for (const [code, name] of [
      ['A', 'Operator A'],
      ['B', 'Operator B'],
      ['C', 'Operator C'],
    ])
      await as('admin', UPSERT, { i: { code, name } });

    // Branch BA, 2026-Q1: six responses rate A (7), four rate B (10: the strongest, but fewer
    // than 5 pairs), five rate C (4); one rates nobody.
    const ba: [number, Row[]][] = [
      [10, [rated('A', 7), rated('B', 10), rated('C', 4)]],
      [10, [rated('A', 7), rated('B', 10), rated('C', 4)]],
      [10, [rated('A', 7), rated('B', 10), rated('C', 4)]],
      [10, [rated('A', 7), rated('B', 10), rated('C', 4)]],
      [7, [rated('A', 7), rated('C', 4)]],
      [7, [rated('A', 7)]],
      [1, []],
    ];
    for (const [i, [ours, competitors]] of ba.entries())
      await respond('mgrA1', world.accounts.own, `2026-02-0${i + 1}T02:00:00Z`, {
        ...same(ours),
        competitors,
      });
    // BA, 2025-Q4 (the previous quarter): five responses rate A as high as us → lead 0.
    for (let i = 1; i <= 5; i++)
      await respond('mgrA1', world.accounts.own, `2025-11-0${i}T02:00:00Z`, {
        ...same(7),
        competitors: [rated('A', 7)],
      });
    // Branch BB, 2026-Q1: it trails A in five responses (ours 4, A's 7).
    for (let i = 1; i <= 5; i++)
      await respond('mgrB1', world.accounts.otherBranch, `2026-03-0${i}T02:00:00Z`, {
        ...same(4),
        competitors: [rated('A', 7)],
      });
    await as(
      'admin',
      'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }',
      { i: { branchCode: 'BA', period: '2026-Q1', figure: 'lead', target: 7.2 } },
    );
  });
  afterAll(() => stopTestService(service));

  it('keeps a competitor list only admins change, and shows it on responses', async () => {
    const refused = await service.graphql(UPSERT, { i: { code: 'D', name: 'D' } }, world.tokens.hq);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const renamed = (await as('admin', UPSERT, { i: { code: 'C', name: 'Operator C Ltd' } }))
      .upsertCompetitor;
    const list = (await as('mgrA1', '{ competitors { id code name } }')).competitors;
    expect(list.map((c: Row) => c.code)).toEqual(['A', 'B', 'C']);
    expect(list[2]).toEqual(renamed);
    const node = await as(
      'mgrA1',
      'query($id: ID!) { node(id: $id) { ... on Competitor { code } } }',
      {
        id: renamed.id,
      },
    );
    expect(node.node).toEqual({ code: 'C' });
    await as('admin', UPSERT, { i: { code: 'C', name: 'Operator C' } });
  });

  it('rejects an unlisted or twice-scored competitor and bad scores, storing nothing', async () => {
    const attempt = (competitors: Row[]) =>
      service.graphql(
        RECORD,
        {
          i: {
            accountId: world.accounts.own,
            respondedAt: '2026-02-20T02:00:00Z',
            channel: 'PHONE',
            ...same(8),
            competitors,
          },
        },
        world.tokens.mgrA1,
      );
    const fieldOf = async (competitors: Row[]) =>
      (await attempt(competitors)).errors?.[0]?.extensions?.field;
    expect(await fieldOf([rated('A', 7), rated('NOPE', 7)])).toBe('input.competitors.1.competitor');
    expect(await fieldOf([rated('A', 7), rated('A', 6)])).toBe('input.competitors.1.competitor');
    expect(await fieldOf([{ ...rated('A', 7), cs2: 11 }])).toBe('input.competitors.0.cs2');
    const card = (await as('headA', CARD, { b: 'BA', p: '2026-Q1' })).branchScorecard;
    expect(card.all.edges).toHaveLength(6); // the six stored responses that rated someone
  });

  it('reports the lead over the strongest competitor with ≥ 5 pairs', async () => {
    const { satisfaction } = await as('headA', SATISFACTION, { b: 'BA', p: '2026-Q1' });
    // A: ours − A's = 100 − 66.6667 = 33.3333 (×4), 66.6667 − 66.6667 = 0 (×2) → 133.3333 / 6
    // = 22.2222; s² = (4 · 11.1111² + 2 · 22.2222²) / 5 = 296.2963, s = 17.2133,
    // half = t₀.₉₇₅,₅ 2.5706 · 17.2133 / √6 = 18.0644. B (index 100) has 4 pairs: left out.
    expect(satisfaction.leadCompetitor).toEqual({ code: 'A' });
    expect(satisfaction.lead.value).toBeCloseTo(22.2222, 3);
    expect(satisfaction.lead.sampleSize).toBe(6);
    expect(satisfaction.lead.low).toBeCloseTo(22.2222 - 18.0644, 2);
    expect(satisfaction.lead.high).toBeCloseTo(22.2222 + 18.0644, 2);
    // previous quarter: five pairs 66.6667 − 66.6667 = 0
    expect(satisfaction.lead.previous).toBeCloseTo(0, 6);
    const [a, b, c] = satisfaction.competitorLeads;
    expect(a.competitorIndex.value).toBeCloseTo(66.6667, 3);
    expect(b).toMatchObject({
      competitor: { code: 'B' },
      lead: { value: null, sampleSize: 4 },
      competitorIndex: { value: null, sampleSize: 4 },
    });
    // C: (100 − 33.3333) × 4 + (66.6667 − 33.3333) = 266.6667 + 33.3333 = 300 → 300 / 5 = 60
    expect(c.competitor).toEqual({ code: 'C' });
    expect(c.lead.value).toBeCloseTo(60, 6);
  });

  it('puts the lead on the scorecard with target, previous and the paired responses', async () => {
    const ba = (await as('headA', CARD, { b: 'BA', p: '2026-Q1' })).branchScorecard;
    expect(ba.lead).toMatchObject({ sampleSize: 6, target: 7.2 });
    expect(ba.lead.value).toBeCloseTo(22.2222, 3);
    expect(ba.lead.previous).toBeCloseTo(0, 6);
    expect(ba.competitorLeads[0].lead.previous).toBeCloseTo(0, 6);
    expect(ba.competitorResponses.edges).toHaveLength(4); // the responses that rated B
    // BB trails A: 33.3333 − 66.6667 = −33.3333 in each of five responses
    const bb = (await as('headB', CARD, { b: 'BB', p: '2026-Q1' })).branchScorecard;
    expect(bb.leadCompetitor).toEqual({ code: 'A' });
    expect(bb.lead.value).toBeCloseTo(-33.3333, 3);
    expect(bb.lead.target).toBeNull();
  });

  it('writes the lead into the ranking CSV', async () => {
    const response = await fetch(`${service.url}/scorecards/2026-Q1.csv`, {
      headers: { authorization: `Bearer ${world.tokens.hq}` },
    });
    const [header, ...rows] = (await response.text())
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const ba = rows.find((row) => row[header!.indexOf('branch')] === 'BA')!;
    expect(Number(ba[header!.indexOf('lead')])).toBeCloseTo(22.2222, 4);
    expect(ba[header!.indexOf('lead.n')]).toBe('6');
    expect(ba[header!.indexOf('lead.target')]).toBe('7.2');
    expect(ba[header!.indexOf('leadCompetitor')]).toBe('A');
  });

  it('imports competitor scores with the same rules, naming a bad entry', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-competitors-'));
    const file = path.join(dir, 'responses.csv');
    const header = 'externalId,accountExternalId,respondedAt,channel,cs1,cs2,cs3,competitors';
    const line = (id: string, competitors: string) =>
      `${id},A1,2026-04-02T10:00:00+08:00,PHONE,9,9,9,${competitors}`;
    writeFileSync(
      file,
      [
        header,
        line('I-1', 'A:7:7:7;C:4:4:4'),
        line('I-2', 'NOPE:7:7:7'),
        line('I-3', 'A:7:7'),
        line('I-4', 'A:7:7:7;A:6:6:6'),
      ].join('\n'),
    );
    const result = await runImport({
      api: createImportApi(`${service.url}/graphql`, world.tokens.intA),
      kind: 'survey-responses',
      file,
      format: 'csv',
      dryRun: false,
      batchSize: 10,
    });
    expect(result.summary).toMatchObject({ read: 4, inserted: 1, rejected: 3 });
    const rejects = readFileSync(result.summary.rejectsFile!, 'utf8');
    expect(rejects).toContain('competitors: entry 1: no competitor NOPE');
    expect(rejects).toContain('competitors: entry 1 (A:7:7) is not CODE:cs1:cs2:cs3');
    expect(rejects).toContain('competitors: entry 2 (A:6:6:6) scores A twice');
    // 2026-Q2: one response, ours 9 (88.8889) against A's 7 (66.6667), one pair: no lead value
    const { satisfaction } = await as('headA', SATISFACTION, { b: 'BA', p: '2026-Q2' });
    expect(satisfaction.competitorLeads.map((c: Row) => [c.competitor.code, c.lead])).toEqual([
      ['A', expect.objectContaining({ value: null, sampleSize: 1 })],
      ['C', expect.objectContaining({ value: null, sampleSize: 1 })],
    ]);
  });
});
