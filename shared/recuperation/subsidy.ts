/**
 * 疗休养本地行 subsidy: unions reward non-public enterprises that organise local recuperation with
 * 10 % of the actual spend, counting at most 400 元 per person per day.
 * All amounts are integer 分; the subsidy is rounded half up to the nearest 分 (the only rounding).
 */
import { shiftYears } from '../validation/dates';
import type { Ownership } from './settings';

export const SUBSIDY_RATE_PERCENT = 10;
export const SUBSIDY_DAILY_CAP_FEN = 40_000;
export const SUBSIDY_MAX_DAYS = 5;

export interface SubsidyInput {
  persons: number;
  days: number;
  /** Actual spend per person per day, 分. */
  spendPerPersonPerDayFen: number;
}

export interface SubsidyFigures {
  /** min(spend, 400 元) per person per day. */
  countedPerPersonPerDayFen: number;
  actualTotalFen: number;
  countedTotalFen: number;
  subsidyFen: number;
}

export function computeSubsidy(input: SubsidyInput): SubsidyFigures {
  const counted = Math.min(input.spendPerPersonPerDayFen, SUBSIDY_DAILY_CAP_FEN);
  const personDays = input.persons * input.days;
  const countedTotalFen = counted * personDays;
  return {
    countedPerPersonPerDayFen: counted,
    actualTotalFen: input.spendPerPersonPerDayFen * personDays,
    countedTotalFen,
    // 10 % rounded half up: floor((x × 10 + 50) / 100) in integers.
    subsidyFen: Math.floor((countedTotalFen * SUBSIDY_RATE_PERCENT + 50) / 100),
  };
}

/** A claim is for recuperation held from two years before today up to today. */
export const SUBSIDY_YEARS_BACK = 2;

/**
 * Problems with a claim (Chinese), empty when valid. With `today` ("YYYY-MM-DD", business zone)
 * the start date must lie in the claim window.
 */
export function subsidyProblems(input: SubsidyInput & { ownership: Ownership | null; startDate?: string }, today?: string): string[] {
  const out: string[] = [];
  if (
    today !== undefined &&
    input.startDate !== undefined &&
    (input.startDate > today || input.startDate < shiftYears(today, -SUBSIDY_YEARS_BACK))
  ) {
    out.push(`开始日期须在今天及之前 ${SUBSIDY_YEARS_BACK} 年内`);
  }
  if (input.ownership !== 'other') out.push('本地行奖励仅面向非公企业、社会组织工会组织的疗休养');
  if (!Number.isInteger(input.persons) || input.persons < 1) out.push('参加人数至少为 1 人');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > SUBSIDY_MAX_DAYS) out.push(`天数须为 1 到 ${SUBSIDY_MAX_DAYS} 天`);
  if (!Number.isInteger(input.spendPerPersonPerDayFen) || input.spendPerPersonPerDayFen <= 0) out.push('人均每天实际消费须大于 0');
  return out;
}
