/** Who may review a 本地行 claim: an admin of a union above the unit (not the unit's own), not its submitter. */
import type { Admin } from './access';
import type { SubsidyDoc } from './docs';

export function canReviewClaim(admin: Admin, claim: Pick<SubsidyDoc, 'unionAncestors' | 'unionId' | 'submittedBy'>): boolean {
  const above = claim.unionAncestors.filter((id) => id !== claim.unionId);
  return claim.submittedBy !== admin.user.openid && admin.unionIds.some((id) => above.includes(id));
}
