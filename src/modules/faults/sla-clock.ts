import { DateTime, IANAZone } from 'luxon';
import { sortStatusHistory, type FaultStatusEvent } from './fault-lifecycle';

/** A span of time [start, end); empty when end ≤ start. */
export type Interval = { start: Date; end: Date };

/** Working time of an SLA policy, read on the local calendar of `timeZone`. */
export type BusinessHours = {
  /** IANA time zone whose calendar days, weekdays and holidays apply (e.g. `Asia/Shanghai`). */
  timeZone: string;
  /** Working weekdays, ISO numbering: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Local opening time `HH:mm`. */
  open: string;
  /** Local closing time `HH:mm`, after `open`; `24:00` means the end of the day. */
  close: string;
  /** Local breaks `HH:mm`–`HH:mm` removed from every working day. */
  breaks: { start: string; end: string }[];
  /** Local dates `YYYY-MM-DD` on which nothing is counted. */
  holidays: string[];
};

/** The clock a repair duration is measured on. */
export type SlaClock =
  { kind: 'TWENTY_FOUR_SEVEN' } | { kind: 'BUSINESS_HOURS'; hours: BusinessHours };

/** Where a ticket stands against its target: the first three while open, the last two once restored. */
export type SlaState = 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'MET' | 'MISSED';

/** Share of the target at which an open ticket becomes at risk (measurement rules: ≥ 75 %). */
export const AT_RISK_SHARE = 0.75;

// Internally everything is epoch milliseconds; Date only crosses the public API.
type Span = { start: number; end: number };
type DayWindow = { from: number; to: number }; // minutes after local midnight, `to` ≤ 1440
type LocalDate = { year: number; month: number; day: number };
type ParsedHours = {
  zone: string;
  weekdays: ReadonlySet<number>;
  windows: DayWindow[];
  holidays: ReadonlySet<string>;
};

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 24 * 60;

/** Sorted union of the intervals: overlapping or touching ones merged, empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  return mergeSpans(intervals.map(toSpan)).map(toInterval);
}

/** The parts of the union of `base` not covered by any of `removed`, sorted and disjoint. */
export function subtractIntervals(
  base: readonly Interval[],
  removed: readonly Interval[],
): Interval[] {
  return subtractSpans(base.map(toSpan), removed.map(toSpan)).map(toInterval);
}

/**
 * Exact minutes (fractional, unrounded) the clock counts in the union of the intervals:
 * wall time on 24 × 7; on business hours only open..close of working, non-holiday local days,
 * minus breaks, with local times resolved in the policy's zone (so DST days are 23 or 25 h).
 */
export function clockMinutes(intervals: readonly Interval[], clock: SlaClock): number {
  const spans = mergeSpans(intervals.map(toSpan));
  if (clock.kind === 'TWENTY_FOUR_SEVEN') return sumMs(spans) / MS_PER_MINUTE;
  const hours = parseBusinessHours(clock.hours);
  const ms = spans.reduce((total, span) => total + businessMs(span, hours), 0);
  return ms / MS_PER_MINUTE;
}

/**
 * Outage intervals from a status history (measurement rules): from the first REPORTED to the first
 * RESTORED; after each REOPENED, from the reopen to the next RESTORED. An interval still open
 * ends at `now`, or is dropped when `now` is omitted. Events are sorted by time (stable).
 */
export function outageIntervals(history: readonly FaultStatusEvent[], now?: Date): Interval[] {
  const spans: Span[] = [];
  let openSince: number | null = null;
  let reported = false;
  for (const { status, at } of sortStatusHistory(history)) {
    const ms = at.getTime();
    if (status === 'REPORTED' && !reported && openSince === null) openSince = ms;
    if (status === 'REOPENED' && openSince === null) openSince = ms;
    if (status === 'RESTORED' && openSince !== null) {
      spans.push({ start: openSince, end: ms });
      openSince = null;
    }
    if (status === 'REPORTED') reported = true;
  }
  if (openSince !== null && now !== undefined) {
    spans.push(toSpan({ start: new Date(openSince), end: now }));
  }
  return spans.filter(isNonEmpty).map(toInterval);
}

/** Repair duration in exact minutes: the outages minus the pauses, on the policy's clock. */
export function repairDurationMinutes(args: {
  outages: readonly Interval[];
  pauses: readonly Interval[];
  clock: SlaClock;
}): number {
  return clockMinutes(subtractIntervals(args.outages, args.pauses), args.clock);
}

/**
 * SLA state of a ticket. Open: BREACHED when elapsed > target, AT_RISK when elapsed ≥ 75 % of
 * the target, else ON_TRACK. Restored (`open: false`, elapsed = repair duration): MET ⇔ ≤ target.
 */
export function slaState(args: {
  open: boolean;
  elapsedMinutes: number;
  targetMinutes: number;
}): SlaState {
  const { open, elapsedMinutes, targetMinutes } = args;
  if (!(Number.isFinite(targetMinutes) && targetMinutes > 0)) {
    throw new RangeError(`targetMinutes must be a positive number, got ${targetMinutes}`);
  }
  if (!(Number.isFinite(elapsedMinutes) && elapsedMinutes >= 0)) {
    throw new RangeError(`elapsedMinutes must be a non-negative number, got ${elapsedMinutes}`);
  }
  if (!open) return elapsedMinutes <= targetMinutes ? 'MET' : 'MISSED';
  if (elapsedMinutes > targetMinutes) return 'BREACHED';
  return elapsedMinutes >= targetMinutes * AT_RISK_SHARE ? 'AT_RISK' : 'ON_TRACK';
}

// ---- spans -------------------------------------------------------------------------------

function toSpan(interval: Interval): Span {
  const start = interval.start.getTime();
  const end = interval.end.getTime();
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new RangeError('interval has an invalid date');
  return { start, end };
}

function toInterval(span: Span): Interval {
  return { start: new Date(span.start), end: new Date(span.end) };
}

function isNonEmpty(span: Span): boolean {
  return span.end > span.start;
}

function sumMs(spans: readonly Span[]): number {
  return spans.reduce((total, span) => total + (span.end - span.start), 0);
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(isNonEmpty).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function subtractSpans(base: readonly Span[], removed: readonly Span[]): Span[] {
  const cuts = mergeSpans(removed);
  return mergeSpans(base).flatMap((span) => cutSpan(span, cuts));
}

/** `span` minus the sorted, disjoint `cuts`. */
function cutSpan(span: Span, cuts: readonly Span[]): Span[] {
  const parts: Span[] = [];
  let cursor = span.start;
  for (const cut of cuts) {
    if (cut.start >= span.end) break;
    if (cut.end <= cursor) continue;
    if (cut.start > cursor) parts.push({ start: cursor, end: cut.start });
    cursor = cut.end; // cuts are disjoint and sorted, so this only moves forward
  }
  if (cursor < span.end) parts.push({ start: cursor, end: span.end });
  return parts;
}

function overlapMs(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

// ---- business hours ----------------------------------------------------------------------

function businessMs(span: Span, hours: ParsedHours): number {
  let total = 0;
  for (const date of localDatesTouching(span, hours.zone)) {
    if (!isWorkingDay(date, hours)) continue;
    for (const window of hours.windows) {
      const local = {
        start: localInstant(date, window.from, hours.zone),
        end: localInstant(date, window.to, hours.zone),
      };
      total += overlapMs(span, local);
    }
  }
  return total;
}

/** Local calendar dates from the one containing span.start to the one containing span.end. */
function localDatesTouching(span: Span, zone: string): LocalDate[] {
  // Walk dates on a UTC calendar: stepping a zoned midnight could skip or repeat on DST days.
  const toUtcDate = (ms: number): DateTime => {
    const local = DateTime.fromMillis(ms, { zone });
    return DateTime.utc(local.year, local.month, local.day);
  };
  const last = toUtcDate(span.end);
  const dates: LocalDate[] = [];
  for (let date = toUtcDate(span.start); date <= last; date = date.plus({ days: 1 })) {
    dates.push({ year: date.year, month: date.month, day: date.day });
  }
  return dates;
}

function isWorkingDay(date: LocalDate, hours: ParsedHours): boolean {
  const utc = DateTime.utc(date.year, date.month, date.day);
  return hours.weekdays.has(utc.weekday) && !hours.holidays.has(utc.toISODate() ?? '');
}

/** The instant of a local wall time; times in a DST gap move forward (luxon's rule). */
function localInstant(date: LocalDate, minuteOfDay: number, zone: string): number {
  const dayOffset = Math.floor(minuteOfDay / MINUTES_PER_DAY); // 24:00 is next day's 00:00
  const minute = minuteOfDay % MINUTES_PER_DAY;
  const calendar = DateTime.utc(date.year, date.month, date.day).plus({ days: dayOffset });
  return DateTime.fromObject(
    {
      year: calendar.year,
      month: calendar.month,
      day: calendar.day,
      hour: Math.floor(minute / 60),
      minute: minute % 60,
    },
    { zone },
  ).toMillis();
}

function parseBusinessHours(hours: BusinessHours): ParsedHours {
  if (!IANAZone.isValidZone(hours.timeZone)) {
    throw new RangeError(`business hours: unknown time zone ${hours.timeZone}`);
  }
  const open = parseLocalTime(hours.open, 'open');
  const close = parseLocalTime(hours.close, 'close');
  if (open >= close) throw new RangeError('business hours: open must be before close');
  const breaks = hours.breaks.map((b, i) => parseBreak(b, i));
  const windows = subtractSpans([{ start: open, end: close }], breaks);
  return {
    zone: hours.timeZone,
    weekdays: new Set(hours.weekdays.map(parseWeekday)),
    windows: windows.map((w) => ({ from: w.start, to: w.end })),
    holidays: new Set(hours.holidays.map(parseHoliday)),
  };
}

function parseBreak(range: { start: string; end: string }, index: number): Span {
  const start = parseLocalTime(range.start, `breaks[${index}].start`);
  const end = parseLocalTime(range.end, `breaks[${index}].end`);
  if (start >= end)
    throw new RangeError(`business hours: breaks[${index}] must start before it ends`);
  return { start, end };
}

/** `HH:mm` (00:00–23:59, or 24:00) → minutes after midnight. */
function parseLocalTime(value: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (value === '24:00') return MINUTES_PER_DAY;
  if (match === null) throw new RangeError(`business hours: ${field} must be HH:mm, got ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function parseWeekday(weekday: number): number {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new RangeError(`business hours: weekday must be 1 (Mon) to 7 (Sun), got ${weekday}`);
  }
  return weekday;
}

function parseHoliday(date: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid;
  if (!valid) throw new RangeError(`business hours: holiday must be YYYY-MM-DD, got ${date}`);
  return date;
}
