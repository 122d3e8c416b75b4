import {
  businessUtcOffset,
  formatBusiness,
  formatBusinessFriendly,
  fromBusinessWallClock,
  inBusinessTz,
  nextWeekdayAt,
  splitDuration,
  startOfBusinessDay,
} from '../../shared/time';
import type * as time from '../../shared/time';
import {
  aroundTransitions,
  DAY,
  dayjs,
  fridaysAt10,
  intlOffset,
  prng,
  randomInstants,
  refFormat,
  refFriendly,
  refFromWallClock,
  refNextWeekdayAt,
  refStartOfDay,
  refTz,
  TRANSITIONS,
  withoutIntl,
} from './tzReference';

describe('business time (Asia/Shanghai)', () => {
  it('reads a wall-clock time as Beijing time whatever the process zone', () => {
    expect(fromBusinessWallClock('2026-11-27 10:00').toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });

  it('formats instants in Beijing time', () => {
    const at = new Date('2026-11-26T18:30:00Z'); // Friday 02:30 in Beijing
    expect(formatBusiness(at)).toBe('2026-11-27 02:30');
    expect(formatBusinessFriendly(at)).toBe('11月27日 周五 02:30');
  });

  it('finds the next Friday 10:00 from a Sunday', () => {
    const sunday = fromBusinessWallClock('2026-11-22 09:00');
    expect(nextWeekdayAt(sunday, 5, 10).toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });

  it('on Friday before 10:00 the next opening is the same day, after 10:00 a week later', () => {
    expect(formatBusiness(nextWeekdayAt(fromBusinessWallClock('2026-11-27 09:59'), 5, 10))).toBe('2026-11-27 10:00');
    expect(formatBusiness(nextWeekdayAt(fromBusinessWallClock('2026-11-27 10:00'), 5, 10))).toBe('2026-12-04 10:00');
  });

  it('uses the Beijing calendar day near midnight UTC', () => {
    // 2026-11-26 17:00Z is already Friday 01:00 in Beijing.
    expect(startOfBusinessDay(new Date('2026-11-26T17:00:00Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('splits durations for countdowns', () => {
    expect(splitDuration(90061)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1 });
    expect(splitDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// shared/time.ts takes the zone's offset from its own table (no Intl). Everything below checks it
// against dayjs.tz (Intl with Node's full ICU data) from 1970 to 2100, China's 1986–1991 summer
// times included.

const RANDOM = randomInstants(4000, 20261127);
const AROUND = aroundTransitions();
const FRIDAYS = fridaysAt10();
const PATTERNS = [
  'YYYY-MM-DD HH:mm:ss.SSS',
  'MM-DD HH:mm:ss',
  'YYYY年MM月DD日 HH:mm',
  'M月D日 H:m:s',
  'dddd ddd dd d A a h hh',
  'YYYY-MM-DDTHH:mm:ssZ',
  'ZZ [Z ZZ] Z',
  '',
];
const iso = (ms: number) => new Date(ms).toISOString();

describe('business time without Intl: agrees with dayjs.tz 1970–2100', () => {
  it('the offset table has exactly the zone’s transitions (China summer time 1986–1991)', () => {
    expect(TRANSITIONS.map(iso)).toEqual([
      '1986-05-03T18:00:00.000Z',
      '1986-09-13T17:00:00.000Z',
      '1987-04-11T18:00:00.000Z',
      '1987-09-12T17:00:00.000Z',
      '1988-04-16T18:00:00.000Z',
      '1988-09-10T17:00:00.000Z',
      '1989-04-15T18:00:00.000Z',
      '1989-09-16T17:00:00.000Z',
      '1990-04-14T18:00:00.000Z',
      '1990-09-15T17:00:00.000Z',
      '1991-04-13T18:00:00.000Z',
      '1991-09-14T17:00:00.000Z',
    ]);
    for (const at of [...RANDOM, ...AROUND, ...FRIDAYS]) {
      if (businessUtcOffset(at) !== intlOffset(at)) throw new Error(`offset differs at ${iso(at)}`);
    }
  });

  it('formats random instants, transitions ±1 ms / ±1 h and Fridays like dayjs.tz', () => {
    for (const at of [...RANDOM, ...AROUND, ...FRIDAYS]) {
      expect([iso(at), formatBusiness(at)]).toEqual([iso(at), refFormat(at, 'YYYY-MM-DD HH:mm')]);
      expect([iso(at), formatBusinessFriendly(at)]).toEqual([iso(at), refFriendly(at)]);
    }
    for (const at of [...RANDOM.slice(0, 400), ...AROUND]) {
      for (const pattern of PATTERNS)
        expect([iso(at), pattern, formatBusiness(at, pattern)]).toEqual([iso(at), pattern, refFormat(at, pattern)]);
      // Date and string instants too
      expect(formatBusiness(new Date(at), 'YYYY-MM-DD HH:mm:ss')).toBe(refFormat(at, 'YYYY-MM-DD HH:mm:ss'));
      expect(formatBusiness(iso(at), 'YYYY-MM-DD HH:mm:ss')).toBe(refFormat(at, 'YYYY-MM-DD HH:mm:ss'));
    }
    expect(formatBusiness(Date.parse('1988-04-16T18:00:00Z'), 'YYYY-MM-DD HH:mm Z')).toBe('1988-04-17 03:00 +09:00');
    expect(formatBusiness(Date.parse('1988-04-16T17:59:59.999Z'), 'YYYY-MM-DD HH:mm:ss.SSS ZZ')).toBe('1988-04-17 01:59:59.999 +0800');
    expect(formatBusiness(NaN)).toBe('Invalid Date');
    expect(formatBusiness('not a date', 'HH:mm')).toBe('Invalid Date');
  });

  it('inBusinessTz gives the same dayjs as dayjs.tz: fields, offset, instant and day arithmetic', () => {
    const shape = (d: dayjs.Dayjs) => [
      d.format('YYYY-MM-DDTHH:mm:ss.SSSZ'),
      d.valueOf(),
      d.utcOffset(),
      d.day(),
      d.add(1, 'day').valueOf(),
      d.hour(9).minute(0).valueOf(),
    ];
    for (const at of [...RANDOM, ...AROUND, ...FRIDAYS]) {
      expect([iso(at), ...shape(inBusinessTz(at))]).toEqual([iso(at), ...shape(refTz(at))]);
    }
    // startOf('day') on the fixed offset is the zone's day start wherever the offset stays put (1992 on).
    for (const at of RANDOM.filter((t) => t >= Date.UTC(1992, 0, 1))) {
      expect([iso(at), inBusinessTz(at).startOf('day').valueOf()]).toEqual([iso(at), refStartOfDay(at)]);
    }
    expect(inBusinessTz(NaN).isValid()).toBe(false);
  });

  it('reads wall clocks like dayjs.tz, including the 1986–1991 spring-forward gaps and fall-back overlaps', () => {
    const walls = RANDOM.map((at) => refFormat(at, 'YYYY-MM-DD HH:mm:ss.SSS'));
    // Every 10 minutes from 00:00 to 04:00 on each transition day (Sundays): gaps 02:00–03:00, overlaps 01:00–02:00.
    for (const t of TRANSITIONS) {
      const day = refFormat(t, 'YYYY-MM-DD');
      for (let m = 0; m <= 240; m += 10)
        walls.push(`${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
      walls.push(`${day} 01:59:59.999`, `${day} 02:00`, `${day} 02:59:59.999`, `${day} 03:00`);
    }
    walls.push('2026-07-03', '2026-07-03T10:00', '2100-12-31 23:59:59.999', '1970-01-01 00:00');
    for (const wall of walls) expect([wall, fromBusinessWallClock(wall).getTime()]).toEqual([wall, refFromWallClock(wall)]);
    expect(iso(fromBusinessWallClock('1988-04-17 02:30').getTime())).toBe('1988-04-16T18:30:00.000Z'); // gap: 03:30 summer time
    expect(iso(fromBusinessWallClock('1988-09-11 01:30').getTime())).toBe('1988-09-10T17:30:00.000Z'); // overlap: the later 01:30
    expect(fromBusinessWallClock('not a date').getTime()).toBeNaN();
  });

  it('business day starts agree with dayjs.tz, every day of 1986–1991 included', () => {
    const days: number[] = [];
    for (let t = Date.UTC(1985, 11, 31, 4); t < Date.UTC(1992, 0, 2); t += DAY) days.push(t); // 12:00 Beijing each day
    for (const at of [...RANDOM, ...AROUND, ...FRIDAYS, ...days]) {
      expect([iso(at), iso(startOfBusinessDay(at).getTime())]).toEqual([iso(at), iso(refStartOfDay(at))]);
    }
    // The Sunday summer time began: midnight was still +08:00.
    expect(iso(startOfBusinessDay(Date.parse('1988-04-17T02:00:00Z')).getTime())).toBe('1988-04-16T16:00:00.000Z');
    expect(startOfBusinessDay(NaN).getTime()).toBeNaN();
  });

  it('nextWeekdayAt agrees with dayjs.tz for random instants and around every transition', () => {
    const rnd = prng(5);
    for (const at of RANDOM) {
      const [weekday, hour, minute] = [Math.floor(rnd() * 7), Math.floor(rnd() * 24), Math.floor(rnd() * 60)];
      expect([iso(at), weekday, hour, minute, iso(nextWeekdayAt(at, weekday, hour, minute).getTime())]).toEqual([
        iso(at),
        weekday,
        hour,
        minute,
        iso(refNextWeekdayAt(at, weekday, hour, minute)),
      ]);
    }
    for (const at of AROUND) {
      for (const [weekday, hour, minute] of [
        [0, 0, 30],
        [0, 1, 30],
        [0, 2, 30],
        [0, 3, 0],
        [0, 10, 0],
        [5, 10, 0],
        [6, 23, 0],
      ]) {
        expect([iso(at), weekday, hour, minute, iso(nextWeekdayAt(at, weekday, hour, minute).getTime())]).toEqual([
          iso(at),
          weekday,
          hour,
          minute,
          iso(refNextWeekdayAt(at, weekday, hour, minute)),
        ]);
      }
    }
    expect(nextWeekdayAt(NaN, 5, 10).getTime()).toBeNaN();
  });

  it('Friday 10:00 in every year: the opening itself, and a week later once it has passed', () => {
    for (const friday of FRIDAYS) {
      expect(formatBusinessFriendly(friday)).toMatch(/ 周五 10:00$/);
      expect(iso(nextWeekdayAt(friday - 1, 5, 10).getTime())).toBe(iso(friday));
      expect(iso(nextWeekdayAt(friday, 5, 10).getTime())).toBe(iso(refNextWeekdayAt(friday, 5, 10)));
      expect(iso(nextWeekdayAt(friday - 3 * DAY, 5, 10).getTime())).toBe(iso(friday)); // from Tuesday
    }
    // Across a summer-time start: Friday 1988-04-15 10:00 is +08:00, the next one +09:00.
    expect(iso(nextWeekdayAt(Date.parse('1988-04-15T02:00:00Z'), 5, 10).getTime())).toBe('1988-04-22T01:00:00.000Z');
  });

  it('gives the same answers on a runtime without Intl (isolated module registry)', () => {
    const sample = [...AROUND, ...RANDOM.slice(0, 300), ...FRIDAYS.slice(0, 200)];
    const walls = sample.map((at) => refFormat(at, 'YYYY-MM-DD HH:mm:ss'));
    const run = (t: typeof time) =>
      sample.map((at, i) => [
        t.formatBusiness(at, 'YYYY-MM-DD HH:mm:ss.SSS Z'),
        t.formatBusinessFriendly(at),
        t.startOfBusinessDay(at).getTime(),
        t.nextWeekdayAt(at, 5, 10).getTime(),
        t.inBusinessTz(at).format('YYYY-MM-DDTHH:mm:ssZ'),
        t.inBusinessTz(at).add(1, 'day').valueOf(),
        t.fromBusinessWallClock(walls[i]).getTime(),
      ]);
    const expected = sample.map((at, i) => [
      refFormat(at, 'YYYY-MM-DD HH:mm:ss.SSS Z'),
      refFriendly(at),
      refStartOfDay(at),
      refNextWeekdayAt(at, 5, 10),
      refFormat(at, 'YYYY-MM-DDTHH:mm:ssZ'),
      refTz(at).add(1, 'day').valueOf(),
      refFromWallClock(walls[i]),
    ]);
    let actual: unknown;
    withoutIntl(() => {
      jest.isolateModules(() => {
        actual = run(require('../../shared/time') as typeof time);
      });
    });
    expect(actual).toEqual(expected);
  });
});
