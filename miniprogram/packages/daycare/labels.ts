/** Display helpers shared by the day-care pages. */
import { formatBusinessFriendly } from '../../../shared/time';
import type { CampaignPhase } from '../../../shared/daycare/views';

export const PHASE_LABELS: Record<CampaignPhase, string> = {
  upcoming: '即将开始',
  open: '报名中',
  closed: '报名已截止',
  allocated: '已公布结果',
};

export function windowText(opensAt: string, closesAt: string): string {
  return `报名时间：${formatBusinessFriendly(opensAt)} 至 ${formatBusinessFriendly(closesAt)}`;
}

export function pct(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export const DAYCARE_PAGES = {
  home: '/packages/daycare/index/index',
  children: '/packages/daycare/children/index',
  mine: '/packages/daycare/mine/index',
  staff: '/packages/daycare/staff/index',
} as const;

/** "2027-07-05" → "7月5日" */
export function monthDay(ymd: string): string {
  const [, m, d] = ymd.split('-').map(Number);
  return `${m}月${d}日`;
}
