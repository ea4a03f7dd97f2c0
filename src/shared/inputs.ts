import { z } from 'zod';

/** A short code (branch codes, source systems): letters, digits, _ and -. */
export const codeInput = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

/** The first instant the product records: nothing of a key account's journey predates it. */
export const SUPPORTED_FROM = new Date('1990-01-01T00:00:00Z');

/** How many years ahead of now a plan (a due or promised time, an expiry) may lie. */
export const SUPPORTED_YEARS_AHEAD = 10;

/** The end of the supported range as of `now`: the same instant `SUPPORTED_YEARS_AHEAD` later. */
export function supportedUntil(now = new Date()): Date {
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + SUPPORTED_YEARS_AHEAD);
  return until;
}

/** The message of an instant outside the supported range, on every write path. */
export const OUT_OF_RANGE_MESSAGE = `must be between ${SUPPORTED_FROM.toISOString()} and ${SUPPORTED_YEARS_AHEAD} years from now`;

/** Whether an instant lies in the supported range (and is a valid date at all). */
export function isSupportedInstant(date: Date, now = new Date()): boolean {
  const time = date.getTime();
  return time >= SUPPORTED_FROM.getTime() && time <= supportedUntil(now).getTime();
}

/** The message of text with control characters or broken UTF-16, on every write path. */
export const PLAIN_TEXT_MESSAGE = 'must not contain control characters';

const CONTROL_OR_LONE_SURROGATE =
  // Matching control characters is the point of this expression.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether text is free of control characters other than tab and line breaks (NUL in a name or an
 * id corrupts exports and lookups) and of unpaired surrogates (not encodable as UTF-8).
 */
export function isPlainText(text: string): boolean {
  return !CONTROL_OR_LONE_SURROGATE.test(text);
}

/** How far a client's clock may run ahead of the service's before an instant counts as future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The message of a time in the future where only past times make sense, on every write path. */
export const FUTURE_MESSAGE = 'cannot be in the future';

/** Whether an instant has happened, allowing `CLOCK_SKEW_MS` of client clock skew. */
export const isNotFuture = (date: Date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS;

/** An instant that has already happened (up to `CLOCK_SKEW_MS` of client clock skew allowed). */
export const pastInstantInput = z.date().refine(isNotFuture, FUTURE_MESSAGE);

/** A 24-hex-digit ObjectId, as ids are given to the API. */
export const objectIdInput = z.string().regex(/^[0-9a-fA-F]{24}$/, 'not an id');

/** An IANA time zone known to this runtime. */
export const timeZoneInput = z
  .string()
  .refine(
    (zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone),
    'unknown IANA time zone',
  );
