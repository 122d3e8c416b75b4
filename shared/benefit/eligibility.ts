/**
 * Who may take part in a drop: a verified member whose union is the drop's union or below it
 * (the drop's union is in the member's `unionAncestors`) and who has every required tag.
 * Returns null when eligible, else the error code and the Chinese reason.
 */
import { verifiedMemberRefusal } from '../member/schemas';
import { MEMBER_TAG_LABELS, type MemberTag } from '../member/tags';

export interface EligibilityMember {
  memberStatus?: string;
  unionAncestors?: readonly string[];
  tags?: readonly string[];
}
export interface EligibilityDrop {
  unionId: string;
  unionName: string;
  requiredTags: readonly MemberTag[];
}
export type Ineligible = { code: 'MEMBER_NOT_VERIFIED' | 'DROP_NOT_ELIGIBLE'; message: string };

export function checkEligibility(member: EligibilityMember | null, drop: EligibilityDrop): Ineligible | null {
  const refusal = verifiedMemberRefusal(member, { doing: '参与福利', join: '仅限已认证的工会会员参与，请先完成入会认证' });
  if (refusal !== null || !member) return { code: 'MEMBER_NOT_VERIFIED', message: refusal ?? '仅限已认证的工会会员参与，请先完成入会认证' };
  if (!(member.unionAncestors ?? []).includes(drop.unionId)) {
    return { code: 'DROP_NOT_ELIGIBLE', message: `本次福利仅限${drop.unionName}所属会员参与` };
  }
  const have = new Set(member.tags ?? []);
  const missing = drop.requiredTags.filter((t) => !have.has(t));
  if (missing.length > 0) {
    return { code: 'DROP_NOT_ELIGIBLE', message: `本次福利仅限${drop.requiredTags.map((t) => MEMBER_TAG_LABELS[t]).join('、')}参与` };
  }
  return null;
}
