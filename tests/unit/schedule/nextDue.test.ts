/** The schedule's arithmetic (cloudfunctions/_lib/schedule.ts): what the tick writes after a run. */
import { earliest, nextDue, SCHEDULED_JOBS } from '../../../cloudfunctions/_lib/schedule';

const ranAt = new Date('2031-03-04T09:11:00+08:00');
const DAY = 24 * 3600_000;

it('a job that reports nothing sleeps until its sweep; a later report is capped by the sweep', () => {
  expect(nextDue(null, ranAt, DAY).getTime()).toBe(ranAt.getTime() + DAY);
  expect(nextDue(new Date(ranAt.getTime() + 3 * DAY), ranAt, DAY).getTime()).toBe(ranAt.getTime() + DAY);
});

it('an earlier report stands, one in the past too (the next tick runs the job again)', () => {
  const soon = new Date(ranAt.getTime() + 5 * 60_000);
  expect(nextDue(soon, ranAt, DAY)).toEqual(soon);
  expect(nextDue(ranAt, ranAt, DAY)).toEqual(ranAt);
});

it('earliest ignores missing and unreadable times and reads ISO strings', () => {
  expect(earliest(null, undefined, 'not a date')).toBeNull();
  expect(earliest('2031-03-05T00:00:00Z', new Date('2031-03-04T00:00:00Z'), null)).toEqual(new Date('2031-03-04T00:00:00Z'));
});

it('every job is named <function>.<trigger>, once', () => {
  const ids = SCHEDULED_JOBS.map((j) => j.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const j of SCHEDULED_JOBS) expect(j.id).toBe(`${j.fn}.${j.trigger}`);
});
