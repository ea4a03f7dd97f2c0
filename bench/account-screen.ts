import { issueToken, median, startDemoService } from './bench-database';

// The account manager's screen (docs/account-managers.md, "AccountManagerScreen") on the demo
// data, in requests per second against `{ apiVersion }` on the same server in the same run, so the
// ratio says what the screen costs whatever the machine's load. Rounds alternate screen and
// baseline so a busy neighbour slows both alike.
const SECONDS_PER_ROUND = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const SCREEN = `query AccountManagerScreen($first: Int!) {
  keyAccounts(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name tier currentStage
      branch { id code name }
      accountManager { id name }
      activationOrders(first: 5) { edges { node { id product status promisedAt overdue } } }
      faultTickets(first: 5) { edges { node { id severity status slaState minutesLeft } } }
      timeline(first: 5) { edges { node { __typename id stage occurredAt } } }
    } }
  }
}`;

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

/** `npm run bench:account-screen`: the screen's req/s ÷ `{ apiVersion }` req/s, demo data. */
export async function main(): Promise<void> {
  const service = await startDemoService();
  try {
    const token = await issueToken(service.url, service.adminToken, 'am.hz1');
    const baseline: Request = { query: '{ apiVersion }' };
    console.log(
      `demo data, ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded mongo-java-server'}, ` +
        `${ROUNDS} alternating rounds of ${SECONDS_PER_ROUND} s (median req/s)`,
    );
    for (const first of [20, 100]) {
      const request: Request = { query: SCREEN, variables: { first } };
      await post(service.url, token, request); // warm caches and connections
      const screen: number[] = [];
      const base: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        screen.push(await rate(service.url, token, request));
        base.push(await rate(service.url, token, baseline));
      }
      const [s, b] = [median(screen), median(base)];
      console.log(
        `keyAccounts(first: ${first}) as am.hz1: ${s.toFixed(1)} req/s; ` +
          `{ apiVersion } ${b.toFixed(0)} req/s; ratio ${(s / b).toFixed(3)}`,
      );
    }
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
