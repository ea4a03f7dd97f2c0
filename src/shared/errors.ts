import { isDuplicateKey } from '../db/duplicate-key';
import type { ZodError } from 'zod';

/** Stable, machine-readable error codes; clients switch on `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'SERVICE_UNAVAILABLE',
] as const;

/** One of the public error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A domain error whose message and code are safe to show to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The offending input field, as a dotted path (`input.promisedAt`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /**
   * Read by graphql-js and Apollo when the error is thrown in a resolver: an authentication
   * failure answers HTTP 401 wherever it is raised, like a bad token in the context.
   */
  get extensions(): Record<string, unknown> {
    return this.code === 'UNAUTHENTICATED'
      ? {
          code: this.code,
          http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
        }
      : { code: this.code };
  }
}

/** Message of SERVICE_UNAVAILABLE: the database is down, restarting, or not answering in time. */
export const UNAVAILABLE_MESSAGE =
  'The database is not reachable at the moment; nothing was changed unless an earlier attempt was acknowledged. Retry shortly.';

/** Bad input on one field. */
export const badInput = (field: string, message: string): AppError =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, field);

/** Unknown id — also used for objects the caller may not see, so existence is not revealed. */
export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);

/** Translates zod issues into one error naming the first offending field (all are in the message). */
export function fromZodError(error: ZodError, prefix = 'input'): AppError {
  const issues = error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const first = issues[0] ?? { field: prefix, message: 'invalid' };
  const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', message, first.field);
}

/** Turns a duplicate-key error into a field-level conflict; other errors pass. */
export function fromDuplicateKey(error: unknown, field: string, message: string): unknown {
  return isDuplicateKey(error) ? new AppError('CONFLICT', message, field) : error;
}
