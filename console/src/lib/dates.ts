/** Business dates (Asia/Shanghai) for the console's date pickers and labels. */
import { formatBusiness } from '../../../shared/time';

const DAY = 24 * 60 * 60 * 1000;

export function businessDate(at: Date | number = Date.now()): string {
  return formatBusiness(at, 'YYYY-MM-DD');
}

/** The Monday of this business week and today, e.g. for 本周. */
export function thisWeek(now = Date.now()): { from: string; to: string } {
  const weekday = Number(formatBusiness(now, 'd')); // 0 = Sunday
  const back = (weekday + 6) % 7;
  return { from: businessDate(now - back * DAY), to: businessDate(now) };
}

export function lastDays(days: number, now = Date.now()): { from: string; to: string } {
  return { from: businessDate(now - (days - 1) * DAY), to: businessDate(now) };
}

export function when(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  return iso ? formatBusiness(iso, pattern) : '—';
}
