/**
 * Countdown arithmetic shared by the React fallback (H5) — the native WeChat component
 * (native/countdown) mirrors it in plain JS because native components cannot import TS.
 */
import { secondsUntil, splitDuration } from '../../shared/time';

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  done: boolean;
}

/** The parts to show at client time `clientNow`, on the server clock (`clientNow + serverOffset`). */
export function countdownParts(target: number, clientNow: number, serverOffset = 0): CountdownParts {
  const left = secondsUntil(clientNow + serverOffset, target);
  return { ...splitDuration(left), done: left === 0 };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "2天 03:04:05", or "03:04:05" under a day. */
export function formatCountdown(parts: CountdownParts): string {
  const hms = `${pad2(parts.hours)}:${pad2(parts.minutes)}:${pad2(parts.seconds)}`;
  return parts.days > 0 ? `${parts.days}天 ${hms}` : hms;
}
