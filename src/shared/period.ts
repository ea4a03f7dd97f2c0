import { DateTime } from 'luxon';

/** Time zone for calendar boundaries when a branch has none configured (measurement rules). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Length of a reporting period. */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

/**
 * A reporting period: the instants [start, end) of a calendar year, quarter or month in
 * `timeZone`. The zone travels with the period so that previous and sub-periods keep it.
 */
export type Period = {
  label: string;
  kind: PeriodKind;
  start: Date;
  end: Date;
  timeZone: string;
};

/** Thrown when a period label is not `YYYY`, `YYYY-Qn` (n = 1–4) or `YYYY-MM` (MM = 01–12). */
export class PeriodFormatError extends Error {
  override readonly name = 'PeriodFormatError';

  constructor(
    readonly text: string,
    reason: string,
  ) {
    super(`Invalid period "${text}": ${reason}`);
  }
}

// Strict and case-sensitive: labels are identifiers in URLs, caches and targets, so exactly one
// spelling per period is accepted.
const LABEL_PATTERN = /^(\d{4})(?:-Q(\d)|-(\d{2}))?$/;

const ONE: Record<PeriodKind, { years: 1 } | { quarters: 1 } | { months: 1 }> = {
  YEAR: { years: 1 },
  QUARTER: { quarters: 1 },
  MONTH: { months: 1 },
};

const UNIT = { YEAR: 'year', QUARTER: 'quarter', MONTH: 'month' } as const;

/** Parses `YYYY`, `YYYY-Qn` or `YYYY-MM` into the period it names in `timeZone`. */
export function parsePeriod(text: string, timeZone: string = DEFAULT_TIME_ZONE): Period {
  const match = LABEL_PATTERN.exec(text);
  if (!match) {
    throw new PeriodFormatError(text, 'expected YYYY, YYYY-Qn (n = 1–4) or YYYY-MM (MM = 01–12)');
  }
  const [, year, quarter, month] = match;
  if (quarter !== undefined) {
    const n = Number(quarter);
    if (n < 1 || n > 4) throw new PeriodFormatError(text, 'quarter must be 1–4');
    return periodFrom(localTime({ year: Number(year), month: n * 3 - 2 }, timeZone), 'QUARTER');
  }
  if (month !== undefined) {
    const n = Number(month);
    if (n < 1 || n > 12) throw new PeriodFormatError(text, 'month must be 01–12');
    return periodFrom(localTime({ year: Number(year), month: n }, timeZone), 'MONTH');
  }
  return periodFrom(localTime({ year: Number(year), month: 1 }, timeZone), 'YEAR');
}

/** The period of the given kind that contains the instant `date` in `timeZone`. */
export function periodContaining(
  date: Date,
  kind: PeriodKind,
  timeZone: string = DEFAULT_TIME_ZONE,
): Period {
  return periodFrom(check(DateTime.fromJSDate(date, { zone: timeZone })), kind);
}

/** The period of the same length just before `period` (2026-Q1 → 2025-Q4, 2026-01 → 2025-12). */
export function previousPeriod(period: Period): Period {
  return periodFrom(startOf(period).minus(ONE[period.kind]), period.kind);
}

/** The quarters a period is measured by: a year's four, a quarter itself, a month's quarter. */
export function quartersOf(period: Period): Period[] {
  const first = startOf(period);
  const count = period.kind === 'YEAR' ? 4 : 1;
  return Array.from({ length: count }, (_, i) =>
    periodFrom(first.plus({ quarters: i }), 'QUARTER'),
  );
}

/** Whether the period is over at `now` (its end is not after `now`), so its figures are final. */
export function isClosedPeriod(period: Period, now: Date): boolean {
  return period.end.getTime() <= now.getTime();
}

function periodFrom(anyInstant: DateTime, kind: PeriodKind): Period {
  const start = anyInstant.startOf(UNIT[kind]);
  return {
    label: labelOf(start, kind),
    kind,
    start: start.toJSDate(),
    end: start.plus(ONE[kind]).toJSDate(),
    timeZone: start.zoneName ?? DEFAULT_TIME_ZONE,
  };
}

function labelOf(start: DateTime, kind: PeriodKind): string {
  const year = String(start.year).padStart(4, '0');
  if (kind === 'YEAR') return year;
  if (kind === 'QUARTER') return `${year}-Q${start.quarter}`;
  return `${year}-${String(start.month).padStart(2, '0')}`;
}

function startOf(period: Period): DateTime {
  return check(DateTime.fromJSDate(period.start, { zone: period.timeZone }));
}

function localTime(fields: { year: number; month: number }, timeZone: string): DateTime {
  return check(DateTime.fromObject(fields, { zone: timeZone }));
}

// An unknown zone or an invalid Date is a programming/configuration error, not a bad label.
function check(value: DateTime): DateTime {
  if (!value.isValid) {
    throw new RangeError(value.invalidExplanation ?? `invalid date (${value.invalidReason})`);
  }
  return value;
}
