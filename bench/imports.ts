import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose, { mongo } from 'mongoose';
const { BSON } = mongo;
import { loadConfig } from '../src/config/env';
import { createLogger } from '../src/config/logger';
import { startStandIn } from '../src/db/mongo-java-server';
import { createRandom } from '../src/modules/demo/random';
import { createImportApi, type ImportApi } from '../src/modules/imports/import-client';
import { runImport } from '../src/modules/imports/import-runner';
import { startService } from '../src/service';
import { currentStep, recordSteps } from '../src/shared/steps';
import { timed } from './bench-database';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const MEMORY_ROWS = Number(process.env.BENCH_MEMORY_ROWS ?? 1_000_000);
const ACCOUNTS = 1000;
// Batches in flight at once, as the import CLI's default; 1 gives a profile without queueing.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR'];
const TICKET_HEADER =
  'externalId,accountExternalId,accountSourceSystem,serviceRef,severity,channel,reportedAt,acknowledgedAt,restoredAt,closedAt';

async function writeLines(
  file: string,
  header: string,
  count: number,
  line: (i: number) => string,
) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i += 1) {
    if (!out.write(`${line(i)}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function ticketLine(random: ReturnType<typeof createRandom>) {
  return (i: number) => {
    const reported =
      Date.parse('2025-01-01T00:00:00+08:00') + random.int(0, 360 * 24 * 60) * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const restored = reported + random.int(30, 1800) * 60_000;
    return [
      `T${i}`,
      `ACC-${i % ACCOUNTS}`,
      'CRM',
      `CIR-${i % ACCOUNTS}-${random.int(1, 5)}`,
      random.pick(SEVERITIES),
      'NOC',
      iso(reported),
      iso(reported + random.int(1, 25) * 60_000),
      iso(restored),
      iso(restored + 3_600_000),
    ].join(',');
  };
}

async function gql(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function prepareWorld(url: string, adminToken: string, dir: string) {
  await gql(
    url,
    adminToken,
    'mutation { createBranch(input: { code: "BX", name: "Bench" }) { code } }',
  );
  await gql(
    url,
    adminToken,
    'mutation { createUser(input: { login: "mgr", name: "m", role: ACCOUNT_MANAGER, branchCode: "BX" }) { token } }',
  );
  const crm = (
    await gql(
      url,
      adminToken,
      'mutation { createUser(input: { login: "crm", name: "c", role: INTEGRATION, sourceSystem: "CRM" }) { token } }',
    )
  ).createUser.token as string;
  const oss = (
    await gql(
      url,
      adminToken,
      'mutation { createUser(input: { login: "oss", name: "o", role: INTEGRATION, sourceSystem: "OSS" }) { token } }',
    )
  ).createUser.token as string;
  const accounts = path.join(dir, 'accounts.csv');
  await writeLines(
    accounts,
    'externalId,name,branchCode,accountManagerLogin,openedAt',
    ACCOUNTS,
    (i) => `ACC-${i},Account ${i},BX,mgr,2024-01-01T00:00:00+08:00`,
  );
  const run = await runImport({
    api: createImportApi(`${url}/graphql`, crm),
    kind: 'accounts',
    file: accounts,
    format: 'csv',
    dryRun: false,
  });
  if (run.summary.inserted !== ACCOUNTS)
    throw new Error(`accounts import: ${JSON.stringify(run.summary)}`);
  return oss;
}

// The same upserts the import wrote, sent with the raw driver: one bulkWrite per 1000 rows.
async function baselineRowsPerSecond(): Promise<number> {
  const db = mongoose.connection.db!;
  const stored = await db
    .collection('faulttickets')
    .find({}, { projection: { _id: 0 } })
    .toArray();
  const target = db.collection('faulttickets_baseline');
  await target.createIndex({ sourceSystem: 1, externalId: 1 }, { unique: true });
  const ms = await timed(async () => {
    for (let i = 0; i < stored.length; i += 1000) {
      await target.bulkWrite(
        stored.slice(i, i + 1000).map((doc) => ({
          updateOne: {
            filter: { sourceSystem: doc.sourceSystem, externalId: doc.externalId },
            update: { $set: doc },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    }
  });
  return stored.length / (ms / 1000);
}

// The importer alone (a service that answers at once), so its own memory is what is measured.
async function memoryProfile(dir: string) {
  const file = path.join(dir, 'memory.csv');
  await writeLines(file, TICKET_HEADER, MEMORY_ROWS, ticketLine(createRandom(7)));
  const instant: ImportApi = {
    columnsOf: async () =>
      TICKET_HEADER.split(',').map((name) => ({ name, required: false, description: '' })),
    defaultSourceSystem: async () => 'OSS',
    importBatch: async ({ rows }) => ({
      read: rows.length,
      inserted: rows.length,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      results: rows.map((_, index) => ({ index, status: 'INSERTED', reason: null, field: null })),
    }),
  };
  const samples: { rows: number; rssMb: number; heapMb: number }[] = [];
  const checkpoints = [0.1, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * MEMORY_ROWS));
  await runImport({
    api: instant,
    kind: 'fault-tickets',
    file,
    format: 'csv',
    dryRun: true,
    progress: {
      start: () => undefined,
      stop: () => undefined,
      update: (rows) => {
        if (rows < (checkpoints[0] ?? Infinity)) return;
        checkpoints.shift();
        global.gc?.(); // live memory, not garbage waiting for the collector
        const { rss, heapUsed } = process.memoryUsage();
        samples.push({
          rows,
          rssMb: Math.round(rss / 2 ** 20),
          heapMb: Math.round(heapUsed / 2 ** 20),
        });
      },
    },
  });
  return samples;
}

// A filter's shape: its fields, with the operator of each non-plain value (`_id:$in`).
function shapeOf(filter: unknown): string {
  if (!filter || typeof filter !== 'object') return '';
  return Object.entries(filter as Record<string, unknown>)
    .map(([path, value]) => {
      const field = path.replace(/[0-9a-f]{24}/g, '<id>'); // one shape for `items.<id>` paths
      const plain =
        value === null || typeof value !== 'object' || value instanceof Date || !isOperators(value);
      return plain ? field : `${field}:${Object.keys(value as object).join('+')}`;
    })
    .join(',');
}

const isOperators = (value: object) =>
  Object.keys(value).length > 0 && Object.keys(value).every((key) => key.startsWith('$'));

// The shapes of what a command selects by: a find's filter, an update's or delete's statements
// (each shape once), an aggregation's leading `$match`.
function selectedBy(name: string, command: Record<string, unknown>): string {
  if (name === 'find') return shapeOf(command.filter);
  if (name === 'aggregate')
    return shapeOf((command.pipeline as Record<string, unknown>[])?.[0]?.$match);
  const statements = (command.updates ?? command.deletes) as { q: unknown }[] | undefined;
  if (!statements) return '';
  return [...new Set(statements.map((statement) => shapeOf(statement.q)))].join(' | ');
}

// Server time per command, collection and filter shape during the import: where its time goes
// (a filter the stand-in cannot answer from an index shows as a shape that grows with the data).
// Also counts commands and the documents they write (inserted documents, update and delete
// statements), and keeps a copy of the totals at each mark, so each tenth's own time shows.
function profileCommands() {
  const totals = new Map<string, { count: number; ms: number }>();
  const started = new Map<number, string>();
  const counts = { commands: 0, writes: 0 };
  const writesBy = new Map<string, number>();
  const marks: Map<string, { count: number; ms: number }>[] = [];
  const writeMarks: number[] = [];
  const client = mongoose.connection.getClient();
  client.on('commandStarted', (e) => {
    const command = e.command as Record<string, unknown>;
    const target = command[e.commandName];
    const on = typeof target === 'string' ? target : '';
    started.set(e.requestId, `${e.commandName} ${on} {${selectedBy(e.commandName, command)}}`);
    counts.commands += 1;
    const written = command.documents ?? command.updates ?? command.deletes;
    if (Array.isArray(written)) {
      counts.writes += written.length;
      const what = `${e.commandName} ${on}`;
      writesBy.set(what, (writesBy.get(what) ?? 0) + written.length);
    }
  });
  client.on('commandSucceeded', (e) => {
    const key = started.get(e.requestId) ?? e.commandName;
    started.delete(e.requestId);
    const total = totals.get(key) ?? { count: 0, ms: 0 };
    totals.set(key, { count: total.count + 1, ms: total.ms + e.duration });
  });
  const copy = () => new Map([...totals].map(([key, t]) => [key, { ...t }]));
  const zero = { count: 0, ms: 0 };
  return {
    counts: () => ({ ...counts }),
    // Documents written per row by command and collection: what a row costs in stored writes.
    writesPerRow: (rows: number) =>
      [...writesBy]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `${what} ${(n / rows).toFixed(2)}`)
        .join(', '),
    mark: () => {
      marks.push(copy());
      writeMarks.push(counts.writes);
    },
    // Documents written per row in each tenth: flat when a row's work does not grow with history.
    writesPerTenth: (rowsPerTenth: number) =>
      writeMarks.map((n, i) => Number(((n - (writeMarks[i - 1] ?? 0)) / rowsPerTenth).toFixed(2))),
    report: () =>
      [...totals]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, Number(process.env.BENCH_PROFILE_LINES ?? 12))
        .map(([key, t]) => `  ${key}: ${t.count}× ${(t.ms / 1000).toFixed(1)} s`)
        .join('\n'),
    // Each shape's own time in the second tenth (the first warms up) and in the last, by the
    // last: what a batch costs more as the data grows (ms per command shows it at any load).
    growth: () => {
      if (marks.length < 10) return '  (fewer than ten marks)';
      const own = (tenth: number, key: string) => {
        const end = marks[tenth - 1]!.get(key) ?? zero;
        const start = marks[tenth - 2]?.get(key) ?? zero;
        return { count: end.count - start.count, ms: end.ms - start.ms };
      };
      const keys = [...marks[9]!.keys()];
      const line = (t: { count: number; ms: number }) =>
        `${t.count}× ${(t.ms / 1000).toFixed(1)} s (${t.count ? Math.round(t.ms / t.count) : 0} ms)`;
      const all = (tenth: number) => keys.reduce((n, key) => n + own(tenth, key).ms, 0) / 1000;
      return [
        `  all commands: ${all(2).toFixed(1)} s → ${all(10).toFixed(1)} s`,
        ...keys
          .sort((x, y) => own(10, y).ms - own(10, x).ms)
          .slice(0, Number(process.env.BENCH_PROFILE_LINES ?? 12))
          .map((key) => `  ${key}: ${line(own(2, key))} → ${line(own(10, key))}`),
      ].join('\n');
    },
  };
}

/**
 * Per step of a batch (`src/shared/steps.ts`: its reads, its bulk write, each consequence kind,
 * the clearing; nested steps as `outer > inner`): time, commands and documents written, per batch
 * (`BENCH_STEPS=1`; at `BENCH_CONCURRENCY=1` the times are each batch's own, not overlapping).
 */
function stepProfile() {
  type Tally = {
    ms: number;
    runs: number;
    commands: Map<string, number>;
    writes: Map<string, number>;
  };
  const steps = new Map<string, Tally>();
  const of = (name: string) => {
    const found = steps.get(name) ?? { ms: 0, runs: 0, commands: new Map(), writes: new Map() };
    steps.set(name, found);
    return found;
  };
  const stop = recordSteps((name, ms) => {
    const tally = of(name);
    tally.ms += ms;
    tally.runs += 1;
  });
  const client = mongoose.connection.getClient();
  const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
    const name = currentStep() ?? '(outside any step)';
    const target = e.command[e.commandName];
    const what = `${e.commandName} ${typeof target === 'string' ? target : ''}`;
    const tally = of(name);
    tally.commands.set(what, (tally.commands.get(what) ?? 0) + 1);
    const written = e.command.documents ?? e.command.updates ?? e.command.deletes;
    if (Array.isArray(written))
      tally.writes.set(what, (tally.writes.get(what) ?? 0) + written.length);
  };
  client.on('commandStarted', onCommand);
  return {
    stop: () => {
      stop();
      client.off('commandStarted', onCommand);
    },
    report: (batches: number, rows: number) => {
      const per = (n: number, by: number) => (n / by).toFixed(by === rows ? 2 : 1);
      const lines = [...steps]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, t]) => {
          const commands = [...t.commands].map(([what, n]) => `${what} ${per(n, batches)}`);
          const writes = [...t.writes].map(([what, n]) => `${what} ${per(n, rows)}`);
          const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
          return `| ${name} | ${per(t.ms, batches)} | ${per(t.runs, batches)} | ${per(total(t.commands), batches)}: ${commands.join(', ')} | ${per(total(t.writes), rows)}: ${writes.join(', ')} |`;
        });
      return [
        '| step | ms per batch | runs per batch | commands per batch | documents written per row |',
        '| --- | --- | --- | --- | --- |',
        ...lines,
      ].join('\n');
    },
  };
}

const run = promisify(execFile);

/**
 * The stand-in's JVM as the JDK's tools see it (null without them): the memory backend keeps every
 * document in the JVM's heap, so a live heap near the maximum shows as collection time growing
 * per tenth of the file. `gcSeconds`: all collection time so far (jstat's GCT).
 */
async function jvmGcSeconds(pid: number): Promise<number | null> {
  try {
    const { stdout } = await run('jstat', ['-gcutil', String(pid)]);
    const [header, values] = stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/));
    return Number(values![header!.indexOf('GCT')]);
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far (Linux `/proc`; null elsewhere). */
function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The JVM's live heap after a full collection and its maximum, in MB (null without jcmd). */
async function jvmLiveHeap(pid: number): Promise<{ liveMb: number; maxMb: number } | null> {
  try {
    await run('jcmd', [String(pid), 'GC.run']);
    const [{ stdout: heap }, { stdout: flags }] = await Promise.all([
      run('jcmd', [String(pid), 'GC.heap_info']),
      run('jcmd', [String(pid), 'VM.flags']),
    ]);
    const used = /used (\d+)K/.exec(heap);
    const max = /MaxHeapSize=(\d+)/.exec(flags);
    if (!used || !max) return null;
    return {
      liveMb: Math.round(Number(used[1]) / 1024),
      maxMb: Math.round(Number(max[1]) / 2 ** 20),
    };
  } catch {
    return null;
  }
}

/**
 * Where the stand-in's heap goes (`BENCH_HEAP_BY_COLLECTION=1`, a probe that ends the run): each
 * collection's documents, BSON bytes per row, then the live heap each frees when dropped, largest
 * first. The memory backend holds every document as Java objects, several times its BSON size.
 */
async function heapByCollection(pid: number, rows: number): Promise<string[]> {
  const db = mongoose.connection.db!;
  const sizes: { name: string; count: number; bytes: number }[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    let count = 0;
    let bytes = 0;
    for await (const doc of db.collection(name).find({})) {
      count += 1;
      bytes += BSON.calculateObjectSize(doc);
    }
    sizes.push({ name, count, bytes });
  }
  sizes.sort((a, b) => b.bytes - a.bytes);
  const lines: string[] = [];
  let live = (await jvmLiveHeap(pid))?.liveMb ?? NaN;
  for (const { name, count, bytes } of sizes) {
    await db.collection(name).drop();
    const after = (await jvmLiveHeap(pid))?.liveMb ?? NaN;
    lines.push(
      `${name}: ${(count / rows).toFixed(2)} documents, ${Math.round(bytes / rows)} BSON bytes, ${Math.round(((live - after) * 2 ** 20) / rows)} heap bytes per row`,
    );
    live = after;
  }
  lines.push(`left after dropping all: ${live} MB`);
  return lines;
}

// Seconds each tenth of the file took (by rows acknowledged), from the importer's progress.
function tenthsRecorder(total: number, onMark: () => void = () => undefined) {
  const marks: number[] = [];
  let started = 0;
  const progress = {
    start: () => {
      started = performance.now();
    },
    stop: () => undefined,
    update: (rows: number) => {
      while (marks.length < 10 && rows >= ((marks.length + 1) * total) / 10) {
        marks.push(performance.now());
        onMark();
        // Shown as it happens: a province-size run takes a while.
        console.error(`tenth ${marks.length}: ${seconds().at(-1)} s`);
      }
    },
  };
  const seconds = () =>
    marks.map((mark, i) =>
      Number(((mark - (i === 0 ? started : marks[i - 1]!)) / 1000).toFixed(1)),
    );
  return { progress, seconds };
}

/** `npm run bench:imports`: 100 000 fault tickets through the API vs raw bulkWrite; importer memory over 1 000 000 rows. */
export async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'journey-bench-'));
  const server = await startStandIn({ kind: 'memory' });
  const config = loadConfig({
    NODE_ENV: 'test', // command monitoring on, for the time-by-command profile
    // A busy machine can starve the stand-in for a while: wait instead of dropping the connection.
    MONGODB_URI: `${server.uri}/bench_imports?connectTimeoutMS=600000`,
    DB_SERVER_SELECTION_TIMEOUT_MS: '600000',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    DEMO_DATA: 'false',
    DB_OPERATION_TIMEOUT_MS: '0', // a loaded machine may stall a command; the run measures, not bounds
  });
  const service = await startService(config, createLogger(config));
  try {
    const adminToken = readFileSync(path.join(dir, 'initial-admin-token'), 'utf8').trim();
    const ossToken = await prepareWorld(service.url, adminToken, dir);
    const file = path.join(dir, 'tickets.csv');
    await writeLines(file, TICKET_HEADER, TICKETS, ticketLine(createRandom(42)));
    let summary: unknown;
    const profile = profileCommands();
    const steps = process.env.BENCH_STEPS === '1' ? stepProfile() : null;
    const gcSamples = [jvmGcSeconds(server.pid)];
    // Where the import's CPU goes: this process (service and importer) and the stand-in.
    const cpuBefore = { node: process.cpuUsage(), jvm: processCpuSeconds(server.pid) };
    const tenths = tenthsRecorder(TICKETS, () => {
      profile.mark();
      gcSamples.push(jvmGcSeconds(server.pid));
    });
    const ms = await timed(async () => {
      const run = await runImport({
        api: createImportApi(`${service.url}/graphql`, ossToken),
        kind: 'fault-tickets',
        file,
        format: 'csv',
        dryRun: false,
        batchSize: 1000,
        concurrency: CONCURRENCY,
        progress: tenths.progress,
      });
      summary = run.summary;
    });
    steps?.stop();
    const importRate = TICKETS / (ms / 1000);
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const jvmAfter = processCpuSeconds(server.pid);
    const cpu = {
      nodeSeconds: Number(((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)),
      jvmSeconds:
        jvmAfter === null || cpuBefore.jvm === null
          ? null
          : Number((jvmAfter - cpuBefore.jvm).toFixed(1)),
    };
    const timeByCommand = profile.report();
    const growth = profile.growth();
    const counts = profile.counts();
    const writesPerRow = profile.writesPerRow(TICKETS);
    const writesPerTenth = profile.writesPerTenth(TICKETS / 10);
    const gc = await Promise.all(gcSamples);
    const gcPerTenth = gc.every((x) => x !== null)
      ? gc.slice(1).map((x, i) => Number((x! - gc[i]!).toFixed(1)))
      : null;
    const heap = await jvmLiveHeap(server.pid);
    if (process.env.BENCH_HEAP_BY_COLLECTION === '1') {
      console.log(`live heap ${heap?.liveMb} MB; by collection, per row:`);
      for (const line of await heapByCollection(server.pid, TICKETS)) console.log(`  ${line}`);
      return;
    }
    if (steps)
      console.log(
        `steps of a batch (${TICKETS / 1000} batches of 1000 rows, ${CONCURRENCY} in flight):\n${steps.report(TICKETS / 1000, TICKETS)}`,
      );
    const rerunMs = await timed(() =>
      runImport({
        api: createImportApi(`${service.url}/graphql`, ossToken),
        kind: 'fault-tickets',
        file,
        format: 'csv',
        dryRun: false,
        batchSize: 1000,
        concurrency: CONCURRENCY,
      }),
    );
    const baseline = await baselineRowsPerSecond();
    console.log(`server time by command and filter shape during the import:\n${timeByCommand}`);
    console.log(
      `server time of the second tenth → the last (ms per command), by the last:\n${growth}`,
    );
    console.log(
      `per row: ${(counts.commands / TICKETS).toFixed(3)} commands, ${(counts.writes / TICKETS).toFixed(2)} documents written (inserts and update statements; the bulkWrite: 0.001 and 1)`,
    );
    console.log(`documents written per row, by command and collection: ${writesPerRow}`);
    console.log(`documents written per row in each tenth: ${writesPerTenth.join(', ')}`);
    console.log(
      `CPU during the import: service and importer (Node) ${cpu.nodeSeconds} s, stand-in (JVM) ${cpu.jvmSeconds ?? '?'} s, of ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(
      `database: mongo-java-server 1.47 (memory backend); import summary ${JSON.stringify(summary)}`,
    );
    console.log(
      `import: ${TICKETS} fault tickets in ${(ms / 1000).toFixed(1)} s = ${importRate.toFixed(0)} rows/s; unchanged re-run ${(rerunMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `raw driver bulkWrite of the same upserts: ${baseline.toFixed(0)} rows/s; import ÷ bulkWrite ${(importRate / baseline).toFixed(2)} (goal ≥ 0.3)`,
    );
    const tenthSeconds = tenths.seconds();
    const slower = tenthSeconds.at(-1)! / tenthSeconds[0]!;
    console.log(
      `seconds per tenth of the file: ${tenthSeconds.join(', ')}; last ÷ first ${slower.toFixed(2)} (goal ≤ 1.5)`,
    );
    console.log(
      gcPerTenth && heap
        ? `stand-in JVM: collection seconds per tenth ${gcPerTenth.join(', ')}; live heap after the import ${heap.liveMb} MB of at most ${heap.maxMb} MB`
        : 'stand-in JVM: no jstat/jcmd at hand',
    );
    const memory = await memoryProfile(dir);
    console.log(
      `importer memory over ${MEMORY_ROWS} rows: ${memory.map((m) => `${m.rows}: rss ${m.rssMb} MB heap ${m.heapMb} MB`).join('; ')}`,
    );
    console.log(
      JSON.stringify({
        rowsPerSecond: Math.round(importRate),
        bulkWriteRowsPerSecond: Math.round(baseline),
        ratio: Number((importRate / baseline).toFixed(2)),
        tenthSeconds,
        lastTenthOverFirst: Number(slower.toFixed(2)),
        commandsPerRow: Number((counts.commands / TICKETS).toFixed(3)),
        documentsWrittenPerRow: Number((counts.writes / TICKETS).toFixed(2)),
        documentsWrittenPerRowByTenth: writesPerTenth,
        gcSecondsPerTenth: gcPerTenth,
        standInLiveHeapMb: heap?.liveMb ?? null,
        cpuSeconds: cpu,
        memory,
      }),
    );
  } finally {
    await service.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
