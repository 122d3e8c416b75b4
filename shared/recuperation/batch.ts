/**
 * Batches (批次): one venue, a start date, a number of days (at most 5, travel included), a
 * capacity and a cost per person. Dates are business-zone calendar dates ("2026-07-06").
 */
import { fromBusinessWallClock, inBusinessTz, type Instant } from '../time';
import { CALENDAR_DATE_PATTERN, isCalendarDate, shiftYears } from '../validation/dates';

/** 一般不超过 5 天 (travel included): enforced on every batch. */
export const MAX_BATCH_DAYS = 5;
/** A day that exists (2000–2099); the window a batch may start in is BATCH_START_WINDOW. */
export const DATE_PATTERN = CALENDAR_DATE_PATTERN;
/** A batch is planned ahead: it starts from today to two years on (applications close at its start). */
export const BATCH_START_YEARS_AHEAD = 2;

export type BatchStatus = 'open' | 'closed';
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = { open: '报名中', closed: '已结束' };

export interface BatchFacts {
  startDate: string;
  days: number;
  capacity: number;
  costFen: number;
}

/**
 * Problems with a batch an admin is about to save (Chinese), empty when valid. With `today`
 * ("YYYY-MM-DD", business zone) the start date must also fall in the planning window.
 */
export function batchProblems(b: BatchFacts, today?: string): string[] {
  const out: string[] = [];
  if (!isCalendarDate(b.startDate)) out.push('开始日期格式不正确');
  else if (today !== undefined && (b.startDate < today || b.startDate > shiftYears(today, BATCH_START_YEARS_AHEAD))) {
    out.push(`开始日期须在今天至 ${BATCH_START_YEARS_AHEAD} 年内`);
  }
  if (!Number.isInteger(b.days) || b.days < 1) out.push('天数至少为 1 天');
  else if (b.days > MAX_BATCH_DAYS) out.push(`疗休养时间（含路途）不得超过 ${MAX_BATCH_DAYS} 天`);
  if (!Number.isInteger(b.capacity) || b.capacity < 1) out.push('名额至少为 1 人');
  if (!Number.isInteger(b.costFen) || b.costFen < 0) out.push('人均费用不能为负数');
  return out;
}

/** The recuperation year a batch counts against: the year of its start date. */
export function batchYear(startDate: string): number {
  return Number(startDate.slice(0, 4));
}

/** Last day of the batch ("2026-07-06", 5 days → "2026-07-10"). */
export function batchEndDate(startDate: string, days: number): string {
  return inBusinessTz(fromBusinessWallClock(`${startDate} 00:00`))
    .add(Math.max(1, days) - 1, 'day')
    .format('YYYY-MM-DD');
}

/** Applications close when the batch starts (00:00 of its start date, business zone). */
export function applicationsOpen(startDate: string, now: Instant): boolean {
  return new Date(now).getTime() < fromBusinessWallClock(`${startDate} 00:00`).getTime();
}

/** Attendance can be recorded from the first day of the batch. */
export function hasStarted(startDate: string, now: Instant): boolean {
  return !applicationsOpen(startDate, now);
}

/** "7月6日—7月10日（5 天）" */
export function batchPeriodLabel(startDate: string, days: number): string {
  const s = inBusinessTz(fromBusinessWallClock(`${startDate} 00:00`));
  const e = s.add(Math.max(1, days) - 1, 'day');
  return `${s.month() + 1}月${s.date()}日—${e.month() + 1}月${e.date()}日（${days} 天）`;
}

/** The business-zone year of an instant. */
export function yearOf(at: Instant): number {
  return inBusinessTz(at).year();
}
