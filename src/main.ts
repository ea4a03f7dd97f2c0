import { ConfigError, loadConfig, type Config } from './config/env';
import { createLogger, type Logger } from './config/logger';
import { startService, type RunningService } from './service';
import { startupFailureMessage } from './startup-failure';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Signal handling, installed before start-up: the "serving" line can reach a supervisor (or a
 * test) before the main thread has run another statement, and a SIGTERM without a handler kills
 * the process before it closes its database.
 */
function handleStopSignals(logger: Logger) {
  let stopping = false;
  let stopService: (() => Promise<void>) | undefined;
  const stop = (stopNow: () => Promise<void>) =>
    stopNow().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  // A repeated signal (e.g. from a supervisor and its child wrapper) must not cut the drain short.
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal, alreadyStopping: stopping }, 'signal received');
    if (stopping) return;
    stopping = true;
    // During start-up the service stops as soon as it has started (nothing half-built is left).
    if (stopService) void stop(stopService);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return (service: RunningService) => {
    stopService = service.stop;
    if (stopping) void stop(stopService);
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const started = handleStopSignals(logger);
  try {
    started(await startService(config, logger));
  } catch (error) {
    // One line a newcomer can act on; the whole error for whoever asks with LOG_LEVEL=debug.
    logger.debug({ err: error }, 'start-up failure');
    process.stderr.write(`${startupFailureMessage(error, config)}\n`);
    process.exit(1);
  }
}

void main();
