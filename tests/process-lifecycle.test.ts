import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabaseUri } from './support/test-service';

const root = path.resolve(__dirname, '..');

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `src/main.ts` as a separate process, as `npm start` does. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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
  const exited = new Promise<Run>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
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
