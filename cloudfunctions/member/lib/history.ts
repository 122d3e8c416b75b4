/**
 * A card's history for 会员卡管理 (member.adminMemberHistory): the `member_audit` entries
 * (停用 / 恢复, tag changes, transfers) plus facts the member record itself keeps — how it
 * was created (online join approved, or bulk import; no audit entry is written for those), when
 * it was claimed and when the linked account was deleted (注销, the record was unlinked) — and
 * the appointments / removals of the member as a union admin (`admin_audit`, 管理员管理), as
 * readable Chinese lines in Beijing time. Who acted is the admin's masked name, or a masked id
 * when none was recorded; never an openid.
 */
import type { MemberHistoryEntry } from '../../../shared/member/schemas';
import { CARD_STATUS_LABELS } from '../../../shared/member/schemas';
import { MEMBER_TAG_LABELS, type MemberTag } from '../../../shared/member/tags';
import { formatBusiness } from '../../../shared/time';
import type { AdminAuditDoc, AnyMemberAuditDoc, MemberDoc, UnionDoc } from './docs';

/** "o_local_member" → "o_lo****mber": enough to tell admins apart, not to address anyone. */
export function maskId(id: string): string {
  if (id.length <= 8) return `${id.slice(0, 2)}****`;
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}

function labels(tags: readonly MemberTag[]): string {
  return tags.map((t) => MEMBER_TAG_LABELS[t] ?? t).join('、');
}

function entry(
  id: string,
  kind: MemberHistoryEntry['kind'],
  at: Date | string,
  byName: string,
  title: string,
  details: string[],
): MemberHistoryEntry {
  const d = new Date(at);
  return { id, kind, at: d.toISOString(), atText: formatBusiness(d), byName, title, details };
}

export interface HistoryNames {
  unions: Map<string, UnionDoc>;
  /** openid → masked name, for records that keep only the openid (createdBy). */
  users: Map<string, string>;
}

/** Union ids and user ids the entries will name (read them in one go each). */
export function idsToName(
  member: MemberDoc,
  audits: AnyMemberAuditDoc[],
  adminAudits: AdminAuditDoc[] = [],
): { unionIds: string[]; userIds: string[] } {
  const unionIds = new Set<string>(adminAudits.map((a) => a.unionId));
  for (const a of audits) {
    if (a.kind === 'update') {
      if (a.fromUnionId) unionIds.add(a.fromUnionId);
      if (a.toUnionId) unionIds.add(a.toUnionId);
    }
  }
  return { unionIds: [...unionIds], userIds: member.createdBy ? [member.createdBy] : [] };
}

function who(byName: string | null | undefined, by: string | null | undefined): string {
  if (byName) return byName;
  return by ? `管理员 ${maskId(by)}` : '工会管理员';
}

function auditEntry(a: AnyMemberAuditDoc, names: HistoryNames): MemberHistoryEntry {
  const unionName = (id: string) => names.unions.get(id)?.name ?? '（已撤销的工会）';
  if (a.kind === 'update') {
    const details: string[] = [];
    if (a.fromUnionId && a.toUnionId) details.push(`工会：${unionName(a.fromUnionId)} → ${unionName(a.toUnionId)}`);
    if (a.tagsAfter) {
      const parts = [
        a.tagsAdded.length ? `增加 ${labels(a.tagsAdded)}` : '',
        a.tagsRemoved.length ? `去掉 ${labels(a.tagsRemoved)}` : '',
      ].filter(Boolean);
      details.push(`标签：${parts.join('；')}（现为：${a.tagsAfter.length ? labels(a.tagsAfter) : '无'}）`);
    }
    if (a.note) details.push(`说明：${a.note}`);
    const title = a.toUnionId && a.tagsAfter ? '转会并修改标签' : a.toUnionId ? '转会' : '修改标签';
    return entry(a._id, 'update', a.at, who(a.byName, a.by), title, details);
  }
  const title = a.to === 'revoked' ? '停用会员卡' : '恢复会员卡';
  const details = [`状态：${CARD_STATUS_LABELS[a.from]} → ${CARD_STATUS_LABELS[a.to]}`, ...(a.reason ? [`原因：${a.reason}`] : [])];
  return entry(a._id, 'status', a.at, who(a.byName, a.by), title, details);
}

/** 管理员管理: 设为 / 取消 the member as an admin of a union. */
function adminEntry(a: AdminAuditDoc, names: HistoryNames): MemberHistoryEntry {
  const unionName = names.unions.get(a.unionId)?.name ?? '（已撤销的工会）';
  const self = a.kind === 'remove' && a.by === a.openid;
  const title = a.kind === 'appoint' ? '设为工会管理员' : self ? '本人退出工会管理员' : '取消工会管理员';
  const details = [`工会：${unionName}`, ...(a.reason ? [`原因：${a.reason}`] : [])];
  return entry(a._id, 'admin', a.at, who(a.byName, a.by), title, details);
}

/** Every entry, newest first, at most `limit`. */
export function historyEntries(
  member: MemberDoc,
  audits: AnyMemberAuditDoc[],
  names: HistoryNames,
  limit: number,
  adminAudits: AdminAuditDoc[] = [],
): MemberHistoryEntry[] {
  const out = [...audits.map((a) => auditEntry(a, names)), ...adminAudits.map((a) => adminEntry(a, names))];
  if (member.joinedAt) {
    const by = who(member.createdBy ? names.users.get(member.createdBy) : null, member.createdBy);
    out.push(
      member.source === 'import'
        ? entry(`${member._id}_created`, 'created', member.joinedAt, by, '批量导入，发放会员卡', [`卡号：${member.cardNo}`])
        : entry(`${member._id}_created`, 'created', member.joinedAt, by, '网上入会审核通过，发放会员卡', [`卡号：${member.cardNo}`]),
    );
  }
  if (member.claimedAt) out.push(entry(`${member._id}_claimed`, 'claimed', member.claimedAt, '会员本人', '会员卡绑定微信（认领）', []));
  if (member.unlinkedAt)
    out.push(
      entry(`${member._id}_unlinked`, 'unlinked', member.unlinkedAt, '会员本人', '会员注销小程序账号，会员卡解除微信绑定', [
        '会员身份保留，可重新认领',
      ]),
    );
  // Newest first; entries of the same instant keep a stable order (later id first).
  out.sort((x, y) => (x.at === y.at ? y.id.localeCompare(x.id) : y.at.localeCompare(x.at)));
  return out.slice(0, limit);
}
