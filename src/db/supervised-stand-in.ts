import type { Logger } from '../config/logger';
import { startStandIn, type StandIn, type StandInStorage } from './mongo-java-server';

/** Whether the embedded database is serving, being restarted, or could not be restarted. */
export type EmbeddedHealth = 'up' | 'restarting' | 'failed';

/** An embedded stand-in kept running by this process. */
export type SupervisedStandIn = {
  uri: string;
  health(): EmbeddedHealth;
  /** Process id of the database server running now. */
  pid(): number;
  stop(): Promise<void>;
};

/**
 * Starts the stand-in and restarts it whenever it exits unexpectedly (killed, crashed): on the same
 * port and data, so the driver reconnects by itself, after `backoffMs`, doubling per failed
 * attempt. After `attempts` failures in a row it gives up: `health()` is `failed`, so liveness
 * fails and an orchestrator restarts the whole service. `onRestart` is told each new process.
 */
export async function superviseStandIn(options: {
  storage: StandInStorage;
  logger: Logger;
  backoffMs: number;
  attempts: number;
  onRestart?: (server: StandIn) => void;
}): Promise<SupervisedStandIn> {
  const { storage, logger, backoffMs, attempts } = options;
  let current = await startStandIn(storage);
  let state: EmbeddedHealth = 'up';
  let stopping = false;

  const restart = async () => {
    state = 'restarting';
    logger.error({ pid: current.pid }, 'embedded database exited; restarting it');
    for (let attempt = 0; attempt < attempts && !stopping; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
      if (stopping) return;
      try {
        current = await startStandIn(storage, current.port);
        state = 'up';
        logger.info({ pid: current.pid, attempt: attempt + 1 }, 'embedded database restarted');
        options.onRestart?.(current);
        watch(current);
        return;
      } catch (error) {
        logger.error({ err: error, attempt: attempt + 1 }, 'embedded database restart failed');
      }
    }
    if (!stopping) {
      state = 'failed';
      logger.fatal('embedded database could not be restarted; liveness now fails');
    }
  };
  const watch = (server: StandIn) => {
    void server.exited.then(() => {
      if (!stopping && server === current) void restart();
    });
  };
  watch(current);

  return {
    uri: current.uri,
    health: () => state,
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
