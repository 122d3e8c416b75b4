/** The React countdown's arithmetic (miniprogram/utils/countdown), used by the H5 fallback. */
import { countdownParts, formatCountdown, pad2 } from '../../miniprogram/utils/countdown';

const T0 = Date.UTC(2026, 6, 3, 1, 0, 0);

describe('countdownParts', () => {
  it('splits the time left into days / hours / minutes / seconds', () => {
    expect(countdownParts(T0 + 90_061_000, T0)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1, done: false });
  });
  it('rounds a partial second up, so it reads 00:00:01 until the instant', () => {
    expect(countdownParts(T0 + 500, T0)).toMatchObject({ seconds: 1, done: false });
  });
  it('is done at and after the target, never negative', () => {
    expect(countdownParts(T0, T0)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, done: true });
    expect(countdownParts(T0, T0 + 5_000).done).toBe(true);
  });
  it('reads the server clock: clientNow + serverOffset', () => {
    expect(countdownParts(T0 + 60_000, T0, 30_000).seconds).toBe(30);
    expect(countdownParts(T0 + 60_000, T0, -30_000)).toMatchObject({ minutes: 1, seconds: 30 });
  });
});

describe('formatCountdown', () => {
  it('pads and adds days only when needed', () => {
    expect(pad2(7)).toBe('07');
    expect(formatCountdown(countdownParts(T0 + 3_723_000, T0))).toBe('01:02:03');
    expect(formatCountdown(countdownParts(T0 + 2 * 86_400_000 + 5_000, T0))).toBe('2天 00:00:05');
  });
});
