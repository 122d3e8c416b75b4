/**
 * 工会工作台 → 概览 (system.adminOverview): figures of one union's subtree and of each of its direct
 * children (a page of them), for drilling down city → district → street → unit. Admins only, and
 * only within their subtree. Every figure is an indexed count on a collection that carries the
 * records' `unionAncestors`; reads are summed from the posts' own counters.
 */
import { ok } from '../../../shared/envelope';
import {
  OVERVIEW_PAGE_MAX,
  OVERVIEW_RANGE_MAX_DAYS,
  type AdminOverviewRequest,
  type AdminOverviewResult,
  type OverviewFigures,
  type OverviewRow,
} from '../../../shared/system/overview';
import { fromBusinessWallClock } from '../../../shared/time';
import { C } from '../../_lib/collections';
import type { UnionDoc } from '../../_lib/docs';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { findUnion, unionsById } from '../../_lib/unions';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Posts whose read counters are summed per row (a union publishes a few a week). */
const READS_POSTS_MAX = 1000;

interface Range {
  start: Date;
  end: Date;
}

function rangeOf(from: string, to: string): Range {
  const start = fromBusinessWallClock(`${from}T00:00:00`);
  const end = new Date(fromBusinessWallClock(`${to}T00:00:00`).getTime() + DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new AppFailure('INVALID_ARGUMENT', '日期格式不正确');
  if (end.getTime() <= start.getTime()) throw new AppFailure('INVALID_ARGUMENT', '结束日期不能早于开始日期');
  if (end.getTime() - start.getTime() > OVERVIEW_RANGE_MAX_DAYS * DAY_MS)
    throw new AppFailure('INVALID_ARGUMENT', `统计区间最长 ${OVERVIEW_RANGE_MAX_DAYS} 天`);
  return { start, end };
}

async function figuresOf(ctx: UserContext, unionId: string, range: Range): Promise<OverviewFigures> {
  const _ = ctx.db.command;
  const inRange = _.gte(range.start).and(_.lt(range.end));
  const count = async (collection: string, where: Record<string, unknown>) =>
    (await ctx.db.collection(collection).where(where).count()).total;
  const [members, pendingJoins, newMembers, drops, posts, daycareAdmitted, daycareWaitlisted, recuApplied, recuApproved, stats, readDocs] =
    await Promise.all([
      count(C.members, { unionAncestors: unionId, status: 'active' }),
      count(C.memberApplications, { unionAncestors: unionId, status: 'pending' }),
      count(C.members, { unionAncestors: unionId, joinedAt: inRange }),
      count(C.drops, { unionAncestors: unionId, opensAt: inRange }),
      count(C.posts, { unionAncestors: unionId, status: 'published', publishedAt: inRange }),
      count(C.daycareRegistrations, { campaignUnionAncestors: unionId, status: 'admitted' }),
      count(C.daycareRegistrations, { campaignUnionAncestors: unionId, status: 'waitlisted' }),
      count(C.recuApplications, { unionAncestors: unionId, submittedAt: inRange }),
      count(C.recuApplications, { unionAncestors: unionId, submittedAt: inRange, status: _.in(['approved', 'attended', 'absent']) }),
      ctx.db.collection(C.unionStats).where({ _id: unionId }).field({ followers: true }).get(),
      ctx.db
        .collection(C.posts)
        .where({ unionAncestors: unionId, status: 'published', publishedAt: inRange })
        .field({ readCount: true })
        .limit(READS_POSTS_MAX)
        .get(),
    ]);
  const followers = Number((stats.data[0] as { followers?: number } | undefined)?.followers ?? 0);
  const reads = (readDocs.data as Array<{ readCount?: number }>).reduce((sum, p) => sum + Number(p.readCount ?? 0), 0);
  return {
    members,
    pendingJoins,
    newMembers,
    drops,
    posts,
    reads,
    followers,
    daycareAdmitted,
    daycareWaitlisted,
    recuApplied,
    recuApproved,
  };
}

async function rowOf(ctx: UserContext, union: UnionDoc, range: Range): Promise<OverviewRow> {
  const [figures, kids] = await Promise.all([
    figuresOf(ctx, union._id, range),
    ctx.db.collection(C.unions).where({ parentId: union._id }).count(),
  ]);
  return { id: union._id, name: union.name, level: union.level, hasChildren: kids.total > 0, figures };
}

export const adminOverview = userAction<AdminOverviewRequest, AdminOverviewResult>('system.adminOverview', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const range = rangeOf(input.from, input.to);
  const union = await findUnion(ctx, input.unionId ?? admin.unionIds[0]);
  if (!union) throw new AppFailure('NOT_FOUND', '工会组织不存在，请重新选择');
  assertInScope(admin, union.ancestors);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? OVERVIEW_PAGE_MAX;

  const [childTotal, childPage] = await Promise.all([
    ctx.db.collection(C.unions).where({ parentId: union._id }).count(),
    ctx.db.collection(C.unions).where({ parentId: union._id }).orderBy('code', 'asc').skip(offset).limit(limit).get(),
  ]);
  const [row, children] = await Promise.all([
    rowOf(ctx, union, range),
    Promise.all((childPage.data as UnionDoc[]).map((u) => rowOf(ctx, u, range))),
  ]);

  // The breadcrumb starts at the admin's own union that contains this one.
  const top = union.ancestors.findIndex((id) => admin.unionIds.includes(id));
  const pathIds = union.ancestors.slice(Math.max(0, top));
  const names = await unionsById(ctx, pathIds);
  return ok({
    union: row,
    path: pathIds.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
    children,
    childTotal: childTotal.total,
    offset,
    limit,
    from: input.from,
    to: input.to,
  });
});
