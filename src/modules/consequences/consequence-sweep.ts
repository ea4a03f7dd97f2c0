import type { Logger } from '../../config/logger';
import { runOnce } from '../../db/backfill-once';
import { FINISHED_AFTER_MS, sweepPendingConsequences, sweepUnregistered } from './register-sweep';

/**
 * Applies what a crash, a kill or an error left pending: everything at start (the writers of
 * before are gone), then every `intervalMs` what has been pending for longer than one interval
 * (younger entries normally belong to a writer that is applying them right now). The records are
 * found through the register of writes (write-register); those a database holds from before writes
 * were registered are found once, by scanning, at the first start of this version. Every
 * `scanIntervalMs` (0: never) a scan also applies entries older than FINISHED_AFTER_MS, the one
 * case the register cannot name (a write that landed after its entry was over). Returns `stop`.
 */
export async function startConsequenceSweep(options: {
  logger: Logger;
  intervalMs: number;
  scanIntervalMs?: number;
}): Promise<() => Promise<void>> {
  const { logger, intervalMs, scanIntervalMs = 0 } = options;
  const report = (applied: number) => {
    if (applied > 0) logger.warn({ applied }, 'applied consequences left pending');
  };
  const sweep = async (minAgeMs: number) => report(await sweepPendingConsequences({ minAgeMs }));
  await runOnce('unregisteredConsequences:1', async () => report(await sweepUnregistered()));
  await sweep(0);
  const stops = [
    every(logger, intervalMs, () => sweep(intervalMs)),
    every(logger, scanIntervalMs, async () =>
      report(await sweepUnregistered(new Date(Date.now() - FINISHED_AFTER_MS))),
    ),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

// Runs `round` every `intervalMs` (0: never), one round at a time: a round slower than the interval
// (a busy machine) is not joined by others reading the same records. Returns `stop`.
function every(logger: Logger, intervalMs: number, round: () => Promise<void>) {
  if (intervalMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= round()
      .catch((error: unknown) =>
        // The next round retries: a database away for a while only delays the consequences.
        logger.warn({ err: error }, 'consequence sweep failed; retrying at the next interval'),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
