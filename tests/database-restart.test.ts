import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serviceProcesses } from './support/service-process';
import { createBranch } from './support/world';

// The embedded database process dies under a running service (real processes, H2 store).

jest.setTimeout(120_000);

const status = async (url: string) => (await fetch(url)).status;

async function waitForStatus(url: string, wanted: number): Promise<number> {
  let last = await status(url);
  for (let i = 0; i < 150 && last !== wanted; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await status(url);
  }
  return last;
}

const serverPid = (dataDir: string) =>
  (
    JSON.parse(readFileSync(path.join(dataDir, 'embedded-db.json'), 'utf8')) as {
      serverPid: number;
    }
  ).serverPid;

// A thread's state in /proc: what follows the last ')' of its stat line (its name may hold one).
// A thread that ended meanwhile (the JVM ends some of its own) answers nothing any more.
function threadState(pid: number, tid: string): string {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2);
  } catch {
    return 'gone';
  }
}

/**
 * SIGSTOP, then wait until every thread has stopped: the kernel stops the group only when a
 * woken thread runs, so on a busy machine the server's other threads could still answer a quick
 * query for some milliseconds after `kill` returned (seen as a 200 in about 10 ms).
 */
async function freeze(pid: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  const stopped = () =>
    readdirSync(`/proc/${pid}/task`).every((tid) => ['T', 'gone'].includes(threadState(pid, tid)));
  for (let i = 0; i < 500 && !stopped(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(stopped()).toBe(true);
}

describe('a database that comes back', () => {
  const services = serviceProcesses();

  it('restarts a killed embedded database: 503 SERVICE_UNAVAILABLE meanwhile, then ready and writable on the same data', async () => {
    const dataDir = services.dataDir();
    // Down for 3 s before the first restart; requests give up on it after 1 s.
    const service = await services.start(dataDir, {
      DB_RESTART_BACKOFF_MS: '3000',
      DB_SERVER_SELECTION_TIMEOUT_MS: '1000',
    });
    await createBranch(service, 'BEFORE');
    const killed = serverPid(dataDir);
    process.kill(killed, 'SIGKILL');

    expect(await waitForStatus(`${service.url}/readyz`, 503)).toBe(503);
    expect(await status(`${service.url}/healthz`)).toBe(200);
    const during = await service.graphql('{ branches { code } }', {}, service.adminToken);
    expect(during.status).toBe(503);
    expect(during.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    expect(await waitForStatus(`${service.url}/readyz`, 200)).toBe(200);
    expect(serverPid(dataDir)).not.toBe(killed);
    await createBranch(service, 'AFTER');
    const after = await service.graphql<{ branches: { code: string }[] }>(
      '{ branches { code } }',
      {},
      service.adminToken,
    );
    expect(after.data?.branches.map((b) => b.code).sort()).toEqual(['AFTER', 'BEFORE']);
  });

  it('answers SERVICE_UNAVAILABLE within the operation bound while the database is frozen, and serves again when it thaws', async () => {
    const dataDir = services.dataDir();
    const service = await services.start(dataDir, { DB_OPERATION_TIMEOUT_MS: '1500' });
    await createBranch(service, 'FROZEN');
    const frozen = serverPid(dataDir);
    try {
      await freeze(frozen);
      const started = Date.now();
      const during = await service.graphql('{ branches { code } }', {}, service.adminToken);
      const waitedMs = Date.now() - started;
      // The whole answer in one expectation, so that a failure shows what came instead.
      expect(during).toMatchObject({
        status: 503,
        errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      // Bounded by the 1.5 s socket limit (plus a retry of the read), not the 43 s hang of before.
      expect(waitedMs).toBeLessThan(15_000);
    } finally {
      process.kill(frozen, 'SIGCONT');
    }
    expect(await waitForStatus(`${service.url}/readyz`, 200)).toBe(200);
    const after = await service.graphql<{ branches: { code: string }[] }>(
      '{ branches { code } }',
      {},
      service.adminToken,
    );
    expect(after.data?.branches.map((b) => b.code)).toEqual(['FROZEN']);
  });

  it('fails liveness when the database cannot be restarted, so the orchestrator restarts the service', async () => {
    const dataDir = services.dataDir();
    const service = await services.start(dataDir, {
      DB_RESTART_BACKOFF_MS: '500',
      DB_RESTART_ATTEMPTS: '2',
    });
    expect(await status(`${service.url}/healthz`)).toBe(200);
    process.kill(serverPid(dataDir), 'SIGKILL');
    // A store that cannot be opened any more: every restart fails.
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(path.join(dataDir, 'mongo-java-server.mv'), 'not an H2 store');
    expect(await waitForStatus(`${service.url}/healthz`, 503)).toBe(503);
    expect(await status(`${service.url}/readyz`)).toBe(503);
  });
});
