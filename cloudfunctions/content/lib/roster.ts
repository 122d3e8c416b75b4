import { SIGNUP_STATUS_LABELS, type RosterItem } from '../../../shared/content/views';
import { iso } from './time';
import type { SignupDoc } from './docs';
import { rosterKeyOf } from './ids';

export function rosterItem(s: SignupDoc): RosterItem {
  const status = s.status === 'cancelled' ? 'waitlisted' : s.status;
  return {
    // Never the document id: it holds the member's openid.
    id: s.rosterKey ?? rosterKeyOf(s.postId, s.openid),
    nameMasked: s.nameMasked,
    status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    createdAt: new Date(s.createdAt).toISOString(),
    checkedInAt: iso(s.checkedInAt),
  };
}
