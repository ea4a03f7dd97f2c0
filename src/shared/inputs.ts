import { z } from 'zod';

/** A short code (branch codes, source systems): letters, digits, _ and -. */
export const codeInput = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

/** An IANA time zone known to this runtime. */
export const timeZoneInput = z
  .string()
  .refine(
    (zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone),
    'unknown IANA time zone',
  );
