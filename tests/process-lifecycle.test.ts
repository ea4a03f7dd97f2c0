import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freshDatabaseUri } from './support/test-service';

const root = path.resolve(__dirname, '..');

type Run = { code: number | null; stdout: string; stderr: string };

const MAIN = ['--import', 'tsx', 'src/main.ts'];
// `npm start` itself: npm, then (through the script's `exec`) the service.
const NPM_START = process.env.npm_execpath
  ? [process.execPath, process.env.npm_execpath, 'start']
  : ['npm', 'start'];

/** Runs `src/main.ts` as a separate process (by default as `npm start` runs it, without npm). */
function startProcess(env: Record<string, string>, command = [process.execPath, ...MAIN]) {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: {
      ...process.env,
      // As `npm start` runs it: jest's NODE_ENV=test would switch off Apollo's own signal handlers
      // and hide a double shutdown.
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'false',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'journey-process-')),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close': the output pipes are shut, so every process writing to them (npm's child too) ended.
  const exited = new Promise<Run>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  const serving = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /"url":"(http:[^"]+)\/graphql"/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((run) => reject(new Error(`exited early: ${run.stderr}${run.stdout}`)));
  });
  serving.catch(() => undefined); // a test that expects an early exit never awaits `serving`
  return { child, exited, serving };
}

describe('the service process', () => {
  it('fails fast with a message naming PORT when PORT=abc', async () => {
    const run = await startProcess({ PORT: 'abc' }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PORT: /);
  });

  it('on SIGTERM finishes the request in flight, closes the database and exits 0', async () => {
    const service = startProcess({ MONGODB_URI: freshDatabaseUri(), PORT: '0', HOST: '127.0.0.1' });
    const url = await service.serving;
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ branches { code } }' }),
    });
    // Give the request time to be accepted, then signal while it may still be running.
    await new Promise((resolve) => setTimeout(resolve, 20));
    service.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    const run = await service.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('shutdown complete');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

/** The embedded database's port, from the record the service writes under DATA_DIR. */
function embeddedPort(dataDir: string): number {
  const record = JSON.parse(readFileSync(path.join(dataDir, 'embedded-db.json'), 'utf8')) as {
    uri: string;
  };
  return Number(new URL(record.uri).port);
}

/** Resolves true when something accepts TCP connections on the loopback port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Processes whose command line names `text` (the embedded database names its DATA_DIR file). */
function processesNaming(text: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return cmdline.includes(text) ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

// Node's own process warnings (a library's deprecation notice) are not the service's output.
const stderrLines = (run: Run) =>
  run.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\(node:\d+\) |^\(Use `node --trace-/.test(line));

describe('the service process, however started', () => {
  it('`npm start`: SIGTERM to npm stops the service and its embedded database', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-npm-'));
    const service = startProcess({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }, NPM_START);
    const url = await service.serving;
    const databasePort = embeddedPort(dataDir);
    expect(await accepts(databasePort)).toBe(true);
    service.child.kill('SIGTERM'); // the npm process, as a supervisor or `kill <pid>` does
    const run = await service.exited;
    expect(run.stdout).toContain('shutdown complete');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(await accepts(databasePort)).toBe(false);
    expect(processesNaming(dataDir)).toEqual([]);
  }, 60_000);

  it('SIGTERM during start-up stops the service once started, and its embedded database', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-starting-'));
    const service = startProcess({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    // The first line is logged while the database is being resolved, long before "serving".
    await new Promise<void>((resolve) => service.child.stdout.once('data', () => resolve()));
    service.child.kill('SIGTERM');
    const run = await service.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Journey is serving');
    expect(run.stdout).toContain('shutdown complete');
    expect(processesNaming(dataDir)).toEqual([]);
  }, 60_000);

  it('a busy port ends in one line naming it, exit 1, and no database left running', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'journey-busy-'));
    try {
      const run = await startProcess({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir })
        .exited;
      expect(run.code).toBe(1);
      expect(stderrLines(run)).toEqual([
        `Journey could not start: port ${port} on 127.0.0.1 is already in use: stop the process using it, or set PORT to another port.`,
      ]);
      expect(processesNaming(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('without Java ends in one line saying what to install, exit 1', async () => {
    const run = await startProcess({
      EMBEDDED_ENGINE: 'mongo-java-server',
      PATH: path.join(os.tmpdir(), 'journey-no-such-dir'),
      JAVA_HOME: '',
    }).exited;
    expect(run.code).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Journey could not start: No database available: set MONGODB_URI/);
    expect(lines[0]).toContain('Java 17+ (java not found)');
  });
});
