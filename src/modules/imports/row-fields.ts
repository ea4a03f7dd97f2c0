import { z } from 'zod';
import {
  isPlainText,
  isSupportedInstant,
  OUT_OF_RANGE_MESSAGE,
  PLAIN_TEXT_MESSAGE,
} from '../../shared/inputs';

// Import rows arrive as CSV strings or NDJSON values: empty cells mean "not given".
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

// The same text rules as every GraphQL argument (src/graphql/argument-guards.ts).
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(isPlainText, PLAIN_TEXT_MESSAGE);

/** A required text cell. */
export const textCell = (max = 300) => z.preprocess(blankToUndefined, text(max));

/** An optional text cell (empty = null). */
export const optionalTextCell = (max = 300) =>
  z.preprocess(blankToUndefined, text(max).optional()).transform((v) => v ?? null);

const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
    'not an ISO-8601 time with offset',
  )
  .transform((text) => new Date(text))
  .refine((date) => !Number.isNaN(date.getTime()), 'not a valid time')
  .refine((date) => isSupportedInstant(date), OUT_OF_RANGE_MESSAGE);

/** A required ISO-8601 instant with offset (or Z). */
export const instantCell = () => z.preprocess(blankToUndefined, instant);

/** An optional instant (empty = null). */
export const optionalInstantCell = () =>
  z.preprocess(blankToUndefined, instant.optional()).transform((v) => v ?? null);

const integer = (min: number, max: number) =>
  z.coerce.number({ error: 'not a number' }).int('not a whole number').min(min).max(max);

/** An integer cell within bounds. */
export const integerCell = (min: number, max: number) =>
  z.preprocess(blankToUndefined, integer(min, max));

/** An optional integer cell (empty = null). */
export const optionalIntegerCell = (min: number, max: number) =>
  z.preprocess(blankToUndefined, integer(min, max).optional()).transform((v) => v ?? null);

/** A boolean cell: true/false/yes/no/1/0 (empty = null). */
export const optionalBooleanCell = () =>
  z
    .preprocess(
      (value) => {
        const blank = blankToUndefined(value);
        if (typeof blank !== 'string') return blank;
        const lower = blank.trim().toLowerCase();
        if (['true', 'yes', '1', 'y'].includes(lower)) return true;
        if (['false', 'no', '0', 'n'].includes(lower)) return false;
        return blank;
      },
      z.boolean({ error: 'not true/false' }).optional(),
    )
    .transform((v) => v ?? null);

/** One of a fixed set of codes. */
export const enumCell = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values));
