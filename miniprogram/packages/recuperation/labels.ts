/** Display helpers shared by the recuperation pages. */
import { MEMBER_TAG_LABELS } from '../../../shared/member/tags';
import type { ApplicationStatus } from '../../../shared/recuperation/schemas';

/** The member tags' one set of labels (shared/member/tags.ts). */
export const TAG_LABELS = MEMBER_TAG_LABELS;

export function statusBadge(status: ApplicationStatus): string {
  if (status === 'approved' || status === 'attended') return 'rc-badge';
  if (status === 'pending') return 'rc-badge rc-badge--warn';
  if (status === 'refused') return 'rc-badge rc-badge--bad';
  return 'rc-badge rc-badge--off';
}
