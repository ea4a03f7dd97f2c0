import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { periodContaining, previousPeriod } from '../src/shared/period';
import { DEMO_TEST_NOW, loadTestDemoData } from './support/demo';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { issueTokenFor, ok } from './support/world';

// The service report of a demo account: through the API, its figures against the account's own
// records (read through other fields and worked out here), then as the printable page in a real
// browser (Debian's chromium, installed by .ci/run), in both languages and on paper.

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const Q = previousPeriod(periodContaining(DEMO_TEST_NOW, 'QUARTER')).label; // last closed quarter
const FIGURE = 'value numerator denominator sampleSize';

const REPORT = `query Report($id: ID!, $p: String!) { accountServiceReport(accountId: $id, period: $p) {
  periodStart periodEnd
  activation { activated { id } open { id } onTimeRate { ${FIGURE} }
    latenessMinutes { ${FIGURE} } delayReasons { reason orders } }
  faults { restored { id serviceRef severity withinSla isRepeat } open { id } withinSlaRate { ${FIGURE} } repeatRate { ${FIGURE} }
    causeExplainedRate { ${FIGURE} } pausedTickets }
  followUps { followUps { id status } completed }
  complaints { complaints { id } }
  satisfaction { responses { id } account { responses satisfactionIndex { ${FIGURE} } } }
} }`;

const RECORDS = `query Records($id: ID!) { keyAccount(id: $id) {
  accountManager { login }
  activationOrders(first: 100) { edges { node { id status originalPromisedAt activatedAt } } }
  faultTickets(first: 100) { edges { node { id restoredAt repairDurationMinutes targetMinutes
    repeatOf { id } causeExplainedAt pauses { from } } } }
  followUps(first: 100) { edges { node { id status completedAt } } }
  surveyResponses(first: 100) { edges { node { id respondedAt cs1 cs2 cs3 } } }
} }`;

const nodes = (connection: Row): Row[] => connection.edges.map((edge: Row) => edge.node);
const ms = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());

describe('service report of a demo account', () => {
  let service: TestService;
  let browser: Browser;
  let accountId: string;
  let report: Row;
  let managerToken: string;
  const contexts: BrowserContext[] = [];
  const admin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);

  beforeAll(async () => {
    service = await startTestService();
    await loadTestDemoData();
    // The first account (by name) whose report has something in every section.
    const { keyAccounts } = await admin('{ keyAccounts(first: 100) { edges { node { id } } } }');
    for (const { id } of nodes(keyAccounts)) {
      const { accountServiceReport: r } = await admin(REPORT, { id, p: Q });
      const full =
        r.activation.activated.length > 0 &&
        r.faults.restored.length > 0 &&
        r.followUps.followUps.length > 0 &&
        r.satisfaction.responses.length > 0;
      if (full) {
        [accountId, report] = [id, r];
        break;
      }
    }
    const { keyAccount } = await admin(RECORDS, { id: accountId });
    managerToken = await issueTokenFor(service, keyAccount.accountManager.login);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stopTestService(service);
  });

  it('has every section, and its figures are the account’s records worked out by hand', async () => {
    expect(accountId).toBeDefined();
    const { keyAccount: records } = await admin(RECORDS, { id: accountId });
    const [start, end] = [ms(report.periodStart)!, ms(report.periodEnd)!];
    const inPeriod = (iso: string | null) => iso !== null && ms(iso)! >= start && ms(iso)! < end;

    // Activations of the quarter: on time ⇔ activated ≤ original promise; lateness in minutes.
    const activated = nodes(records.activationOrders).filter(
      (o) => o.status === 'ACTIVATED' && inPeriod(o.activatedAt),
    );
    const lateness = activated.map((o) =>
      Math.max(0, (ms(o.activatedAt)! - ms(o.originalPromisedAt)!) / 60_000),
    );
    expect(report.activation.activated.map((o: Row) => o.id).sort()).toEqual(
      activated.map((o) => o.id).sort(),
    );
    expect(report.activation.onTimeRate).toMatchObject({
      numerator: lateness.filter((m) => m === 0).length,
      denominator: activated.length,
    });
    const meanLateness = lateness.reduce((a, b) => a + b, 0) / lateness.length;
    expect(report.activation.latenessMinutes.value).toBeCloseTo(meanLateness, 6);

    // Tickets finally restored in the quarter: within ⇔ repair ≤ target; repeats; explanations.
    const restored = nodes(records.faultTickets).filter((x) => inPeriod(x.restoredAt));
    expect(report.faults.restored.map((x: Row) => x.id).sort()).toEqual(
      restored.map((x) => x.id).sort(),
    );
    expect(report.faults.withinSlaRate).toMatchObject({
      numerator: restored.filter((x) => x.repairDurationMinutes <= x.targetMinutes).length,
      denominator: restored.length,
    });
    expect(report.faults.repeatRate.numerator).toBe(restored.filter((x) => x.repeatOf).length);
    expect(report.faults.causeExplainedRate.numerator).toBe(
      restored.filter((x) => x.causeExplainedAt).length,
    );
    expect(report.faults.pausedTickets).toBe(restored.filter((x) => x.pauses.length > 0).length);

    // Follow-ups completed in the quarter; survey index = mean of per-response indexes.
    expect(report.followUps.completed).toBe(
      nodes(records.followUps).filter((f) => f.status === 'COMPLETED' && inPeriod(f.completedAt))
        .length,
    );
    const responses = nodes(records.surveyResponses).filter((r) => inPeriod(r.respondedAt));
    const indexes = responses.map((r) => ((0.4 * r.cs1 + 0.3 * r.cs2 + 0.3 * r.cs3 - 1) / 9) * 100);
    expect(report.satisfaction.account.responses).toBe(responses.length);
    expect(report.satisfaction.account.satisfactionIndex.value).toBeCloseTo(
      indexes.reduce((a, b) => a + b, 0) / indexes.length,
      6,
    );
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}) {
    const context = await browser.newContext({ locale: 'en-US', ...options });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${service.url}${path}`);
    await page.waitForSelector('input#token:focus');
    await page.keyboard.type(managerToken);
    await page.keyboard.press('Enter');
    // Settled: signed in and past "Loading…" (the report, or what stands in for it).
    await page.waitForSelector('#token', { state: 'detached' });
    await page.locator('main', { hasNotText: /Loading…|加载中…/ }).waitFor();
    return page;
  }
  const reportPath = (id: string, query = '') => `/app/accounts/${id}/report/${Q}${query}`;
  const rows = (page: Page, table: string) => page.locator(`#${table} tbody tr`).count();

  it('shows every section with as many rows as the report lists, in English', async () => {
    const page = await open(reportPath(accountId));
    await page.waitForSelector('.report');
    expect(await page.locator('h1').innerText()).toMatch(/^Service report — .+ — Q3 2026$/);
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'Activation orders',
      'Fault repair',
      'Follow-up visits',
      'Complaints',
      'Satisfaction survey',
    ]);
    expect(await rows(page, 'activated-table')).toBe(report.activation.activated.length);
    expect(await rows(page, 'open-orders-table')).toBe(report.activation.open.length);
    expect(await rows(page, 'restored-table')).toBe(report.faults.restored.length);
    expect(await rows(page, 'open-tickets-table')).toBe(report.faults.open.length);
    expect(await rows(page, 'follow-up-table')).toBe(report.followUps.followUps.length);
    expect(await rows(page, 'complaint-table')).toBe(report.complaints.complaints.length);
    expect(await rows(page, 'response-table')).toBe(report.satisfaction.responses.length);
    const onTime = report.activation.onTimeRate;
    expect(
      await page.locator('#activation-figures tbody tr:first-child td').first().innerText(),
    ).toContain(`(${onTime.numerator} / ${onTime.denominator})`);

    // Cells show their record's fields as a person reads them: the first restored ticket's
    // reference, severity, within-SLA and repeat columns; the first visit's status.
    const ticket = report.faults.restored[0];
    const ticketRow = page.locator('#restored-table tbody tr').first();
    expect(await ticketRow.locator('th').innerText()).toBe(ticket.serviceRef);
    const ticketCells = await ticketRow.locator('td').allInnerTexts();
    const severities: Row = { CRITICAL: 'Critical', MAJOR: 'Major', MINOR: 'Minor' };
    const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
    expect([ticketCells[0], ticketCells[5], ticketCells[6]]).toEqual([
      severities[ticket.severity],
      yesNo(ticket.withinSla),
      yesNo(ticket.isRepeat),
    ]);
    const visitCells = await page
      .locator('#follow-up-table tbody tr')
      .first()
      .locator('td')
      .allInnerTexts();
    expect(visitCells[1]).toBe(
      `${report.followUps.followUps[0].status[0]}${report.followUps.followUps[0].status.slice(1).toLowerCase()}`,
    );
  });

  it('is in Chinese when the address says so, or when the browser asks for it', async () => {
    const byQuery = await open(reportPath(accountId, '?lang=zh-CN'));
    await byQuery.waitForSelector('.report');
    expect(await byQuery.locator('h1').innerText()).toMatch(/^服务报告 — .+ — 2026年第3季度$/);
    expect(await byQuery.evaluate('document.documentElement.lang')).toBe('zh-CN');

    // The browser's own language stays English; only the Accept-Language header asks for Chinese.
    // (No locale for this context: Playwright's locale would set the header itself.)
    const byHeader = await open(reportPath(accountId), {
      locale: undefined,
      extraHTTPHeaders: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
    });
    await byHeader.waitForSelector('.report');
    expect(await byHeader.evaluate('navigator.language')).not.toMatch(/^zh/);
    expect(await byHeader.locator('h2').allInnerTexts()).toEqual([
      '业务开通',
      '故障修复',
      '回访',
      '投诉',
      '满意度调查',
    ]);
    // An address's ?lang wins over the header.
    const both = await open(reportPath(accountId, '?lang=en'), {
      extraHTTPHeaders: { 'accept-language': 'zh-CN' },
    });
    await both.waitForSelector('.report');
    expect(await both.locator('h2').first().innerText()).toBe('Activation orders');
  });

  it('prints the report alone, as a PDF', async () => {
    const page = await open(reportPath(accountId));
    await page.waitForSelector('.report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('#print').isVisible()).toBe(false);
    expect(await page.locator('#restored-table').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it('shows another branch’s manager the same page as for a missing account', async () => {
    const { keyAccount } = await admin(
      'query($id: ID!) { keyAccount(id: $id) { branch { code } } }',
      { id: accountId },
    );
    const other = keyAccount.branch.code === 'HZ' ? 'nb' : 'hz';
    managerToken = await issueTokenFor(service, `am.${other}1`);
    const hidden = await open(reportPath(accountId));
    const missing = await open(reportPath('fedcba9876543210fedcba98'));
    const text = (page: Page) => page.locator('main').innerText();
    expect(await text(hidden)).toBe('Not found, or not yours to see.');
    expect(await text(missing)).toBe(await text(hidden));
  });
});
