import type { Logger } from '../../config/logger';
import { sweepPendingConsequences } from './pending-consequences';

/**
 * Applies what a crash, a kill or an error left pending: everything at start (the writers of
 * before are gone), then every `intervalMs` what has been pending for longer than one interval
 * (younger entries normally belong to a writer that is applying them right now). Returns `stop`.
 */
export async function startConsequenceSweep(options: {
  logger: Logger;
  intervalMs: number;
}): Promise<() => Promise<void>> {
  const { logger, intervalMs } = options;
  const sweep = async (minAgeMs: number) => {
    const applied = await sweepPendingConsequences({ minAgeMs });
    if (applied > 0) logger.warn({ applied }, 'applied consequences left pending');
  };
  await sweep(0);
  if (intervalMs <= 0) return async () => {};
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweep(intervalMs).catch((error: unknown) =>
      // The next round retries: a database away for a while only delays the consequences.
      logger.warn({ err: error }, 'consequence sweep failed; retrying at the next interval'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
