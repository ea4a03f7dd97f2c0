import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createImportApi, graphqlEndpoint } from '../src/modules/imports/import-client';
import type { ImportProgress } from '../src/modules/imports/import-progress';
import { runImport, type ImportRunOptions } from '../src/modules/imports/import-runner';
import { freshDatabaseUri, startTestService, stopTestService } from './support/test-service';
import type { TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// The command-line tools fail the way their docs say: one line on stderr, the documented exit
// code, the service named when it cannot be reached.

const root = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-cli-'));
const HEADER = 'externalId,name,branchCode,accountManagerLogin';
const accountsFile = (name: string, count: number) => {
  const file = path.join(dir, name);
  const rows = Array.from(
    { length: count },
    (_, i) => `${name}-${i},${name} account ${i},BA,mgrA1`,
  );
  writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
  return file;
};

type Run = { code: number | null; stdout: string; stderr: string };

function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run import: mistakes before any row is sent', () => {
  const cli = (args: string[]) =>
    runScript('scripts/import.ts', args, { JOURNEY_TOKEN: 'not-checked-yet' });

  it.each([
    ['a missing option', ['--kind', 'accounts'], /required option '--file <path>'/],
    [
      'a bad batch size',
      ['--kind', 'accounts', '--file', 'x.csv', '--batch-size', '0'],
      /--batch-size.*not a whole number 1–1000/,
    ],
    [
      'a missing file',
      ['--kind', 'accounts', '--file', path.join(dir, 'nope.csv')],
      /^import failed: cannot read .*nope\.csv: no such file$/,
    ],
    [
      'a URL that is not http',
      ['--kind', 'accounts', '--file', 'x.csv', '--url', 'ftp://host/graphql'],
      /^import failed: --url ftp:\/\/host\/graphql is not an http\(s\) URL$/,
    ],
  ])('%s: exit 2 and one line saying so', async (_, args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    const errors = lines(run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('without JOURNEY_TOKEN: exit 2, naming the variable', async () => {
    const run = await runScript('scripts/import.ts', ['--kind', 'accounts', '--file', 'x.csv'], {
      JOURNEY_TOKEN: '',
    });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/JOURNEY_TOKEN is not set/)]);
  });

  it('takes the service base URL for its GraphQL endpoint', () => {
    expect(graphqlEndpoint('http://host:4000')).toBe('http://host:4000/graphql');
    expect(graphqlEndpoint('http://host:4000/')).toBe('http://host:4000/graphql');
    expect(graphqlEndpoint('https://crm.example/journey/graphql')).toBe(
      'https://crm.example/journey/graphql',
    );
    expect(() => graphqlEndpoint('host:4000')).toThrow(/not an http\(s\) URL/);
    expect(() => graphqlEndpoint('not a url')).toThrow(/is not a URL/);
  });
});

describe('npm run import against a service', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const run = (url: string, token: string, extra: Partial<ImportRunOptions> = {}) =>
    runImport({
      api: createImportApi(url, token, () => undefined, [10, 10]),
      kind: 'accounts',
      file: accountsFile('base', 3),
      format: 'csv',
      dryRun: false,
      ...extra,
    });

  it('imports through the base URL of the service', async () => {
    const result = await run(graphqlEndpoint(service.url), world.tokens.intA);
    expect(result).toMatchObject({ exitCode: 0, summary: { read: 3, inserted: 3 } });
  });

  it('answers a URL that is not the GraphQL endpoint with the right one, exit 2', async () => {
    const result = await run(`${service.url}/api`, world.tokens.intA);
    expect(result.exitCode).toBe(2);
    expect(result.summary.error).toMatch(
      new RegExp(`${service.url}/api answered HTTP 404 .*not GraphQL: .*${service.url}/graphql`),
    );
  });

  it('names an unreachable service and its URL after retrying, exit 3', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    const notices: string[] = [];
    const result = await runImport({
      api: createImportApi(url, world.tokens.intA, (m) => notices.push(m), [10, 10]),
      kind: 'accounts',
      file: accountsFile('unreachable', 2),
      format: 'csv',
      dryRun: false,
    });
    expect(result.exitCode).toBe(3);
    expect(result.summary.error).toBe(
      `cannot reach the service at ${url}: ECONNREFUSED (3 attempts over 0.02 s)`,
    );
    expect(notices).toEqual([
      `service at ${url}: ECONNREFUSED; retrying in 0.01 s`,
      `service at ${url}: ECONNREFUSED; retrying in 0.01 s`,
    ]);
  });

  it('says the token was refused, exit 2', async () => {
    const result = await run(`${service.url}/graphql`, 'no-such-token');
    expect(result.exitCode).toBe(2);
    expect(result.summary.error).toMatch(/^the service refused JOURNEY_TOKEN: /);
  });

  it('counts progress in rows written, against the rows the file holds', async () => {
    const seen: { expected?: number; updates: number[]; stopped?: number } = { updates: [] };
    const progress: ImportProgress = {
      start: (rows) => (seen.expected = rows),
      update: (rows) => seen.updates.push(rows),
      stop: (rows) => (seen.stopped = rows),
    };
    const result = await run(`${service.url}/graphql`, world.tokens.intA, {
      file: accountsFile('progress', 7),
      batchSize: 3,
      concurrency: 1,
      progress,
    });
    expect(result.exitCode).toBe(0);
    // 7 rows in batches of 3: written 3, 6, 7.
    expect(seen).toEqual({ expected: 7, updates: [3, 6, 7], stopped: 7 });
  });

  it('refuses rows already imported under another source system instead of copying them', async () => {
    const file = accountsFile('copies', 2);
    const asAdmin = (sourceSystem: string) =>
      run(`${service.url}/graphql`, service.adminToken, { file, sourceSystem });
    expect((await asAdmin('CRM')).summary).toMatchObject({ inserted: 2 });
    const wrong = await asAdmin('ERP');
    // 2 rows read = 0 inserted + 2 rejected: the same accounts would have been stored twice.
    expect(wrong).toMatchObject({ exitCode: 1, summary: { read: 2, inserted: 0, rejected: 2 } });
    const { keyAccounts } = await ok(
      service,
      service.adminToken,
      '{ keyAccounts(filter: { nameContains: "copies" }, first: 100) { totalCount } }',
    );
    expect(keyAccounts.totalCount).toBe(2); // not 4
  });
});

describe('npm run scorecards:snapshot', () => {
  const snapshot = (args: string[], env: Record<string, string>) =>
    runScript('scripts/snapshot-scorecards.ts', args, env);

  it('answers a bad period with one line and exit 2, before touching any database', async () => {
    const run = await snapshot(['2026-Q5'], { MONGODB_URI: 'mongodb://127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^scorecards:snapshot: .*2026-Q5.*quarter must be 1–4/),
    ]);
  });

  it('refuses to run without the running service’s database, exit 2', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-nodb-'));
    const run = await snapshot(['2026-Q3'], { DATA_DIR: dataDir, MONGODB_URI: '' });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `scorecards:snapshot: no running Journey database under DATA_DIR=${dataDir}: start the service (npm start) first, run this with the service's DATA_DIR, or set MONGODB_URI.`,
    ]);
  });

  it('recomputes in the database it is given', async () => {
    const run = await snapshot(['2026-Q3'], { MONGODB_URI: freshDatabaseUri() });
    expect(run.code).toBe(0);
    expect(JSON.parse(lines(run.stdout).at(-1)!)).toEqual({ period: '2026-Q3', branches: 0 });
  });
});
