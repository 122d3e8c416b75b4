/**
 * Business time is always Asia/Shanghai ("Friday 10:00 Beijing time" wherever the server runs).
 * Store instants (Date / epoch ms); convert to the zone only to compute calendar rules or format.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const BUSINESS_TZ = 'Asia/Shanghai';

export type Instant = Date | number | string;

/** The instant as a dayjs in the business zone. */
export function inBusinessTz(at: Instant): Dayjs {
  return dayjs(at).tz(BUSINESS_TZ);
}

/** Parse a wall-clock time written in the business zone ("2026-07-03 10:00") to an instant. */
export function fromBusinessWallClock(wallClock: string): Date {
  return dayjs.tz(wallClock, BUSINESS_TZ).toDate();
}

/** Format an instant for people, in the business zone. */
export function formatBusiness(at: Instant, pattern = 'YYYY-MM-DD HH:mm'): string {
  return inBusinessTz(at).format(pattern);
}

const WEEKDAYS_CN = ['日', '一', '二', '三', '四', '五', '六'];

/** "11月27日 周五 10:00" */
export function formatBusinessFriendly(at: Instant): string {
  const d = inBusinessTz(at);
  return `${d.month() + 1}月${d.date()}日 周${WEEKDAYS_CN[d.day()]} ${d.format('HH:mm')}`;
}

/**
 * The next occurrence of `weekday` (0 = Sunday … 5 = Friday) at hh:mm in the business zone,
 * strictly after `now`. Drops open "Friday 10:00" by default.
 */
export function nextWeekdayAt(now: Instant, weekday: number, hour: number, minute = 0): Date {
  const base = inBusinessTz(now);
  let candidate = base.hour(hour).minute(minute).second(0).millisecond(0);
  const diff = (weekday - candidate.day() + 7) % 7;
  candidate = candidate.add(diff, 'day');
  if (!candidate.isAfter(base)) candidate = candidate.add(7, 'day');
  return candidate.toDate();
}

/** Start of the business-zone calendar day that contains `at`. */
export function startOfBusinessDay(at: Instant): Date {
  return inBusinessTz(at).startOf('day').toDate();
}

/** Whole seconds from `now` until `target` (never negative). */
export function secondsUntil(now: number, target: number): number {
  return Math.max(0, Math.ceil((target - now) / 1000));
}

/** Split a number of seconds into days / hours / minutes / seconds for a countdown. */
export function splitDuration(totalSeconds: number): { days: number; hours: number; minutes: number; seconds: number } {
  const s = Math.max(0, Math.floor(totalSeconds));
  return {
    days: Math.floor(s / 86400),
    hours: Math.floor((s % 86400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}
