import { SIGNUP_STATUS_LABELS, type RosterItem } from '../../../shared/content/views';
import { iso } from './time';
import type { SignupDoc } from './docs';

export function rosterItem(s: SignupDoc): RosterItem {
  const status = s.status === 'cancelled' ? 'waitlisted' : s.status;
  return {
    id: s._id,
    nameMasked: s.nameMasked,
    status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    createdAt: new Date(s.createdAt).toISOString(),
    checkedInAt: iso(s.checkedInAt),
  };
}
