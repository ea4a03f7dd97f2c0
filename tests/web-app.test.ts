import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import {
  buildWorld,
  createAccount,
  createBranch,
  createUser,
  ok,
  type World,
} from './support/world';

// The scorecard web app in a real browser (Debian's chromium, installed by .ci/run) against the
// real service, on a hand-built 2026-Q1: BA has 30 responses (paged drill-down), one late of two
// activations and three scored attributes; BB and BD 12 alike responses each (a tie); BC 3
// (insufficient sample).
const Q = '2026-Q1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const oneDecimal = new Intl.NumberFormat('en', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

type Card = {
  branch: { code: string; name: string };
  rank: number;
  responses: number;
  compositeScore: { value: number };
};

describe('scorecard web app in a browser', () => {
  let service: TestService;
  let world: World;
  let browser: Browser;
  let headC: string;
  const requested: string[] = [];
  const contexts: BrowserContext[] = [];
  const admin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);

  const account = (externalId: string, branchCode: string, accountManagerLogin: string) =>
    createAccount(service, {
      externalId,
      branchCode,
      accountManagerLogin,
      openedAt: '2025-01-01T00:00:00+08:00', // active all through 2026-Q1
    });
  async function responses(accountId: string, count: number, score: (i: number) => number) {
    for (let i = 0; i < count; i += 1) {
      await admin(
        'mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }',
        {
          i: {
            accountId,
            respondedAt: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00+08:00`,
            channel: 'PHONE',
            cs1: score(i),
            cs2: 8,
            cs3: 8,
            attributes: [
              { attribute: 'CONSULTING_RESPONSIVENESS', importance: 9, performance: 6 + (i % 2) },
              { attribute: 'HANDLING_CONVENIENCE', importance: 6, performance: 9 },
              { attribute: 'CONTRACT_TRANSPARENCY', importance: 8, performance: 9 },
            ],
          },
        },
      );
    }
  }
  async function activation(accountId: string, promised: string, activated: string) {
    const data = await admin(
      'mutation($i: CreateActivationOrderInput!) { createActivationOrder(input: $i) { id } }',
      {
        i: {
          accountId,
          product: 'BROADBAND',
          orderedAt: '2026-02-01T09:00:00+08:00',
          promisedAt: promised,
        },
      },
    );
    await admin('mutation($id: ID!, $at: DateTime!) { activateOrder(id: $id, at: $at) { id } }', {
      id: data.createActivationOrder.id,
      at: activated,
    });
  }

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    await createBranch(service, 'BC');
    headC = await createUser(service, 'headC', { role: 'BRANCH_HEAD', branchCode: 'BC' });
    await createUser(service, 'mgrC1', { role: 'ACCOUNT_MANAGER', branchCode: 'BC' });
    await createBranch(service, 'BD');
    await createUser(service, 'mgrD1', { role: 'ACCOUNT_MANAGER', branchCode: 'BD' });
    const [x1, x2, y1, z1, w1] = [
      await account('X1', 'BA', 'mgrA1'),
      await account('X2', 'BA', 'mgrA2'),
      await account('Y1', 'BB', 'mgrB1'),
      await account('Z1', 'BC', 'mgrC1'),
      await account('W1', 'BD', 'mgrD1'),
    ];
    await responses(x1, 15, (i) => (i % 3 === 0 ? 10 : 8));
    await responses(x2, 15, () => 9);
    await responses(y1, 12, () => 9);
    await responses(z1, 3, () => 10);
    await responses(w1, 12, () => 9);
    await admin(
      'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }',
      { i: { branchCode: 'BA', period: Q, figure: 'compositeScore', target: 60 } },
    );
    await activation(x1, '2026-02-10T18:00:00+08:00', '2026-02-10T12:00:00+08:00'); // on time
    await activation(x2, '2026-02-10T18:00:00+08:00', '2026-02-11T12:00:00+08:00'); // late
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stopTestService(service);
  });

  /** A fresh browser session (own storage) that records every request it makes. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    contexts.push(context);
    context.on('request', (request) => requested.push(request.url()));
    return context.newPage();
  }
  /** Signs in with the keyboard only: the token field has the focus, Enter submits. */
  async function signIn(page: Page, path: string, token: string) {
    await page.goto(`${service.url}${path}`);
    await page.waitForSelector('input[type=password]#token:focus');
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
  }
  /** The element's text once it matches (or after 10 s, for the assertion to show what it is). */
  async function settled(page: Page, selector: string, expected: string | RegExp) {
    const matches = (text: string) =>
      typeof expected === 'string' ? text === expected : expected.test(text);
    const deadline = Date.now() + 10_000;
    let text: string;
    do {
      const element = page.locator(selector).first();
      text = (await element.innerText({ timeout: 10_000 }).catch(() => '')).trim();
      if (matches(text)) break;
      await page.waitForTimeout(100);
    } while (Date.now() < deadline);
    return text;
  }
  const cells = (page: Page, table: string, column: number) =>
    page.locator(`${table} tbody tr > :nth-child(${column})`).allInnerTexts();
  const ranking = async (token: string) =>
    (
      await ok<{ scorecardRanking: Card[] }>(
        service,
        token,
        `query($p: String!) { scorecardRanking(period: $p) {
          branch { code name } rank responses compositeScore { value } } }`,
        { p: Q },
      )
    ).scorecardRanking;

  it("shows a branch head only their branch's card and ranking row", async () => {
    const page = await newPage();
    await signIn(page, `/app/ranking/${Q}`, world.tokens.headA);
    await page.waitForSelector('#ranking-table tbody tr');
    expect(await cells(page, '#ranking-table', 2)).toEqual(['Branch BA']);

    await page.goto(`${service.url}/app/branches/BB/${Q}`); // same tab: still signed in
    expect(await settled(page, 'main [role=alert]', /not found/i)).toMatch(/not found/i);
    await page.goto(`${service.url}/app/branches/BA/${Q}`);
    expect(await settled(page, 'h1', 'Branch BA — Q1 2026')).toBe('Branch BA — Q1 2026');
    expect(await page.title()).toBe('Branch BA — Q1 2026 · Journey scorecards');
    expect(await page.locator('nav a[aria-current=page]').allInnerTexts()).toEqual(['My branch']);
  });

  it('shows HQ every branch in the API order with the same composite values', async () => {
    const page = await newPage();
    await signIn(page, `/app/ranking/${Q}`, world.tokens.hq);
    await page.waitForSelector('#ranking-chart svg');
    const api = await ranking(world.tokens.hq);
    // BB: index (0.4·9 + 0.3·8 + 0.3·8 − 1) ÷ 9 × 100 = 82.22, coverage 0 of 1 account:
    //   (0.4·82.22 + 0.15·0) ÷ 0.55 = 59.80
    // BA: CS1 (5·10 + 10·8 + 15·9) ÷ 30 = 8.833, index (3.533 + 4.8 − 1) ÷ 9 × 100 = 81.48,
    //   on time 1 of 2, coverage 0 of 2: (0.4·81.48 + 0.2·50 + 0.15·0) ÷ 0.75 = 56.79
    // BD: as BB, a tie on composite and top-box share (0), broken by code. BC: 3 responses, last.
    expect(api.map((c) => c.branch.code)).toEqual(['BB', 'BD', 'BA', 'BC']);
    expect(api.map((c) => c.compositeScore.value)).toEqual([
      expect.closeTo(59.8, 2),
      expect.closeTo(59.8, 2),
      expect.closeTo(56.79, 2),
      expect.any(Number),
    ]);
    expect(await cells(page, '#ranking-table', 1)).toEqual(api.map((c) => String(c.rank)));
    expect(await cells(page, '#ranking-table', 2)).toEqual(api.map((c) => c.branch.name));
    expect(await cells(page, '#ranking-table', 3)).toEqual(
      api.map((c) => oneDecimal.format(c.compositeScore.value)),
    );
    // BD's interval: the index has no spread (12 equal responses), coverage 0 of 1 has the Wilson
    // interval [0, 0.7935], half-width 39.675 points, weighed 0.15 ÷ 0.55: 10.82 either side.
    expect((await cells(page, '#ranking-table', 4))[1]).toBe('49.0 – 70.6');
    expect(await cells(page, '#ranking-table', 5)).toEqual(['—', '—', '60.0', '—']); // BA's target
    const notes = await cells(page, '#ranking-table', 9);
    expect(notes[1]).toBe('Same composite and top-box share as Branch BB; placed by branch code');
    expect(notes[2]).toBe('Within noise of Branch BD: the intervals overlap'); // 56.79 + … ≥ 48.98
    expect(notes[3]).toMatch(/insufficient sample/i);
    // One dot per branch, BC's hollow; one red target tick (BA's).
    const fills = await page
      .locator('#ranking-chart svg circle')
      .evaluateAll((dots) => dots.map((dot) => dot.getAttribute('fill')));
    expect(fills).toEqual(['#1f5fbf', '#1f5fbf', '#1f5fbf', 'white']);
    expect(await page.locator('#ranking-chart svg g[stroke="#c62828"] line').count()).toBe(1);
  });

  it('draws the quadrant and trend charts of a card, with their tables', async () => {
    const page = await newPage();
    await signIn(page, `/app/branches/BA/${Q}`, world.tokens.headA);
    await page.waitForSelector('#trend-chart svg');
    for (const chart of ['#quadrant-chart svg[role=img]', '#trend-chart svg[role=img]']) {
      const box = await page.locator(chart).first().boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(100);
    }
    expect(await page.locator('#quadrant-chart svg circle').count()).toBe(3);
    // CONSULTING_RESPONSIVENESS: importance 9 (above the mean 23 ÷ 3), performance 6.5 (below 8.17)
    expect(await cells(page, '#quadrant-table', 6)).toContain('Improve urgently');
    expect(await page.locator('#trend-chart svg path').count()).toBeGreaterThan(0);
    expect(await page.locator('#trend-table tbody tr').count()).toBe(8); // 2024-Q2 … 2026-Q1
    await page.goto(`${service.url}/app/branches/BA/2026-03`); // a month: one query of 12 periods
    await page.waitForSelector('#trend-table tbody tr');
    expect(await cells(page, '#trend-table', 1)).toHaveLength(12);
    expect((await cells(page, '#trend-table', 1))[11]).toBe('March 2026');
  });

  it('lists as many records as the figure counts, page by page, linking to timelines', async () => {
    const page = await newPage();
    await signIn(page, `/app/branches/BA/${Q}`, world.tokens.headA);
    await page.click('#figures-table a[href$="/survey-responses"]');
    await page.waitForSelector('#drill-table tbody tr');
    expect(await page.locator('#drill-table tbody tr').count()).toBe(25); // the first page
    await page.click('#more');
    expect(await settled(page, '#drill-count', '30 of 30 shown')).toBe('30 of 30 shown');
    expect(await page.locator('#drill-table tbody tr').count()).toBe(30); // sampleSize 30

    await page.goto(`${service.url}/app/branches/BA/${Q}/late-activations`);
    await page.waitForSelector('#drill-table tbody tr');
    // activationOnTimeRate 1 / 2: one late activation
    expect(await cells(page, '#drill-table', 1)).toEqual(['Account X2']);
    await page.click('#drill-table a');
    await page.waitForSelector('#timeline-table tbody tr');
    expect(await settled(page, 'h1', 'Timeline — Account X2')).toBe('Timeline — Account X2');
  });

  it('downloads CSVs that match the screen', async () => {
    const page = await newPage();
    await signIn(page, `/app/ranking/${Q}`, world.tokens.hq);
    await page.waitForSelector('#ranking-table tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.download')]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const names = Object.fromEntries(
      (await ranking(world.tokens.hq)).map((c) => [c.branch.code, c.branch.name]),
    );
    const fromCsv = csv.map((line) => line.split(','));
    expect(fromCsv.map((row) => row[0])).toEqual(await cells(page, '#ranking-table', 1));
    expect(fromCsv.map((row) => names[row[1]!])).toEqual(await cells(page, '#ranking-table', 2));
    // CSV column 7 is the composite score (full precision); the screen rounds it to one decimal.
    expect(fromCsv.map((row) => oneDecimal.format(Number(row[6])))).toEqual(
      await cells(page, '#ranking-table', 3),
    );

    await page.goto(`${service.url}/app/branches/BA/${Q}`);
    await page.waitForSelector('#figures-table tbody tr');
    const [one] = await Promise.all([page.waitForEvent('download'), page.click('.download')]);
    const [header, row] = readFileSync((await one.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(row?.[header!.indexOf('branch')]).toBe('BA');
    const shown = await cells(page, '#figures-table', 2); // composite first, then the index
    expect(shown.slice(0, 2)).toEqual(
      ['compositeScore', 'satisfactionIndex'].map((f) =>
        oneDecimal.format(Number(row?.[header!.indexOf(f)])),
      ),
    );

    await page.goto(`${service.url}/app/branches/BA/${Q}/survey-responses`);
    await page.waitForSelector('#drill-table tbody tr');
    const [list] = await Promise.all([page.waitForEvent('download'), page.click('.download')]);
    const lines = readFileSync((await list.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',')).toEqual(
      await page.locator('#drill-table thead th').allInnerTexts(),
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      await cells(page, '#drill-table', 1),
    );
  });

  it('opens deep links after sign-in and ends the session on sign-out or revocation', async () => {
    const issued = await admin(
      'mutation { issueToken(input: { login: "headC" }) { token apiToken { id } } }',
    );
    const page = await newPage();
    await signIn(page, `/app/branches/BC/${Q}`, issued.issueToken.token);
    expect(await settled(page, 'h1', 'Branch BC — Q1 2026')).toBe('Branch BC — Q1 2026');
    expect(page.url()).toBe(`${service.url}/app/branches/BC/${Q}`);
    expect(page.url()).not.toContain(issued.issueToken.token);

    await admin('mutation($id: ID!) { revokeToken(id: $id) { id } }', {
      id: issued.issueToken.apiToken.id,
    });
    await page.click('nav a:first-child'); // any further request finds the token revoked
    expect(await settled(page, '.sign-in [role=alert]', /session ended/i)).toMatch(
      /session ended/i,
    );

    await signIn(page, `/app/ranking/${Q}`, headC);
    await page.waitForSelector('#ranking-table tbody tr');
    await page.click('text=Sign out');
    await page.waitForSelector('#token');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('switches to Chinese and remembers it', async () => {
    const page = await newPage();
    await signIn(page, `/app/ranking/${Q}`, world.tokens.hq);
    await page.waitForSelector('#ranking-table tbody tr');
    await page.click('header button[lang=zh-CN]');
    expect(await settled(page, 'h1', '分公司排名 — 2026年第1季度')).toBe(
      '分公司排名 — 2026年第1季度',
    );
    await page.reload();
    expect(await settled(page, 'h1', '分公司排名 — 2026年第1季度')).toBe(
      '分公司排名 — 2026年第1季度',
    );
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  });

  it('rounds numbers and cuts periods as people read them (the browser modules)', async () => {
    const page = await newPage();
    await page.goto(`${service.url}/app`);
    const result = await page.evaluate(`(async () => {
      const f = await import('/app/assets/format.js');
      return {
        quarters: f.periodsEndingAt('2026-Q1', 3),
        months: f.periodsEndingAt('2026-02', 3),
        trendOfMonth: f.trendPeriods('2026-03', 'Asia/Shanghai'),
        trendOfYear: f.trendPeriods('2025', 'Asia/Shanghai'),
        kinds: ['2026', '2026-Q4', '2026-12', '2026-13'].map(f.periodKind),
        values: [
          f.formatValue(0.12345, 'share'),
          f.formatValue(8.125, 'score'),
          f.formatValue(null, 'index'),
          f.formatValue(59.6, 'minutes'),
          f.formatValue(125, 'minutes'),
          f.formatValue(180, 'minutes'),
        ],
        changes: [f.formatChange(0.5, 0.475, 'share'), f.formatChange(80, 81.25, 'index')],
        periods: ['2026-Q1', '2026-03', '2026'].map(f.formatPeriod),
      };
    })()`);
    expect(result).toEqual({
      quarters: ['2026-Q1', '2025-Q4', '2025-Q3'],
      months: ['2026-02', '2026-01', '2025-12'],
      trendOfMonth: ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09'].concat([
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
      ]),
      trendOfYear: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].concat([
        '2025-Q1',
        '2025-Q2',
        '2025-Q3',
        '2025-Q4',
      ]),
      kinds: ['year', 'quarter', 'month', null],
      // 12.345 % → 12.3 %; 8.125 → 8.13 (half away from zero); 59.6 min → 60 → 1 h
      values: ['12.3%', '8.13', '—', '1 h', '2 h 5 min', '3 h'],
      // 50 % − 47.5 % = +2.5 points; 80 − 81.25 = −1.25 → −1.3
      changes: ['+2.5 pp', '−1.3'],
      periods: ['Q1 2026', 'March 2026', '2026'],
    });
  });

  it('made no request outside the service', () => {
    const origin = new URL(service.url).origin;
    expect(requested.length).toBeGreaterThan(20);
    expect(
      requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:')),
    ).toEqual([]);
  });
});
