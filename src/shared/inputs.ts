import { z } from 'zod';

/** A short code (branch codes, source systems): letters, digits, _ and -. */
export const codeInput = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

/** How far a client's clock may run ahead of the service's before an instant counts as future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** An instant that has already happened (up to `CLOCK_SKEW_MS` of client clock skew allowed). */
export const pastInstantInput = z
  .date()
  .refine((date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS, 'cannot be in the future');

/** A 24-hex-digit ObjectId, as ids are given to the API. */
export const objectIdInput = z.string().regex(/^[0-9a-fA-F]{24}$/, 'not an id');

/** An IANA time zone known to this runtime. */
export const timeZoneInput = z
  .string()
  .refine(
    (zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone),
    'unknown IANA time zone',
  );
