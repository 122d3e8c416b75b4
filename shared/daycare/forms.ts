/**
 * The 开设暑托班 forms as both admin surfaces show them (the mini-program's workbench and the
 * 工会工作台): what a new form starts with, and how a filled form becomes the request. One place,
 * so the suggested summer, window, limits and attendance threshold cannot differ between them.
 * The server checks every value again.
 */
import { DEFAULT_ATTENDANCE_THRESHOLD } from './rules';
import type { AdminCreateCampaignRequest } from './schemas';

const DAY = 86_400_000;

/** The summer a campaign created today is for: this year's until June, next year's from July. */
export function upcomingSummer(now: Date): number {
  return now.getMonth() >= 6 ? now.getFullYear() + 1 : now.getFullYear();
}

export interface CampaignForm {
  title: string;
  /** Days the sign-up window stays open from now. */
  days: string;
  mode: 'lottery' | 'first_come';
  periodLimit: string;
  offerHours: string;
  /** Attendance threshold in percent. */
  threshold: string;
}

export function newCampaignForm(summer: number): CampaignForm {
  return {
    title: `${summer} 年暑期爱心托管班`,
    days: '7',
    mode: 'lottery',
    periodLimit: '1',
    offerHours: '24',
    threshold: String(Math.round(DEFAULT_ATTENDANCE_THRESHOLD * 100)),
  };
}

export function campaignRequest(form: CampaignForm, unionId: string, summer: number, now: number): AdminCreateCampaignRequest {
  return {
    unionId,
    title: form.title.trim(),
    summer,
    opensAt: now,
    closesAt: now + Number(form.days) * DAY,
    mode: form.mode,
    periodLimit: Number(form.periodLimit) || 1,
    offerHours: Number(form.offerHours) || 24,
    attendanceThreshold: (Number(form.threshold) || DEFAULT_ATTENDANCE_THRESHOLD * 100) / 100,
  };
}

export interface SlotForm {
  siteId: string;
  periodName: string;
  startDate: string;
  endDate: string;
  band: 'lower' | 'upper';
  capacity: string;
}

/** A first period (three weeks from the first Monday of July) for the lower grades, 30 places. */
export function newSlotForm(summer: number): SlotForm {
  return { siteId: '', periodName: '第一期', startDate: `${summer}-07-06`, endDate: `${summer}-07-24`, band: 'lower', capacity: '30' };
}
