/** Stored documents → response shapes. Only masked personal data leaves the function. */
import type {
  AdminApplicationView,
  AdminMemberDetail,
  AdminMemberView,
  ApplicationView,
  MemberCardView,
} from '../../../shared/member/schemas';
import type { ApplicationDoc, MemberDoc, UnionDoc } from './docs';
import { unionRef } from '../../_lib/unions';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

function unionOrPlaceholder(id: string, unions: Map<string, UnionDoc>) {
  const u = unions.get(id);
  // A union removed after the application was filed still shows up, by id.
  return u ? unionRef(u) : { id, name: '（已撤销的工会）', level: 'grassroots' as const };
}

export function applicationView(app: ApplicationDoc, unions: Map<string, UnionDoc>): ApplicationView {
  return {
    id: app._id,
    status: app.status,
    nameMasked: app.nameMasked,
    idMasked: app.idMasked,
    phoneMasked: app.phoneMasked,
    employer: app.employer,
    routing: app.routing,
    union: unionOrPlaceholder(app.unionId, unions),
    tags: app.tags ?? [],
    submittedAt: iso(app.submittedAt) ?? '',
    reviewedAt: iso(app.reviewedAt),
    rejectReason: app.rejectReason ?? null,
    cardNo: app.cardNo ?? null,
  };
}

export function adminApplicationView(app: ApplicationDoc, unions: Map<string, UnionDoc>): AdminApplicationView {
  return { ...applicationView(app, unions), realName: app.status === 'pending' ? app.realName : null };
}

function revokedReason(member: MemberDoc): string | null {
  return member.status === 'revoked' ? (member.statusChangedReason ?? null) : null;
}

export function cardView(member: MemberDoc, unions: Map<string, UnionDoc>): MemberCardView {
  return {
    cardNo: member.cardNo,
    nameMasked: member.nameMasked,
    union: unionOrPlaceholder(member.unionId, unions),
    status: member.status,
    revokedReason: revokedReason(member),
  };
}

/** The member's own sentence for a revoked card (cardToken), with the union's reason when known. */
export function revokedMessage(member: MemberDoc): string {
  const reason = revokedReason(member);
  return reason ? `该会员卡已停用（原因：${reason}），如有疑问请联系所属工会` : '该会员卡已停用，如有疑问请联系所属工会';
}

export function adminMemberView(member: MemberDoc, unions: Map<string, UnionDoc>): AdminMemberView {
  return {
    id: member._id,
    cardNo: member.cardNo,
    nameMasked: member.nameMasked,
    union: unionOrPlaceholder(member.unionId, unions),
    status: member.status,
    claimed: !!member.openid,
    lastChange: member.statusChangedAt
      ? {
          status: member.status,
          at: iso(member.statusChangedAt) ?? '',
          byName: member.statusChangedByName || '工会管理员',
          reason: member.statusChangedReason ?? null,
        }
      : null,
  };
}

/** 会员信息维护: the admin's view plus the tags. */
export function adminMemberDetail(member: MemberDoc, unions: Map<string, UnionDoc>): AdminMemberDetail {
  return { ...adminMemberView(member, unions), tags: member.tags ?? [] };
}
