import { issueToken, median, startDemoService } from './bench-database';
import { startProvinceService } from './province-data';
import { ACCOUNT_SCREEN } from '../tests/support/account-screen';

// The account manager's screen (docs/account-managers.md, "AccountManagerScreen") on the demo
// data, in requests per second against `{ apiVersion }` on the same server in the same run, so the
// ratio says what the screen costs whatever the machine's load. Rounds alternate screen and
// baseline so a busy neighbour slows both alike.
const SECONDS_PER_ROUND = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Request = { query: string; variables?: object };

async function post(url: string, token: string, request: Request): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(JSON.stringify(body.errors ?? response.status));
}

/** Requests per second of one request repeated back to back for a round. */
async function rate(url: string, token: string, request: Request): Promise<number> {
  const until = Date.now() + SECONDS_PER_ROUND * 1000;
  const started = process.hrtime.bigint();
  let done = 0;
  while (done === 0 || Date.now() < until) {
    await post(url, token, request);
    done += 1;
  }
  return done / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** The screen at `first: 20` and `first: 100` against `{ apiVersion }`, alternating rounds. */
async function measure(label: string, url: string, token: string): Promise<void> {
  const baseline: Request = { query: '{ apiVersion }' };
  for (const first of [20, 100]) {
    const request: Request = { query: ACCOUNT_SCREEN, variables: { first } };
    // A round of each, not counted: caches, connections, the lists rebuilt on first read, and the
    // code's compilation (the first rounds of a cold process ran at half speed).
    await rate(url, token, request);
    await rate(url, token, baseline);
    const screen: number[] = [];
    const base: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      screen.push(await rate(url, token, request));
      base.push(await rate(url, token, baseline));
    }
    const [s, b] = [median(screen), median(base)];
    console.log(
      `${label}: keyAccounts(first: ${first}) as am.hz1: ${s.toFixed(1)} req/s; ` +
        `{ apiVersion } ${b.toFixed(0)} req/s; ratio ${(s / b).toFixed(3)}`,
    );
  }
}

/**
 * `npm run bench:account-screen`: the screen's req/s ÷ `{ apiVersion }` req/s on the demo data
 * (embedded default, or MONGODB_URI), then at province size (`BENCH_PROVINCE=0` skips it).
 */
export async function main(): Promise<void> {
  console.log(
    `${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded default'}, ` +
      `${ROUNDS} alternating rounds of ${SECONDS_PER_ROUND} s (median req/s)`,
  );
  const demo = await startDemoService();
  try {
    const token = await issueToken(demo.url, demo.adminToken, 'am.hz1');
    await measure('demo data', demo.url, token);
  } finally {
    await demo.stop();
  }
  if (process.env.BENCH_PROVINCE === '0') return;
  const province = await startProvinceService();
  try {
    const token = await issueToken(province.url, province.adminToken, 'am.hz1');
    await measure(province.label, province.url, token);
  } finally {
    await province.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
