/**
 * Demo times at hours a union keeps: seeded data is written relative to "now", and a demo
 * started at 04:00 used to show a notice published at 04:08 and an activity starting at 05:30.
 * Past instants move back into the previous daytime (08:00–20:00 Beijing), future ones forward
 * into the next; both land on a half hour.
 */
import { inBusinessTz } from '../../../shared/time';

const OPEN_HOUR = 8;
const CLOSE_HOUR = 20;

/** The latest half hour at or before `ms` that falls in daytime. */
export function pastDaytime(ms: number): number {
  let d = inBusinessTz(ms);
  d = d
    .minute(d.minute() < 30 ? 0 : 30)
    .second(0)
    .millisecond(0);
  if (d.hour() >= CLOSE_HOUR) d = d.hour(CLOSE_HOUR - 1).minute(30);
  else if (d.hour() < OPEN_HOUR)
    d = d
      .subtract(1, 'day')
      .hour(CLOSE_HOUR - 1)
      .minute(30);
  return d.valueOf();
}

/** The earliest half hour at or after `ms` that falls in daytime. */
export function futureDaytime(ms: number): number {
  let d = inBusinessTz(ms).second(0).millisecond(0);
  if (d.valueOf() < ms) d = d.add(1, 'minute');
  d = d.minute() === 0 || d.minute() === 30 ? d : d.minute() < 30 ? d.minute(30) : d.add(1, 'hour').minute(0);
  if (d.hour() < OPEN_HOUR) d = d.hour(9).minute(0);
  else if (d.hour() >= CLOSE_HOUR) d = d.add(1, 'day').hour(9).minute(0);
  return d.valueOf();
}
