import type { SlaClock } from '../faults/sla-clock';
import type { PolicyClock } from './resolve-policy';

/** A clock as the API shows it (`SlaClockSetting`). */
export type SlaClockView = {
  kind: 'TWENTY_FOUR_SEVEN' | 'BUSINESS_HOURS';
  timeZone: string | null;
  weekdays: number[] | null;
  open: string | null;
  close: string | null;
  breaks: { start: string; end: string }[] | null;
  holidays: string[] | null;
};

/**
 * Flattens a stored policy clock or an effective clock; `timeZone` is shown for an effective
 * 24 × 7 clock (business hours carry their own), null on a policy version.
 */
export function clockView(
  clock: SlaClock | PolicyClock,
  timeZone: string | null = null,
): SlaClockView {
  if (clock.kind === 'TWENTY_FOUR_SEVEN') {
    return {
      kind: clock.kind,
      timeZone,
      weekdays: null,
      open: null,
      close: null,
      breaks: null,
      holidays: null,
    };
  }
  const hours = 'hours' in clock ? clock.hours : { ...clock, timeZone };
  return {
    kind: clock.kind,
    timeZone: hours.timeZone,
    weekdays: hours.weekdays,
    open: hours.open,
    close: hours.close,
    breaks: hours.breaks,
    holidays: hours.holidays,
  };
}
