/**
 * Calendar dates in request schemas. A shape-only pattern ("\d{4}-\d{2}-\d{2}") lets
 * "2019-02-30" or "9999-99-99" through to the database; these patterns accept only days that
 * exist (30-day months, February with the Gregorian leap rule) in the years 2000–2099, the range
 * every date an action takes lives in (ranges narrower than that depend on the field's meaning
 * and are checked by its action). They are plain regular expressions so that the pre-compiled
 * validators stay free of runtime helpers and run in the mini-program as they are.
 */

/** Years 2000–2099; a leap year is one whose last two digits divide by 4 (2000 is one). */
const DAY_OF_20XX =
  '(?:20\\d{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|20(?:[02468][048]|[13579][26])-02-29)';

/** "2026-07-06": a day that exists, 2000–2099. */
export const CALENDAR_DATE_PATTERN = `^${DAY_OF_20XX}$`;
/** "2026-07-06 09:30" or "2026-07-06T09:30": a day that exists, a time of day that exists. */
export const WALL_CLOCK_PATTERN = `^${DAY_OF_20XX}[ T](?:[01]\\d|2[0-3]):[0-5]\\d$`;

const CALENDAR_DATE = new RegExp(CALENDAR_DATE_PATTERN);

/** True for a "YYYY-MM-DD" day that exists in 2000–2099. */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value);
}

/** The patterns above, for the validator's message ("…不是有效的日期" rather than "格式不正确"). */
export const DATE_PATTERNS: ReadonlySet<string> = new Set([CALENDAR_DATE_PATTERN, WALL_CLOCK_PATTERN]);

/** "YYYY-MM-DD" shifted by whole years (Feb 29 → Feb 28 in a common year); for "at most N years ago". */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(4);
  if (md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '-02-28';
  return `${String(y).padStart(4, '0')}${md}`;
}
