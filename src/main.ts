import { ConfigError, loadConfig, type Config } from './config/env';
import { createLogger } from './config/logger';
import { startService } from './service';

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
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'signal received');
      service.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  } catch (error) {
    logger.fatal({ err: error }, 'Journey could not start');
    process.exit(1);
  }
}

void main();
