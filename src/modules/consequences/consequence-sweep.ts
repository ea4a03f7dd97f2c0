import type { Logger } from '../../config/logger';
import { runOnce } from '../../db/backfill-once';
import { sweepPendingConsequences, sweepUnregistered } from './register-sweep';

/**
 * Applies what a crash, a kill or an error left pending: everything at start (the writers of
 * before are gone), then every `intervalMs` what has been pending for longer than one interval
 * (younger entries normally belong to a writer that is applying them right now). The records are
 * found through the register of writes (write-register); those a database holds from before writes
 * were registered are found once, by scanning, at the first start of this version. Returns `stop`.
 */
export async function startConsequenceSweep(options: {
  logger: Logger;
  intervalMs: number;
}): Promise<() => Promise<void>> {
  const { logger, intervalMs } = options;
  const report = (applied: number) => {
    if (applied > 0) logger.warn({ applied }, 'applied consequences left pending');
  };
  const sweep = async (minAgeMs: number) => report(await sweepPendingConsequences({ minAgeMs }));
  await runOnce('unregisteredConsequences:1', async () => report(await sweepUnregistered()));
  await sweep(0);
  if (intervalMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    // One round at a time: a round slower than the interval (a busy machine) is not joined by
    // others reading the same records.
    running ??= sweep(intervalMs)
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
