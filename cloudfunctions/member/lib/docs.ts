/**
 * Stored shapes of the membership collections (see docs/membership.md). None of them holds a
 * plain ID number or phone number; the full name lives only in a pending application.
 */
import type { ApplicationStatus, CardStatus, Routing } from '../../../shared/member/schemas';
import type { MemberTag } from '../../../shared/member/tags';

export type { MemberDoc, UnionDoc, UserDoc } from '../../_lib/docs';

export interface ReviewRecord {
  status: 'rejected';
  reason: string;
  reviewedAt: Date;
  reviewedBy: string;
}

/** `member_applications/<idHash>`: the person's current application. */
export interface ApplicationDoc {
  _id: string;
  openid: string;
  /** The request that filed it: a resend of that request by the same user is answered with it (absent on older documents). */
  requestId?: string;
  status: ApplicationStatus;
  /** Shown to the reviewing admin; erased (null) once the application is decided. */
  realName: string | null;
  nameMasked: string;
  nameHash: string;
  idMasked: string;
  phoneMasked: string;
  phoneHash: string;
  employer: string;
  routing: Routing;
  unionId: string;
  unionAncestors: string[];
  tags: MemberTag[];
  consentAt: Date;
  submittedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  rejectReason: string | null;
  cardNo: string | null;
  /** Earlier rejections of this person, newest last. */
  history: ReviewRecord[];
}

/** `member_audit/<memberId>_<statusVersion>`: one applied card status change (no `kind`: written before updates existed). */
export interface MemberAuditDoc {
  _id: string;
  memberId: string;
  cardNo: string;
  unionId: string;
  unionAncestors: string[];
  from: CardStatus;
  to: CardStatus;
  reason: string | null;
  by: string;
  byName: string;
  at: Date;
  requestId: string;
}

/** `member_audit/<memberId>_u<infoVersion>`: one applied change of tags and/or union. */
export interface MemberUpdateAuditDoc {
  _id: string;
  kind: 'update';
  memberId: string;
  cardNo: string;
  /** The union after the change (ancestors root → self), like the status entries. */
  unionId: string;
  unionAncestors: string[];
  /** Set when the member moved: old and new union. */
  fromUnionId: string | null;
  toUnionId: string | null;
  /** Set when the tags changed: before, after, and the difference. */
  tagsBefore: MemberTag[] | null;
  tagsAfter: MemberTag[] | null;
  tagsAdded: MemberTag[];
  tagsRemoved: MemberTag[];
  note: string | null;
  by: string;
  byName: string;
  at: Date;
  requestId: string;
}

/** Any entry of `member_audit`. */
export type AnyMemberAuditDoc = (MemberAuditDoc & { kind?: 'status' }) | MemberUpdateAuditDoc;

/**
 * `admin_audit/<unionId>_<n>`: one applied appointment or removal of a union admin (管理员管理).
 * `openid` names the user whose rights changed (rewritten to the tombstone by 注销账号, like `by`);
 * `memberId` / `cardNo` their member card when they hold one (the card's 变更记录 lists the entry).
 */
export interface AdminAuditDoc {
  _id: string;
  kind: 'appoint' | 'remove';
  unionId: string;
  unionAncestors: string[];
  openid: string;
  memberId: string | null;
  cardNo: string | null;
  nameMasked: string;
  /** Required for a removal (the removed admin reads it); null for an appointment. */
  reason: string | null;
  by: string;
  byName: string;
  at: Date;
  requestId: string;
}

/**
 * `counters/unionAdmins_<unionId>`: advanced by every change of the union's admins, inside the
 * change's transaction (so changes of one union's admins never run side by side); `value` numbers
 * the audit entries; `requestId` / `by` of the last change answer a retry of it.
 */
export interface UnionAdminsCounterDoc {
  _id: string;
  value: number;
  requestId: string;
  by: string;
  updatedAt: Date;
}
