/**
 * Published posts newest first, keyset-paginated on (publishedAt, _id) over the
 * `feed` index (unionId, status, publishedAt). `unionId in [...]` covers the followed unions
 * (at most MAX_FOLLOWS), so a page costs one query however deep the reader scrolls.
 */
import { encodeCursor, decodeCursor } from '../../../shared/content/cursor';
import type { PostCard } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, type UserContext } from '../../_lib/router';
import type { PostDoc, SignupDoc } from './docs';
import { signupIdFor } from './ids';
import { postCard } from './present';

export const MAX_FOLLOWS = 50;

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** `_.and([base, after(cursor)])`: strictly after the cursor in (field desc, _id desc) order. */
export function afterCursor(ctx: UserContext, base: object, field: string, cursor: string | undefined): object {
  if (!cursor) return base;
  const c = decodeCursor(cursor);
  if (!c) throw new AppFailure('INVALID_ARGUMENT', '分页位置无效，请刷新');
  const _ = ctx.db.command;
  const at = new Date(c.at);
  return _.and([base, _.or([{ [field]: _.lt(at) }, { [field]: at, _id: _.lt(c.id) }])]);
}

export async function publishedPosts(
  ctx: UserContext,
  unionIds: string[],
  opts: { cursor?: string; limit: number; kind?: string; /** An extra condition (content.search's keyword). */ match?: object },
): Promise<PageOf<PostDoc>> {
  if (unionIds.length === 0) return { items: [], nextCursor: null };
  const _ = ctx.db.command;
  const base: Record<string, unknown> = { unionId: unionIds.length === 1 ? unionIds[0] : _.in(unionIds), status: 'published' };
  if (opts.kind) base.kind = opts.kind;
  const res = await ctx.db
    .collection(C.posts)
    .where(afterCursor(ctx, opts.match ? _.and([base, opts.match]) : base, 'publishedAt', opts.cursor))
    .field({ body: false })
    .orderBy('publishedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(opts.limit + 1)
    .get();
  const docs = res.data as PostDoc[];
  const items = docs.slice(0, opts.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: docs.length > opts.limit && last?.publishedAt ? encodeCursor(new Date(last.publishedAt), last._id) : null };
}

/** The caller's sign-ups for these posts, in one query (deterministic ids). */
export async function mySignupsFor(ctx: UserContext, posts: PostDoc[]): Promise<Map<string, SignupDoc>> {
  const ids = posts.filter((p) => p.activity?.signup).map((p) => signupIdFor(p._id, ctx.openid));
  if (ids.length === 0) return new Map();
  const res = await ctx.db
    .collection(C.activitySignups)
    .where({ _id: ctx.db.command.in(ids) })
    .limit(ids.length)
    .get();
  return new Map((res.data as SignupDoc[]).map((s) => [s.postId, s]));
}

export async function cards(ctx: UserContext, posts: PostDoc[]): Promise<PostCard[]> {
  const mine = await mySignupsFor(ctx, posts);
  const now = ctx.now();
  return posts.map((p) => postCard(p, mine.get(p._id), now));
}
