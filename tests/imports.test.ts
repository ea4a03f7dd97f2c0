import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createImportApi } from '../src/modules/imports/import-client';
import { runImport, type ImportRunOptions } from '../src/modules/imports/import-runner';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, type World } from './support/world';

const HEADER = 'externalId,name,branchCode,accountManagerLogin,industry,tier,openedAt';
const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-import-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const accountRows = (count: number, prefix = 'IMP') =>
  Array.from(
    { length: count },
    (_, i) =>
      `${prefix}-${i},Account ${prefix} ${i},BA,mgrA1,Finance,A,2025-01-0${1 + (i % 9)}T08:00:00+08:00`,
  );

describe('imports', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
  });
  afterAll(() => stopTestService(service));

  const run = (file: string, token: string, extra: Partial<ImportRunOptions> = {}) =>
    runImport({
      api: createImportApi(`${service.url}/graphql`, token),
      kind: 'accounts',
      file,
      format: 'csv',
      dryRun: false,
      batchSize: 3,
      ...extra,
    });

  it('imports a file, reports every rejected row with its line, and a second run changes nothing', async () => {
    const file = write(
      'accounts.csv',
      [
        HEADER,
        ...accountRows(4, 'OK'), // lines 2–5
        'BAD-1,Unknown manager,BA,nobody,,,', // line 6
        'BAD-2,Other branch,BB,mgrB1,,,', // line 7: outside intA's branch
        'BAD-3,Bad time,BA,mgrA1,,,yesterday', // line 8
        ',No id,BA,mgrA1,,,', // line 9
      ].join('\n'),
    );
    const first = await run(file, world.tokens.intA);
    // 8 rows read = 4 inserted + 0 updated + 0 unchanged + 4 rejected
    expect(first.summary).toMatchObject({
      read: 8,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      rejected: 4,
    });
    expect(first.exitCode).toBe(1);
    const rejects = readFileSync(first.summary.rejectsFile!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects.map((r) => [r.line, r.field]).sort()).toEqual([
      [6, 'accountManagerLogin'],
      [7, 'branchCode'],
      [8, 'openedAt'],
      [9, 'externalId'],
    ]);
    expect(rejects.find((r) => r.line === 7).reason).toMatch(/outside the scope/);
    expect(rejects.find((r) => r.line === 6).row.externalId).toBe('BAD-1');

    const second = await run(file, world.tokens.intA);
    expect(second.summary).toMatchObject({
      read: 8,
      inserted: 0,
      updated: 0,
      unchanged: 4,
      rejected: 4,
    });
    const count = await mongoose.connection
      .db!.collection('keyaccounts')
      .countDocuments({ externalId: /^OK-/ });
    expect(count).toBe(4);
    const otherBranch = await mongoose.connection
      .db!.collection('keyaccounts')
      .countDocuments({ externalId: 'BAD-2' });
    expect(otherBranch).toBe(0);
  });

  it('updates changed rows and audits the change', async () => {
    const file = write('update.csv', [HEADER, 'UPD-1,Before,BA,mgrA1,,,'].join('\n'));
    await run(file, world.tokens.intAll);
    writeFileSync(file, [HEADER, 'UPD-1,After,BA,mgrA2,,,'].join('\n'));
    const changed = await run(file, world.tokens.intAll);
    expect(changed.summary).toMatchObject({ read: 1, updated: 1 });
    const account = await mongoose.connection
      .db!.collection('keyaccounts')
      .findOne({ externalId: 'UPD-1' });
    expect(account?.name).toBe('After');
    const audit = await mongoose.connection
      .db!.collection('auditentries')
      .find({ entityId: String(account?._id) })
      .sort({ _id: 1 })
      .toArray();
    expect(audit.map((a) => a.action)).toEqual(['import:insert', 'import:update']);
    expect(audit[1]!.changes.map((c: { field: string }) => c.field).sort()).toEqual([
      'accountManagerId',
      'name',
    ]);
  });

  it('writes nothing on a dry run but decides every row', async () => {
    const file = write('dry.csv', [HEADER, ...accountRows(3, 'DRY')].join('\n'));
    const dry = await run(file, world.tokens.intA, { dryRun: true });
    expect(dry.summary).toMatchObject({ read: 3, inserted: 3 });
    expect(
      await mongoose.connection
        .db!.collection('keyaccounts')
        .countDocuments({ externalId: /^DRY-/ }),
    ).toBe(0);
  });

  it.each([
    [
      'a bad encoding',
      Buffer.concat([
        Buffer.from(`${HEADER}\nENC-1,Caf`),
        Buffer.from([0xe9]),
        Buffer.from(',BA,mgrA1,,,\n'),
      ]),
      /line 2: not valid UTF-8/,
    ],
    ['an unknown column', 'externalId,name,colour\nX,Y,Z', /line 1: unknown column\(s\) colour/],
    [
      'a missing required column',
      'externalId,name\nX,Y',
      /line 1: missing required column\(s\) branchCode, accountManagerLogin/,
    ],
    ['a truncated last line', `${HEADER}\nT-1,Fine,BA,mgrA1,,,\nT-2,"Cut off`, /line 3: .*quote/i],
    ['a short row', `${HEADER}\nS-1,Fine,BA,mgrA1,,,\nS-2,Short`, /line 3: /],
  ])('stops on a file with %s, naming the line', async (_what, content, message) => {
    const result = await run(write('bad.csv', content), world.tokens.intA);
    expect(result.exitCode).toBe(2);
    expect(result.summary.error).toMatch(message);
    expect(result.summary.read).toBe(
      result.summary.inserted +
        result.summary.updated +
        result.summary.unchanged +
        result.summary.rejected,
    );
  });

  it('accepts a file without its optional columns (survey responses without attribute scores)', async () => {
    const file = write(
      'responses.csv',
      [
        'externalId,accountExternalId,respondedAt,channel,cs1,cs2,cs3',
        'SR-1,A1,2026-03-01T10:00:00+08:00,PHONE,9,8,8',
      ].join('\n'),
    );
    const result = await run(file, world.tokens.intA, { kind: 'survey-responses' });
    expect(result.summary).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
  });

  it('names the line of a broken NDJSON line', async () => {
    const file = write(
      'bad.ndjson',
      '{"externalId":"N-1","name":"n","branchCode":"BA","accountManagerLogin":"mgrA1"}\n{"externalId":"N-2",',
    );
    const result = await run(file, world.tokens.intA, { format: 'ndjson' });
    expect(result.exitCode).toBe(2);
    expect(result.summary.error).toMatch(/line 2: not a JSON object/);
  });

  it('refuses a token of another source system before reading', async () => {
    const result = await run(
      write('src.csv', [HEADER, ...accountRows(1, 'SRC')].join('\n')),
      world.tokens.intA,
      { sourceSystem: 'BILLING' },
    );
    expect(result.exitCode).toBe(2);
    expect(result.summary.error).toMatch(/source system CRM only/);
  });

  it('ends killed-and-rerun imports with exactly the data of one clean run', async () => {
    const rows = accountRows(1500, 'KILL');
    const file = write('kill.csv', [HEADER, ...rows].join('\n'));
    const env = { ...process.env, JOURNEY_TOKEN: world.tokens.intA };
    const args = [
      '--import',
      'tsx',
      'scripts/import.ts',
      '--kind',
      'accounts',
      '--file',
      file,
      '--url',
      `${service.url}/graphql`,
      '--batch-size',
      '50',
      '--concurrency',
      '2',
    ];
    const child = spawn(process.execPath, args, {
      cwd: path.resolve(__dirname, '..'),
      env,
      stdio: 'ignore',
    });
    const collection = mongoose.connection.db!.collection('keyaccounts');
    while ((await collection.countDocuments({ externalId: /^KILL-/ })) < 100)
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const partial = await collection.countDocuments({ externalId: /^KILL-/ });
    expect(partial).toBeLessThan(1500);

    const rerun = await run(file, world.tokens.intA, { batchSize: 50 });
    // Everything is read again; rows written before the kill are now unchanged.
    expect(rerun.summary.read).toBe(1500);
    expect(rerun.summary.inserted + rerun.summary.unchanged).toBe(1500);
    expect(rerun.summary.unchanged).toBeGreaterThanOrEqual(partial - 100); // at most the batches in flight at the kill were lost

    const stored = await collection
      .find(
        { externalId: /^KILL-/ },
        { projection: { _id: 0, externalId: 1, name: 1, branchCode: 1, tier: 1, openedAt: 1 } },
      )
      .sort({ externalId: 1 })
      .toArray();
    const expected = rows
      .map((line) => line.split(','))
      .map(([externalId, name, branchCode, , , tier, openedAt]) => ({
        externalId,
        name,
        branchCode,
        tier,
        openedAt: new Date(openedAt!),
      }))
      .sort((a, b) => (a.externalId! < b.externalId! ? -1 : 1));
    expect(stored).toEqual(expected);
  }, 120_000);
});
