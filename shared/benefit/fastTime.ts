/**
 * Hot-path formatting of Beijing wall-clock time (the claim answer formats two instants per
 * request). It takes the zone's UTC offset from shared/time.ts's table (businessUtcOffset: a
 * range check, +08:00 outside China's 1986–1991 summer times; no Intl, no cache) and does the rest
 * with UTC arithmetic and string building, skipping dayjs' parsing and formatting. It gives the
 * same text as shared/time.ts (tests/unit/benefit/fastTime.test.ts compares both with dayjs.tz).
 */
import { businessUtcOffset } from '../time';

const WEEKDAYS_CN = ['日', '一', '二', '三', '四', '五', '六'];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function parts(at: Date | number): {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  weekday: number;
} {
  const ms = typeof at === 'number' ? at : at.getTime();
  const wall = new Date(ms + businessUtcOffset(ms) * 60_000);
  return {
    year: String(wall.getUTCFullYear()),
    month: pad(wall.getUTCMonth() + 1),
    day: pad(wall.getUTCDate()),
    hour: pad(wall.getUTCHours()),
    minute: pad(wall.getUTCMinutes()),
    second: pad(wall.getUTCSeconds()),
    weekday: wall.getUTCDay(),
  };
}

/** "HH:mm:ss" */
export function clockTime(at: Date | number): string {
  const t = parts(at);
  return `${t.hour}:${t.minute}:${t.second}`;
}

/** "MM-DD HH:mm:ss" */
export function monthDayTime(at: Date | number): string {
  const t = parts(at);
  return `${t.month}-${t.day} ${t.hour}:${t.minute}:${t.second}`;
}

/** "YYYY-MM-DD HH:mm" */
export function dateMinute(at: Date | number): string {
  const t = parts(at);
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}`;
}

/** "11月27日 周五 10:00", like shared/time.ts formatBusinessFriendly. */
export function friendly(at: Date | number): string {
  const t = parts(at);
  return `${Number(t.month)}月${Number(t.day)}日 周${WEEKDAYS_CN[t.weekday]} ${t.hour}:${t.minute}`;
}
