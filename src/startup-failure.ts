import type { Config } from './config/env';
import { DatabaseUnavailableError } from './db/resolve-database';

/** A MongoDB URI without its credentials, fit for a message. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//…@');
}

type SystemError = Error & { code?: string; syscall?: string };

/**
 * The one line a failed start ends with: what went wrong and what to do, for the usual causes;
 * otherwise the error's own first line (LOG_LEVEL=debug logs the whole error).
 */
export function startupFailureMessage(
  error: unknown,
  config: Pick<Config, 'PORT' | 'HOST' | 'MONGODB_URI'>,
): string {
  const prefix = 'Journey could not start: ';
  if (error instanceof DatabaseUnavailableError) return prefix + error.message;
  const { code, syscall, name, message } = (error ?? {}) as SystemError;
  const where = `port ${config.PORT} on ${config.HOST}`;
  if (syscall === 'listen' && code === 'EADDRINUSE') {
    return `${prefix}${where} is already in use: stop the process using it, or set PORT to another port.`;
  }
  if (syscall === 'listen' && code === 'EACCES') {
    return `${prefix}not allowed to listen on ${where}: set PORT to a port above 1023.`;
  }
  if (syscall === 'listen' && code === 'EADDRNOTAVAIL') {
    return `${prefix}HOST ${config.HOST} is not an address of this machine: set HOST (0.0.0.0 = all).`;
  }
  if (config.MONGODB_URI && /ServerSelectionError|MongoNetworkError/.test(name ?? '')) {
    return `${prefix}cannot reach the database at ${redactUri(config.MONGODB_URI)} (MONGODB_URI): ${firstLine(message)}`;
  }
  return prefix + firstLine(message ?? String(error));
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.trim() || 'unknown error';
}
