import pino from 'pino';
import type { Config } from './env';

/** The process-wide structured JSON logger. */
export type Logger = pino.Logger;

/** Builds the JSON logger; secrets that may appear in logged objects are redacted. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'journey' },
    redact: ['req.headers.authorization', 'token', '*.token'],
  });
}
