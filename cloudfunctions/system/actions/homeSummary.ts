import { MEMBER_STATUS_LABELS } from '../../../shared/member/schemas';
import { ok } from '../../../shared/envelope';
import type { HomeNotice, HomeSummary, HomeSummaryRequest, ViewerRole } from '../../../shared/system/schemas';
import { C } from '../../_lib/collections';
import type { UserDoc } from '../../_lib/docs';
import { publicAction, type ActionContext } from '../../_lib/router';

interface NoticeDoc {
  _id: string;
  title: string;
  unionName: string;
  publishedAt: Date;
}

const ROLE_LABELS: Record<ViewerRole, string> = {
  guest: '访客',
  applicant: '未入会职工',
  member: '已认证会员',
  union_admin: '工会管理员',
};

function roleOf(user: UserDoc | undefined): ViewerRole {
  if (!user) return 'guest';
  if (user.adminUnionIds?.length) return 'union_admin';
  if (user.memberStatus === 'verified') return 'member';
  return 'applicant';
}

async function unionName(ctx: ActionContext, unionId: string | null | undefined): Promise<string | null> {
  if (!unionId) return null;
  const res = await ctx.db.collection(C.unions).where({ _id: unionId }).field({ name: true }).get();
  const doc = res.data[0] as { name?: string } | undefined;
  return doc?.name ?? null;
}

/** Unions and active member cards within the admin's subtrees (each union's `ancestors` include itself). */
async function adminScope(ctx: ActionContext, unionIds: string[], name: string | null): Promise<HomeSummary['scope']> {
  const _ = ctx.db.command;
  const [unions, members] = await Promise.all([
    ctx.db
      .collection(C.unions)
      .where({ ancestors: _.in(unionIds) })
      .count(),
    ctx.db
      .collection(C.members)
      .where({ unionAncestors: _.in(unionIds), status: 'active' })
      .count(),
  ]);
  return { name: name ?? '本工会', unions: unions.total ?? 0, members: members.total ?? 0 };
}

/** The home strip: who you are, the latest notices, a few figures. Public: guests see it too. */
export const homeSummary = publicAction<HomeSummaryRequest, HomeSummary>('system.homeSummary', async (_input, ctx) => {
  const _ = ctx.db.command;
  const now = ctx.now();
  const [userRes, noticeRes, unionCount, memberCount] = await Promise.all([
    ctx.openid ? ctx.db.collection(C.users).where({ _id: ctx.openid }).get() : Promise.resolve({ data: [] as unknown[] }),
    ctx.db
      .collection(C.notices)
      .where({ publishedAt: _.lte(now) })
      .orderBy('publishedAt', 'desc')
      .limit(5)
      .get(),
    ctx.db.collection(C.unions).count(),
    ctx.db.collection(C.users).where({ memberStatus: 'verified' }).count(),
  ]);
  const user = userRes.data[0] as UserDoc | undefined;
  const role = roleOf(user);
  const name = await unionName(ctx, role === 'union_admin' ? user?.adminUnionIds?.[0] : user?.unionId);
  const scope = role === 'union_admin' && user?.adminUnionIds?.length ? await adminScope(ctx, user.adminUnionIds, name) : null;
  const notices: HomeNotice[] = (noticeRes.data as NoticeDoc[]).map((n) => ({
    id: n._id,
    title: n.title,
    unionName: n.unionName,
    publishedAt: new Date(n.publishedAt).toISOString(),
  }));
  return ok({
    serverTime: now.getTime(),
    viewer: {
      displayName: user?.nameMasked ?? '微信用户',
      role,
      roleLabel:
        role === 'union_admin' && name
          ? `${name}管理员`
          : user?.memberStatus === 'pending'
            ? '入会审核中'
            : user?.memberStatus === 'suspended'
              ? MEMBER_STATUS_LABELS.suspended
              : ROLE_LABELS[role],
      unionName: name,
    },
    notices,
    stats: { unions: unionCount.total ?? 0, members: memberCount.total ?? 0 },
    scope,
  });
});
