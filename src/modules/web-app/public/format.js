// Numbers rounded for people (the API keeps full precision) and periods/dates in a branch's zone.
import { currentLanguage, t } from './i18n.js';

/** How each figure is shown: its unit decides the rounding. */
export const FIGURE_UNITS = {
  satisfactionIndex: 'index',
  compositeScore: 'index',
  cs1: 'score',
  cs2: 'score',
  cs3: 'score',
  nps: 'index',
  lead: 'index',
  topBoxShare: 'share',
  top3BoxShare: 'share',
  activationOnTimeRate: 'share',
  faultWithinSlaRate: 'share',
  followUpCoverage: 'share',
  postActivationFollowUpRate: 'share',
  postRepairFollowUpRate: 'share',
  complaintFirstContactRate: 'share',
  complaintResolutionRate: 'share',
  complaintsPer100Accounts: 'index',
  withinSlaRate: 'share',
  repeatRate: 'share',
  activationLatenessMinutes: 'minutes',
  acknowledgementMinutes: 'minutes',
  mttrMinutes: 'minutes',
  p90Minutes: 'minutes',
};

const numberFormat = (digits) =>
  new Intl.NumberFormat(currentLanguage(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** A value in a unit, rounded for reading; '—' when there is none. */
export function formatValue(value, unit) {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'share':
      return new Intl.NumberFormat(currentLanguage(), {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'score':
      return numberFormat(2).format(value);
    case 'minutes':
      return formatMinutes(value);
    case 'count':
      return numberFormat(0).format(value);
    default:
      return numberFormat(1).format(value);
  }
}

function formatMinutes(minutes) {
  const whole = Math.round(minutes);
  if (whole < 60) return t('min', { m: whole });
  const [h, m] = [Math.floor(whole / 60), whole % 60];
  return m === 0 ? t('hours', { h }) : t('hmin', { h, m });
}

/** A change against the previous period, signed, in the figure's unit ('—' without both). */
export function formatChange(value, previous, unit) {
  if (value === null || previous === null || value === undefined || previous === undefined) {
    return '—';
  }
  const change = value - previous;
  const shown = unit === 'share' ? formatPoints(change) : formatValue(Math.abs(change), unit);
  if (unit === 'share') return shown;
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${shown}`;
}

// A change of a share in percentage points, e.g. +2.5 pp.
function formatPoints(change) {
  const points = numberFormat(1).format(Math.abs(change * 100));
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return currentLanguage() === 'zh-CN' ? `${sign}${points} 个百分点` : `${sign}${points} pp`;
}

/** An interval "low – high" in the figure's unit, '—' without one. */
export function formatInterval(low, high, unit) {
  if (low === null || high === null || low === undefined || high === undefined) return '—';
  return `${formatValue(low, unit)} – ${formatValue(high, unit)}`;
}

/** A date and time in the branch's time zone. */
export function formatDateTime(iso, timeZone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(currentLanguage(), {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A period label (2026, 2026-Q1, 2026-03) in words of the current language. */
export function formatPeriod(label) {
  const zh = currentLanguage() === 'zh-CN';
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return zh ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15));
    return new Intl.DateTimeFormat(currentLanguage(), {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(date);
  }
  return zh ? `${label}年` : label;
}

/** Which kind a period label is: 'month', 'quarter' or 'year'; null when it is none. */
export function periodKind(label) {
  if (/^\d{4}$/.test(label)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(label)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label)) return 'month';
  return null;
}

/** Year and month (1–12) now in a time zone. */
function nowIn(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' })
    .formatToParts(new Date())
    .reduce((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  return { year: parts.year, month: parts.month };
}

const pad = (month) => String(month).padStart(2, '0');

/** The current period of a kind in a time zone (the open one). */
export function currentPeriod(kind, timeZone) {
  return recentPeriods(kind, timeZone, 1)[0];
}

/** The `count` periods of a kind ending with the current one in a time zone, newest first. */
export function recentPeriods(kind, timeZone, count) {
  const { year, month } = nowIn(timeZone);
  return periodsEndingAt(kind === 'year' ? `${year}` : monthLabel(kind, year, month), count);
}

function monthLabel(kind, year, month) {
  return kind === 'quarter' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${pad(month)}`;
}

/** The `count` periods of the label's kind ending with it, newest first (2026-Q1, 2025-Q4, …). */
export function periodsEndingAt(label, count) {
  const kind = periodKind(label);
  const labels = [];
  let year = Number(label.slice(0, 4));
  let index =
    kind === 'quarter' ? Number(label.slice(6)) : kind === 'month' ? Number(label.slice(5)) : 1;
  const perYear = kind === 'quarter' ? 4 : kind === 'month' ? 12 : 1;
  for (let i = 0; i < count; i += 1) {
    labels.push(
      kind === 'year'
        ? `${year}`
        : kind === 'quarter'
          ? `${year}-Q${index}`
          : `${year}-${pad(index)}`,
    );
    index -= 1;
    if (index < 1) {
      year -= 1;
      index = perYear;
    }
  }
  return labels;
}

/**
 * The trend window of a period, oldest first: the 12 months ending with a month, else the 8
 * quarters ending with a quarter or with a year's last quarter (the current one for this year).
 */
export function trendPeriods(label, timeZone) {
  const kind = periodKind(label);
  if (kind === 'month') return periodsEndingAt(label, 12).reverse();
  const current = currentPeriod('quarter', timeZone);
  const yearEnd = `${label}-Q4` > current ? current : `${label}-Q4`;
  return periodsEndingAt(kind === 'year' ? yearEnd : label, 8).reverse();
}
