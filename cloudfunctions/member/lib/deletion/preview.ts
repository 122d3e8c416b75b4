/**
 * What 注销账号 would do for this user now: the blocking items (the guard) and the counts the
 * page turns into lines (shared/member/deletion.ts). Each other domain answers for its own
 * records (its function's `forgetUser.blockers` / `forgetUser.counts`). Nothing is written.
 */
import { EMPTY_COUNTS, type DeletionCounts } from '../../../../shared/member/deletion';
import { C } from '../../../_lib/collections';
import { FORGET_USER_DOMAINS, remoteForgetUser } from '../../../_lib/forgetUser';
import { countOf, docById, docsByIds } from '../../../_lib/reads';
import type { BaseContext } from '../../../_lib/router';
import type { MemberDoc, UnionDoc, UserDoc } from '../docs';

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
  const domains = await Promise.all(FORGET_USER_DOMAINS.map((fn) => remoteForgetUser.blockers(ctx, fn, openid)));
  return [...out, ...domains.flat()];
}

export async function countAll(ctx: BaseContext, openid: string): Promise<DeletionCounts> {
  const _ = ctx.db.command;
  const [user, linked, applications, pendingApplications, domains, notices, pendingMessages] = await Promise.all([
    docById<UserDoc>(ctx, C.users, openid),
    ctx.db.collection(C.members).where({ openid }).limit(1).get(),
    countOf(ctx, C.memberApplications, { openid }),
    countOf(ctx, C.memberApplications, { openid, status: 'pending' }),
    Promise.all(FORGET_USER_DOMAINS.map((fn) => remoteForgetUser.counts(ctx, fn, openid))),
    countOf(ctx, C.notifications, { openid }),
    countOf(ctx, C.outbox, { openid, status: _.in(['pending', 'sending']) }),
  ]);
  const member = (linked.data[0] as MemberDoc | undefined) ?? null;
  const unions = member ? await docsByIds<UnionDoc>(ctx, C.unions, [member.unionId]) : new Map<string, UnionDoc>();
  return {
    ...EMPTY_COUNTS,
    // Each domain's own fields; membership's below.
    ...(Object.assign({}, ...domains) as Partial<DeletionCounts>),
    account: !!user,
    follows: user?.follows?.length ?? 0,
    membershipUnion: member ? (unions.get(member.unionId)?.name ?? '所属工会') : null,
    applications,
    pendingApplications,
    notices,
    pendingMessages,
  };
}
