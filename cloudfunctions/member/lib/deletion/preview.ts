/**
 * What 注销账号 would do for this user now: the blocking items (the guard) and the counts the
 * page turns into lines (shared/member/deletion.ts). Counting reads each collection once; nothing
 * is written.
 */
import { EMPTY_COUNTS, type DeletionCounts } from '../../../../shared/member/deletion';
import { C } from '../../../_lib/collections';
import type { BaseContext } from '../../../_lib/router';
import type { MemberDoc, UnionDoc, UserDoc } from '../docs';
import { benefitCounts } from './benefit';
import { contentCounts } from './content';
import { daycareBlockers, daycareCounts } from './daycare';
import { countOf, docById, docsByIds } from './read';
import { recuperationBlockers, recuperationCounts } from './recuperation';

/** Everything that must be settled before the account can go (Chinese, one line each). */
export async function findBlockers(ctx: BaseContext, openid: string): Promise<string[]> {
  const user = await docById<UserDoc>(ctx, C.users, openid);
  const out: string[] = [];
  const adminOf = user?.adminUnionIds ?? [];
  if (adminOf.length > 0) {
    const unions = await docsByIds<UnionDoc>(ctx, C.unions, adminOf);
    const names = adminOf.map((id) => `「${unions.get(id)?.name ?? id}」`).join('、');
    out.push(`您是${names}的管理员，请先在工会工作台「管理员管理」中移除自己（或请其他管理员移除），再注销账号`);
  }
  const [daycare, recuperation] = await Promise.all([daycareBlockers(ctx, openid), recuperationBlockers(ctx, openid)]);
  return [...out, ...daycare, ...recuperation];
}

export async function countAll(ctx: BaseContext, openid: string): Promise<DeletionCounts> {
  const _ = ctx.db.command;
  const [user, linked, applications, pendingApplications, daycare, recu, benefit, content, notices, pendingMessages] = await Promise.all([
    docById<UserDoc>(ctx, C.users, openid),
    ctx.db.collection(C.members).where({ openid }).limit(1).get(),
    countOf(ctx, C.memberApplications, { openid }),
    countOf(ctx, C.memberApplications, { openid, status: 'pending' }),
    daycareCounts(ctx, openid),
    recuperationCounts(ctx, openid),
    benefitCounts(ctx, openid),
    contentCounts(ctx, openid),
    countOf(ctx, C.notifications, { openid }),
    countOf(ctx, C.outbox, { openid, status: _.in(['pending', 'sending']) }),
  ]);
  const member = (linked.data[0] as MemberDoc | undefined) ?? null;
  const unions = member ? await docsByIds<UnionDoc>(ctx, C.unions, [member.unionId]) : new Map<string, UnionDoc>();
  return {
    ...EMPTY_COUNTS,
    account: !!user,
    follows: user?.follows?.length ?? 0,
    membershipUnion: member ? (unions.get(member.unionId)?.name ?? '所属工会') : null,
    applications,
    pendingApplications,
    children: daycare.children,
    daycareConsent: daycare.consent,
    daycareFamily: daycare.family,
    daycareActive: daycare.active,
    daycareKept: daycare.kept,
    staffSites: daycare.staffSites,
    recuDeleted: recu.deleted,
    recuKept: recu.kept,
    claimsDeleted: benefit.claimsDeleted,
    claimsKept: benefit.claimsKept,
    drawDeleted: benefit.drawDeleted,
    drawKept: benefit.drawKept,
    signups: content.signups,
    signupsCancelled: content.cancelled,
    notices,
    pendingMessages,
  };
}
