/**
 * Who may apply for a batch: a verified member of a unit that runs recuperation, for an open
 * batch published by a union of their chain, with no open application this year, no trip
 * within the unit's no-repeat period and a batch cost within the unit's cap.
 */
import type { Violation } from './caps';
import { costViolation } from './caps';
import type { UnitSettings } from './settings';

export interface ApplyFacts {
  memberVerified: boolean;
  /** The member's unit settings (null = the unit does not run recuperation). */
  settings: UnitSettings | null;
  batchOpen: boolean;
  batchInMemberChain: boolean;
  batchYear: number;
  batchCostFen: number;
  /** Status of the member's application for the batch's year, if any. */
  currentStatus: string | null;
  /** The most recent year the member went (approved or attended), if any. */
  lastTripYear: number | null;
}

/** Statuses that count as an open application (it blocks a second one the same year). */
export const OPEN_STATUSES = ['pending', 'approved', 'attended', 'absent'] as const;

export function noRepeatViolation(lastTripYear: number | null, batchYear: number, noRepeatYears: number): Violation | null {
  if (lastTripYear === null || batchYear - lastTripYear >= noRepeatYears) return null;
  return {
    code: 'RECU_REPEAT_TOO_SOON',
    message: `您于 ${lastTripYear} 年参加过疗休养，${noRepeatYears} 年内不能重复参加（${lastTripYear + noRepeatYears} 年起可再申请）`,
  };
}

/** The first reason the member cannot apply, or null when they can. */
export function applyViolation(f: ApplyFacts): Violation | null {
  if (!f.memberVerified) return { code: 'MEMBER_NOT_VERIFIED', message: '疗休养面向已认证的工会会员，请先完成入会认证' };
  if (!f.settings) return { code: 'RECU_UNIT_NOT_SET', message: '您所在的基层工会尚未开展疗休养（未设置年度名额），请联系单位工会' };
  if (!f.batchInMemberChain) return { code: 'RECU_BATCH_CLOSED', message: '该批次不面向您所在的工会' };
  if (!f.batchOpen) return { code: 'RECU_BATCH_CLOSED', message: '该批次已截止申请' };
  if (f.currentStatus && (OPEN_STATUSES as readonly string[]).includes(f.currentStatus)) {
    return { code: 'RECU_DUPLICATE', message: `您 ${f.batchYear} 年已有一份疗休养申请，每人每年只能申请一次` };
  }
  const repeat = noRepeatViolation(f.lastTripYear, f.batchYear, f.settings.noRepeatYears);
  if (repeat) return repeat;
  if (f.settings.quota === 0) return { code: 'RECU_QUOTA_FULL', message: '本单位本年度没有疗休养名额' };
  return costViolation(f.settings, f.batchCostFen, 0);
}
