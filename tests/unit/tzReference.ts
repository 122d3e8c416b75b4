/**
 * Reference for the Intl-free business time code: dayjs' timezone plugin, which reads Node's full
 * ICU time zone data through Intl. Allowed here (tests run in Node), never in shared/.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const FROM_1970 = Date.UTC(1970, 0, 1);
export const TO_2100 = Date.UTC(2100, 11, 31, 23, 59, 59, 999);

export { dayjs };

/** Seeded PRNG (mulberry32) so that a failing instant reproduces. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `n` random instants (whole ms) from 1970 to 2100. */
export function randomInstants(n: number, seed: number): number[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => FROM_1970 + Math.floor(rnd() * (TO_2100 - FROM_1970)));
}

const dtf = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The zone's UTC offset (minutes) at `ms`, straight from Intl. */
export function intlOffset(ms: number): number {
  const p: Record<string, number> = {};
  for (const part of dtf.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000) / 60_000;
}

/**
 * Every instant 1970–2100 at which the zone's offset changes, found with Intl alone (a scan every
 * 6 hours, then a binary search to the millisecond), so the tests do not trust the code's table.
 */
export const TRANSITIONS: number[] = (() => {
  const out: number[] = [];
  let prev = intlOffset(FROM_1970);
  for (let t = FROM_1970 + 6 * HOUR; t <= TO_2100; t += 6 * HOUR) {
    const o = intlOffset(t);
    if (o === prev) continue;
    let lo = t - 6 * HOUR;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intlOffset(mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    prev = o;
  }
  return out;
})();

/** Each transition ±1 ms and ±1 h, and the transition instant itself. */
export function aroundTransitions(): number[] {
  return TRANSITIONS.flatMap((t) => [t - HOUR, t - 1, t, t + 1, t + HOUR]);
}

/** Friday 10:00 Beijing (dayjs.tz) in every year 1970–2100: the first Friday of each month. */
export function fridaysAt10(): number[] {
  const out: number[] = [];
  for (let year = 1970; year <= 2100; year++) {
    for (let month = 0; month < 12; month++) {
      const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
      const date = 1 + ((5 - first + 7) % 7);
      out.push(dayjs.tz(`${year}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')} 10:00`, TZ).valueOf());
    }
  }
  return out;
}

/** dayjs.tz in the zone. */
export const refTz = (ms: number) => dayjs(ms).tz(TZ);
export const refFormat = (ms: number, pattern: string) => refTz(ms).format(pattern);
export const refFromWallClock = (wall: string) => dayjs.tz(wall, TZ).valueOf();
export const refFriendly = (ms: number) => {
  const d = refTz(ms);
  return `${d.month() + 1}月${d.date()}日 周${'日一二三四五六'[d.day()]} ${d.format('HH:mm')}`;
};
/** 00:00 of the zone's calendar day holding `ms`, resolved by dayjs.tz. */
export const refStartOfDay = (ms: number) => refFromWallClock(`${refFormat(ms, 'YYYY-MM-DD')} 00:00`);

/**
 * The first `weekday` hh:mm wall clock in the zone strictly after `now`, each candidate day
 * resolved by dayjs.tz on its own (calendar days counted with UTC dayjs: no offset involved).
 */
export function refNextWeekdayAt(now: number, weekday: number, hour: number, minute = 0): number {
  const today = dayjs.utc(refFormat(now, 'YYYY-MM-DD'));
  for (let i = 0; i <= 14; i++) {
    const day = today.add(i, 'day');
    if (day.day() !== weekday) continue;
    const at = refFromWallClock(`${day.format('YYYY-MM-DD')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
    if (at > now) return at;
  }
  throw new Error('unreachable');
}

/**
 * Runs `fn` as on a WeChat JS engine without ICU: no `Intl` global, and Date's toLocale*String
 * throw. Everything is restored afterwards; `fn` should require the code under test itself
 * (inside jest.isolateModules) and return plain values, compared after the restore.
 */
export function withoutIntl<T>(fn: () => T): T {
  const g = globalThis as { Intl?: typeof Intl };
  const saved = {
    Intl: g.Intl,
    toLocaleString: Date.prototype.toLocaleString,
    toLocaleDateString: Date.prototype.toLocaleDateString,
    toLocaleTimeString: Date.prototype.toLocaleTimeString,
  };
  const unsupported = () => {
    throw new RangeError('no Intl in this runtime');
  };
  try {
    delete g.Intl;
    Date.prototype.toLocaleString = unsupported;
    Date.prototype.toLocaleDateString = unsupported;
    Date.prototype.toLocaleTimeString = unsupported;
    return fn();
  } finally {
    g.Intl = saved.Intl;
    Date.prototype.toLocaleString = saved.toLocaleString;
    Date.prototype.toLocaleDateString = saved.toLocaleDateString;
    Date.prototype.toLocaleTimeString = saved.toLocaleTimeString;
  }
}
