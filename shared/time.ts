/**
 * Business time is always Asia/Shanghai ("Friday 10:00 Beijing time" wherever the server runs).
 * Store instants (Date / epoch ms); convert to the zone only to compute calendar rules or format.
 *
 * No Intl: some WeChat JS runtimes have no (or a broken) `Intl.DateTimeFormat` with `timeZone`,
 * which dayjs' timezone plugin needs. The zone's UTC offset comes from the table below instead,
 * and dayjs (utc plugin only) works with that fixed offset. Exact for every instant from 1970 on
 * (tzdata has no rule for the zone after 1991); before 1970 it says +08:00 where tzdata has LMT
 * (before 1901) and the summer times of 1919 and 1940–1949.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const BUSINESS_TZ = 'Asia/Shanghai';

export type Instant = Date | number | string;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** China Standard Time, UTC+8 (minutes). */
const CST = 480;
/** China's summer time, UTC+9 (minutes). */
const CDT = 540;

/**
 * China's summer time, 1986–1991: [start, end) in epoch ms, UTC+9 inside, UTC+8 everywhere else.
 * Each summer began at 02:00 CST (clocks to 03:00) and ended at 02:00 CDT (clocks back to 01:00).
 * Source: tzdata Asia/Shanghai, `zdump -v Asia/Shanghai` (Debian tzdata 2025b), and the same
 * instants from Node 20's Intl (ICU tz 2025c); tests/unit/time.test.ts checks them against Intl.
 */
const SUMMER_TIME: readonly (readonly [start: number, end: number])[] = [
  [515_527_200_000, 527_014_800_000], // 1986-05-03T18:00Z – 1986-09-13T17:00Z
  [545_162_400_000, 558_464_400_000], // 1987-04-11T18:00Z – 1987-09-12T17:00Z
  [577_216_800_000, 589_914_000_000], // 1988-04-16T18:00Z – 1988-09-10T17:00Z
  [608_666_400_000, 621_968_400_000], // 1989-04-15T18:00Z – 1989-09-16T17:00Z
  [640_116_000_000, 653_418_000_000], // 1990-04-14T18:00Z – 1990-09-15T17:00Z
  [671_565_600_000, 684_867_600_000], // 1991-04-13T18:00Z – 1991-09-14T17:00Z
];
const FIRST_SUMMER = SUMMER_TIME[0][0];
const LAST_SUMMER_END = SUMMER_TIME[SUMMER_TIME.length - 1][1];

/** The business zone's UTC offset at the instant `ms`, in minutes: 480, or 540 in 1986–1991 summers. */
export function businessUtcOffset(ms: number): number {
  if (ms >= LAST_SUMMER_END || ms < FIRST_SUMMER) return CST;
  for (const [start, end] of SUMMER_TIME) if (ms < end) return ms >= start ? CDT : CST;
  return CST;
}

/** Epoch ms of an instant, parsed as `dayjs(at)` does (NaN when invalid). */
function toMs(at: Instant): number {
  if (typeof at === 'number') return new Date(at).getTime();
  if (at instanceof Date) return at.getTime();
  return dayjs(at).valueOf();
}

/** The business wall clock of `ms` written as a UTC epoch ("10:00 Beijing" → 10:00Z that day). */
function wallOf(ms: number): number {
  return ms + businessUtcOffset(ms) * MINUTE;
}

/**
 * The instant whose business wall clock is `wall` (a wall clock written as a UTC epoch). Same
 * rule as dayjs.tz: a wall clock skipped by a 1986–1991 spring-forward (02:xx) is read with the
 * standard offset (so 02:30 → 03:30 summer time); one repeated by a fall-back (01:xx) is the
 * later, standard-time instant. Nothing in the product creates such times.
 */
function fromWall(wall: number): number {
  let guess = wall - CST * MINUTE;
  const o2 = businessUtcOffset(guess);
  if (o2 === CST) return guess;
  guess -= (o2 - CST) * MINUTE;
  const o3 = businessUtcOffset(guess);
  if (o3 === o2) return guess;
  return wall - Math.min(o2, o3) * MINUTE;
}

/** Start (as a UTC epoch) of the UTC day that holds `wall`. */
function dayStart(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

/**
 * The instant as a dayjs in the business zone: a dayjs with the fixed utcOffset of that instant,
 * built the way dayjs.tz builds it (the wall clock in a host Date, then `utcOffset(offset, true)`),
 * so `.add(n, 'day')`, `.hour(9)`, `.startOf('day')` keep that offset; exact from 1992 on. Like
 * dayjs.tz, a wall clock that the host's own zone skips (its DST gap) reads an hour late — the
 * other functions here do not depend on the host zone at all.
 */
export function inBusinessTz(at: Instant): Dayjs {
  const ms = toMs(at);
  if (Number.isNaN(ms)) return dayjs(at);
  const offset = businessUtcOffset(ms);
  const w = new Date(ms + offset * MINUTE);
  const host = new Date(
    w.getUTCFullYear(),
    w.getUTCMonth(),
    w.getUTCDate(),
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds(),
  );
  return dayjs(host).utcOffset(offset, true);
}

/** Parse a wall-clock time written in the business zone ("2026-07-03 10:00") to an instant. */
export function fromBusinessWallClock(wallClock: string): Date {
  const wall = dayjs.utc(wallClock).valueOf();
  return new Date(Number.isNaN(wall) ? NaN : fromWall(wall));
}

/** `Z` / `ZZ` tokens (outside [escapes]) replaced by the literal offset, for a shifted UTC dayjs. */
function withOffsetLiteral(pattern: string, offset: number): string {
  if (!pattern.includes('Z')) return pattern;
  const hh = String(Math.floor(offset / 60)).padStart(2, '0');
  const mm = String(offset % 60).padStart(2, '0');
  return pattern.replace(/\[[^\]]+]|Z{1,2}/g, (token) => (token === 'Z' ? `[+${hh}:${mm}]` : token === 'ZZ' ? `[+${hh}${mm}]` : token));
}

/** Format an instant for people, in the business zone (any dayjs pattern, `Z` prints +08:00). */
export function formatBusiness(at: Instant, pattern = 'YYYY-MM-DD HH:mm'): string {
  const ms = toMs(at);
  if (Number.isNaN(ms)) return dayjs(NaN).format(pattern);
  const offset = businessUtcOffset(ms);
  // A UTC dayjs shifted to the wall clock: the fields are the zone's, whatever the host's zone.
  return dayjs.utc(ms + offset * MINUTE).format(withOffsetLiteral(pattern || 'YYYY-MM-DDTHH:mm:ssZ', offset));
}

const WEEKDAYS_CN = ['日', '一', '二', '三', '四', '五', '六'];

/** "11月27日 周五 10:00" */
export function formatBusinessFriendly(at: Instant): string {
  const d = dayjs.utc(wallOf(toMs(at))); // fields only: the wall clock as a UTC dayjs
  return `${d.month() + 1}月${d.date()}日 周${WEEKDAYS_CN[d.day()]} ${d.format('HH:mm')}`;
}

/**
 * The next occurrence of `weekday` (0 = Sunday … 5 = Friday) at hh:mm in the business zone,
 * strictly after `now`. Drops open "Friday 10:00" by default.
 */
export function nextWeekdayAt(now: Instant, weekday: number, hour: number, minute = 0): Date {
  const ms = toMs(now);
  // Calendar arithmetic on the wall clock (as a UTC epoch); each candidate then gets its own offset.
  const candidate = dayStart(wallOf(ms)) + Math.trunc(hour) * HOUR + Math.trunc(minute) * MINUTE;
  const diff = Math.round((weekday - new Date(candidate).getUTCDay() + 7) % 7);
  let at = fromWall(candidate + diff * DAY);
  if (!(at > ms)) at = fromWall(candidate + (diff + 7) * DAY);
  return new Date(at);
}

/** Start of the business-zone calendar day that contains `at`. */
export function startOfBusinessDay(at: Instant): Date {
  return new Date(fromWall(dayStart(wallOf(toMs(at)))));
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
