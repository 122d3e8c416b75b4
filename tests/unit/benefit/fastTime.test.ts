import { clockTime, dateMinute, friendly, monthDayTime } from '../../../shared/benefit/fastTime';
import type * as fastTime from '../../../shared/benefit/fastTime';
import { aroundTransitions, fridaysAt10, randomInstants, refFormat, refFriendly, withoutIntl } from '../tzReference';

// The claim hot path's Beijing formatting, checked against dayjs.tz (Intl with Node's full ICU data).
const INSTANTS = [...randomInstants(4000, 42), ...aroundTransitions(), ...fridaysAt10()];
const iso = (ms: number) => new Date(ms).toISOString();
const expected = (at: number) => [
  iso(at),
  refFormat(at, 'HH:mm:ss'),
  refFormat(at, 'MM-DD HH:mm:ss'),
  refFormat(at, 'YYYY-MM-DD HH:mm'),
  refFriendly(at),
];
const actual = (t: typeof fastTime, at: number) => [iso(at), t.clockTime(at), t.monthDayTime(at), t.dateMinute(at), t.friendly(at)];

test('fast Beijing formatting agrees with dayjs.tz: random instants 1970–2100, summer-time changes ±1 ms / ±1 h, Fridays 10:00', () => {
  for (const at of INSTANTS) {
    expect(actual({ clockTime, monthDayTime, dateMinute, friendly }, at)).toEqual(expected(at));
  }
  expect(monthDayTime(new Date('1988-04-16T18:00:00Z'))).toBe('04-17 03:00:00'); // summer time began: 02:00 → 03:00
  expect(clockTime(new Date('1988-09-10T16:59:59.999Z'))).toBe('01:59:59');
  expect(clockTime(new Date('1988-09-10T17:00:00Z'))).toBe('01:00:00'); // and ended: 02:00 → 01:00
});

test('works on a runtime without Intl (isolated module registry)', () => {
  const sample = INSTANTS.filter((_, i) => i % 7 === 0);
  const want = sample.map(expected);
  let got: unknown;
  withoutIntl(() => {
    jest.isolateModules(() => {
      const t = require('../../../shared/benefit/fastTime') as typeof fastTime;
      got = sample.map((at) => actual(t, at));
    });
  });
  expect(got).toEqual(want);
});
