import { ConfigError, loadConfig, type Config } from './config/env';
import { createLogger } from './config/logger';
import { startService } from './service';
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

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  try {
    const service = await startService(config, logger);
    let stopping = false;
    // A repeated signal (e.g. from a supervisor and its child wrapper) must not cut the drain short.
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal, alreadyStopping: stopping }, 'signal received');
      if (stopping) return;
      stopping = true;
      service.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  } catch (error) {
    // One line a newcomer can act on; the whole error for whoever asks with LOG_LEVEL=debug.
    logger.debug({ err: error }, 'start-up failure');
    process.stderr.write(`${startupFailureMessage(error, config)}\n`);
    process.exit(1);
  }
}

void main();
