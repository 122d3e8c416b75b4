/**
 * 会员信息维护: a union admin changes a member's tags and/or moves the member to another union
 * (转会, 组织关系转接). The admin must reach the member's CURRENT union and, for a transfer, the
 * TARGET union (a district admin moves members inside the district; across districts it takes
 * the common ancestor's admin, e.g. the city). The target must be a union members can belong to
 * (MEMBER_UNION_LEVELS, the rule the import uses). A suspended card is refused: reinstate first.
 *
 * Same shape as member.adminSetStatus: one transaction re-reads the member (and re-checks the
 * scope on what it read), writes the member, the linked user's copy (union, ancestors, tags,
 * the new union chain added to follows) and one `member_audit` entry, so:
 * - two admins making the same change at once: one commits, the other is retried, finds the
 *   member already so and answers `changed: false` — one change, one audit entry;
 * - a retry of the same request (same requestId from the same admin) answers its own change
 *   (`changed: true`) without applying anything twice.
 * The member is notified in-app after the commit, keyed by the change's version.
 */
import { ok } from '../../../shared/envelope';
import {
  UPDATE_NOTE_MAX,
  UPDATE_NOTE_MIN,
  type AdminUpdateMemberRequest,
  type AdminUpdateMemberResult,
} from '../../../shared/member/schemas';
import { MEMBER_TAG_LABELS, MEMBER_TAGS, normalizeTags, tagFromText, type MemberTag } from '../../../shared/member/tags';
import { defaultFollows, isInScope, MEMBER_UNION_LEVELS } from '../../../shared/union/tree';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import { requireAdmin, type Admin } from '../../_lib/roles';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { findUnion, unionsById } from '../../_lib/unions';
import { findMemberInScope, memberNotFound } from '../lib/adminMembers';
import type { MemberDoc, MemberUpdateAuditDoc, UnionDoc } from '../lib/docs';
import { linkedUserIn } from '../lib/link';
import { adminMemberDetail } from '../lib/present';
import { inTransaction, txGet } from '../lib/tx';

const CARD_PAGE = '/packages/member/card/index';

interface Wanted {
  tags: MemberTag[] | null;
  unionId: string | null;
  note: string | null;
}

type Outcome = { member: MemberDoc; changed: boolean; audit: MemberUpdateAuditDoc | null };

export function tagLabels(tags: readonly MemberTag[]): string {
  return tags.length ? tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') : '无';
}

/** Tags as codes or labels → the normalized set; an unknown one is named (it is the admin's own input). */
function tagsOf(input: readonly string[]): MemberTag[] {
  const out: MemberTag[] = [];
  for (const text of input) {
    const tag = tagFromText(text);
    if (!tag) throw new AppFailure('INVALID_ARGUMENT', `不认识的职工标签「${text.trim().slice(0, 20)}」，可选：${tagLabels(MEMBER_TAGS)}`);
    out.push(tag);
  }
  return normalizeTags(out);
}

/** What the request asks for, or INVALID_ARGUMENT before anything is read. */
function wantedOf(input: AdminUpdateMemberRequest): Wanted {
  if (input.tags === undefined && input.unionId === undefined)
    throw new AppFailure('INVALID_ARGUMENT', '请指定要修改的职工标签或转入的工会');
  const note = (input.note ?? '').trim().replace(/\s+/g, ' ');
  const length = Array.from(note).length;
  if (input.unionId !== undefined && length < UPDATE_NOTE_MIN) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `转会须填写说明（${UPDATE_NOTE_MIN}–${UPDATE_NOTE_MAX} 个字），如：调入新单位工作，会员将看到这条说明`,
    );
  }
  if (length > 0 && (length < UPDATE_NOTE_MIN || length > UPDATE_NOTE_MAX))
    throw new AppFailure('INVALID_ARGUMENT', `说明请填写 ${UPDATE_NOTE_MIN}–${UPDATE_NOTE_MAX} 个字`);
  return { tags: input.tags === undefined ? null : tagsOf(input.tags), unionId: input.unionId ?? null, note: length ? note : null };
}

/** The transfer target: exists, in the admin's subtree, and a union members belong to (same rule as the import). */
async function targetUnion(ctx: UserContext, admin: Admin, unionId: string): Promise<UnionDoc> {
  const union = await findUnion(ctx, unionId);
  if (!union) throw new AppFailure('NOT_FOUND', '转入的工会不存在，请重新选择');
  if (!isInScope(admin.unionIds, union.ancestors)) {
    throw new AppFailure('OUT_OF_SCOPE', '转入的工会不在您管理的范围内；跨区（县）转会请由双方共同的上级工会办理');
  }
  if (!MEMBER_UNION_LEVELS.includes(union.level))
    throw new AppFailure('UNION_NOT_ELIGIBLE', '会员只能转入基层工会或街道（乡镇）总工会，请重新选择');
  return union;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

async function applyUpdate(ctx: UserContext, admin: Admin, memberId: string, wanted: Wanted, target: UnionDoc | null): Promise<Outcome> {
  const now = ctx.now();
  const by = admin.user.openid;
  const _ = ctx.db.command;
  return inTransaction<Outcome>(ctx.db, async (tx) => {
    const member = await txGet<MemberDoc>(tx, C.members, memberId);
    if (!member) throw memberNotFound();
    // This very request already made the latest change (a retry after a lost answer).
    if (member.infoRequestId === ctx.requestId && member.infoChangedBy === by) {
      const audit = await txGet<MemberUpdateAuditDoc>(tx, C.memberAudit, `${member._id}_u${member.infoVersion ?? 0}`);
      return { member, changed: true, audit };
    }
    // Decided on what this transaction read: another admin may have moved the member meanwhile.
    if (!isInScope(admin.unionIds, member.unionAncestors ?? [])) throw memberNotFound();
    if (member.status === 'revoked') throw new AppFailure('MEMBER_SUSPENDED', '该会员卡已停用，请先恢复会员卡，再修改标签或转会');

    const tagsBefore = normalizeTags(member.tags ?? []);
    const tagsAfter = wanted.tags ?? tagsBefore;
    const tagsChanged = !sameTags(tagsBefore, tagsAfter);
    const moving = !!target && target._id !== member.unionId;
    if (!tagsChanged && !moving) return { member, changed: false, audit: null };

    const version = (member.infoVersion ?? 0) + 1;
    const byName = admin.user.nameMasked || '工会管理员';
    const unionId = moving ? target._id : member.unionId;
    const unionAncestors = moving ? target.ancestors : member.unionAncestors;
    const fields = {
      infoChangedAt: now,
      infoChangedBy: by,
      infoChangedByName: byName,
      infoNote: wanted.note,
      infoRequestId: ctx.requestId,
      infoVersion: version,
    };
    // Arrays are replaced whole (_.set): a shorter chain must not keep the old tail.
    await tx
      .collection(C.members)
      .doc(member._id)
      .update({ ...fields, unionId, unionAncestors: _.set(unionAncestors), tags: _.set(tagsAfter) });

    const { _id: auditId, ...audit }: MemberUpdateAuditDoc = {
      _id: `${member._id}_u${version}`,
      kind: 'update',
      memberId: member._id,
      cardNo: member.cardNo,
      unionId,
      unionAncestors,
      fromUnionId: moving ? member.unionId : null,
      toUnionId: moving ? unionId : null,
      tagsBefore: tagsChanged ? tagsBefore : null,
      tagsAfter: tagsChanged ? tagsAfter : null,
      tagsAdded: tagsAfter.filter((t) => !tagsBefore.includes(t)),
      tagsRemoved: tagsBefore.filter((t) => !tagsAfter.includes(t)),
      note: wanted.note,
      by,
      byName,
      at: now,
      requestId: ctx.requestId,
    };
    await tx.collection(C.memberAudit).doc(auditId).set(audit);

    const user = await linkedUserIn(tx, member);
    if (user) {
      await tx
        .collection(C.users)
        .doc(user._id)
        .update({
          unionId,
          unionAncestors: _.set(unionAncestors),
          tags: _.set(tagsAfter),
          // The new chain is added; nothing is removed (follows do not record who added them).
          follows: _.set(moving ? defaultFollows(unionAncestors, user.follows ?? []) : (user.follows ?? [])),
          updatedAt: now,
        });
    }
    return { member: { ...member, ...fields, unionId, unionAncestors, tags: tagsAfter }, changed: true, audit: { _id: auditId, ...audit } };
  });
}

async function tellMember(ctx: UserContext, member: MemberDoc, audit: MemberUpdateAuditDoc, unions: Map<string, UnionDoc>): Promise<void> {
  if (!member.openid) return; // an imported record nobody has claimed yet: no one to tell
  const name = (id: string | null) => (id && unions.get(id)?.name) || '所属工会';
  const note = audit.note ? `说明：${audit.note}。` : '';
  const tags = audit.tagsAfter ? `会员标签${audit.toUnionId ? '同时' : '已'}更新为：${tagLabels(audit.tagsAfter)}。` : '';
  const transfer = !!audit.toUnionId;
  await notify(ctx, {
    openid: member.openid,
    category: 'membership',
    title: transfer ? '会员关系已转移' : '会员标签已更新',
    body: transfer
      ? `您的会员关系已转至${name(audit.toUnionId)}（原：${name(audit.fromUnionId)}），会员卡号不变。${note}${tags}如有疑问请联系${name(audit.toUnionId)}。`
      : `您的会员标签已更新为：${tagLabels(audit.tagsAfter ?? [])}。标签关系到福利、疗休养等服务的参与条件和优先顺序。${note}如有疑问请联系${name(audit.unionId)}。`,
    link: CARD_PAGE,
    dedupeKey: `member:${member.cardNo}:info:${member.infoVersion ?? 0}`,
  });
}

export const adminUpdateMember = userAction<AdminUpdateMemberRequest, AdminUpdateMemberResult>(
  'member.adminUpdateMember',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const wanted = wantedOf(input);
    const found = await findMemberInScope(ctx, admin, { cardNo: input.cardNo }, 'member.adminUpdateMember');
    const target = wanted.unionId ? await targetUnion(ctx, admin, wanted.unionId) : null;
    const { member, changed, audit } = await applyUpdate(ctx, admin, found._id, wanted, target);
    const unions = await unionsById(ctx, [member.unionId, ...(audit?.fromUnionId ? [audit.fromUnionId] : [])]);
    if (changed && audit) await tellMember(ctx, member, audit, unions);
    ctx.log.info('member updated', { unionId: member.unionId, moved: !!audit?.toUnionId, tags: !!audit?.tagsAfter, changed });
    return ok({ member: adminMemberDetail(member, unions), changed });
  },
);
