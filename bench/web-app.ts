import { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
import { issueToken, median, startDemoService, timed } from './bench-database';

// The scorecard page on the demo data in headless chromium: bytes transferred on a first visit
// and time to the first chart, against the baseline of the view's own GraphQL request from Node
// (so the ratio is what the page adds: assets, parsing, rendering).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = 5;

/** One first visit (fresh browser storage, signed in): ms to the first chart and bytes moved. */
async function firstVisit(browser: Browser, url: string, token: string) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.addInitScript(`sessionStorage.setItem('journey.token', ${JSON.stringify(token)})`);
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
  );
  const ms = await timed(async () => {
    await page.goto(url);
    await page.waitForSelector('svg[role=img]');
  });
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { ms, bytes };
}

async function apiBaseline(url: string, token: string, query: string, variables: object) {
  return timed(() =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json()),
  );
}

/** `npm run bench:web-app`: page weight and time to first chart of the ranking and a card. */
export async function main(): Promise<void> {
  const service = await startDemoService();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const hq = await issueToken(service.url, service.adminToken, 'hq.analyst');
    const head = await issueToken(service.url, service.adminToken, 'head.hz');
    const quarter = DateTime.now().setZone('Asia/Shanghai').minus({ quarters: 1 });
    const period = `${quarter.year}-Q${quarter.quarter}`;
    const views = [
      {
        name: `ranking ${period} (HQ)`,
        path: `/app/ranking/${period}`,
        token: hq,
        query:
          'query($p: String!) { scorecardRanking(period: $p) { rank compositeScore { value low high } } }',
        variables: { p: period },
      },
      {
        name: `card HZ ${period} (branch head)`,
        path: `/app/branches/HZ/${period}`,
        token: head,
        query:
          'query($p: String!) { branchScorecard(branchCode: "HZ", period: $p) { rank compositeScore { value } quadrants { attribute } } }',
        variables: { p: period },
      },
    ];
    console.log(
      `demo data, ${ROUNDS} first visits per view (median), chromium ${browser.version()}`,
    );
    for (const view of views) {
      await firstVisit(browser, `${service.url}${view.path}`, view.token); // warm the snapshots
      const visits = [];
      const api = [];
      for (let i = 0; i < ROUNDS; i += 1) {
        visits.push(await firstVisit(browser, `${service.url}${view.path}`, view.token));
        api.push(await apiBaseline(service.url, view.token, view.query, view.variables));
      }
      const ms = median(visits.map((v) => v.ms));
      const baseline = median(api);
      console.log(
        `${view.name}: ${(median(visits.map((v) => v.bytes)) / 1024).toFixed(0)} KiB transferred, ` +
          `first chart ${ms.toFixed(0)} ms; API request alone ${baseline.toFixed(0)} ms ` +
          `(page ÷ API ${(ms / baseline).toFixed(1)}×)`,
      );
    }
  } finally {
    await browser.close();
    await service.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
