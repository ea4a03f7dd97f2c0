import { z } from 'zod';
import { optionalPastInstantCell } from './account-linked-rows';
import { optionalInstantCell } from './row-fields';

// Cells holding a list, such as a status history `ACKNOWLEDGED@2026-03-05T10:05:00+08:00;…`:
// entries separated by `;` in CSV, or an array of such strings in NDJSON.

/** One entry read, or why not (the list cell names the entry). */
export type EntryReading<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A list cell (empty = no entries) whose entries `readEntry` turns into values. */
export const listCell = <T>(format: string, readEntry: (text: string) => EntryReading<T>) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx): T[] => {
      const texts = entryTexts(value);
      if (!texts) {
        ctx.addIssue({ code: 'custom', message: `not a list of ${format} separated by ;` });
        return z.NEVER;
      }
      const values: T[] = [];
      for (const [index, text] of texts.entries()) {
        const entry = readEntry(text);
        if (!entry.ok) {
          ctx.addIssue({
            code: 'custom',
            message: `entry ${index + 1} (${text}): ${entry.reason}`,
          });
          return z.NEVER;
        }
        values.push(entry.value);
      }
      return values;
    });

function entryTexts(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  const parts = typeof value === 'string' ? value.split(';') : Array.isArray(value) ? value : null;
  if (!parts || parts.some((part) => typeof part !== 'string')) return null;
  // A trailing `;` leaves an empty entry: skipped.
  return (parts as string[]).map((part) => part.trim()).filter((part) => part !== '');
}

/** An instant of an entry that has already happened (ISO-8601 with offset). */
export function pastInstantEntry(text: string): EntryReading<Date> {
  return instantEntry(text, true);
}

/** An instant of an entry that may lie ahead (a promise). */
export function anyInstantEntry(text: string): EntryReading<Date> {
  return instantEntry(text, false);
}

function instantEntry(text: string, past: boolean): EntryReading<Date> {
  const parsed = (past ? optionalPastInstantCell() : optionalInstantCell()).safeParse(text);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]!.message };
  if (!parsed.data) return { ok: false, reason: 'a time is missing' };
  return { ok: true, value: parsed.data };
}

/** A code of a fixed set within an entry. */
export function codeEntry<const T extends readonly string[]>(
  codes: T,
  text: string | undefined,
  what: string,
): EntryReading<T[number]> {
  const code = (text ?? '').trim();
  return (codes as readonly string[]).includes(code)
    ? { ok: true, value: code as T[number] }
    : { ok: false, reason: `${what} ${code || '(none)'} is not one of ${codes.join(', ')}` };
}

/**
 * Planned history entries with the `actorLogin` of the stored entry at the same position when it
 * records the same thing: replaying a row with another token of the same system changes nothing.
 */
export function keepActorLogins<T extends { actorLogin: string }>(
  planned: readonly T[],
  stored: readonly T[] | undefined,
  same: (a: T, b: T) => boolean,
): T[] {
  return planned.map((entry, index) => {
    const before = stored?.[index];
    return before && same(entry, before) ? { ...entry, actorLogin: before.actorLogin } : entry;
  });
}

/** Same instant (null and missing are the same). */
export const sameInstant = (a: Date | null | undefined, b: Date | null | undefined) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
