/** Display helpers shared by the recuperation pages. */
import { MEMBER_TAG_LABELS, type MemberTag } from '../../../shared/member/tags';
import type { ApplicationStatus } from '../../../shared/recuperation/schemas';

export const TAG_LABELS: Record<MemberTag, string> = { ...MEMBER_TAG_LABELS, leader: '领导干部' };

export function statusBadge(status: ApplicationStatus): string {
  if (status === 'approved' || status === 'attended') return 'rc-badge';
  if (status === 'pending') return 'rc-badge rc-badge--warn';
  if (status === 'refused') return 'rc-badge rc-badge--bad';
  return 'rc-badge rc-badge--off';
}
