import { ok } from '../../../shared/envelope';
import type { AdminSaveRequest } from '../../../shared/content/schemas';
import type { AdminSaveResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { assertOwnImage } from '../../_lib/uploads';
import { assertCanPublishFor, loadPost, loadUnion, requireAdmin, type Admin } from '../lib/access';
import type { PostDoc } from '../lib/docs';
import { isDuplicate, postIdFor } from '../lib/ids';
import { postFields, type PostFields } from '../lib/postInput';
import { adminView } from '../lib/present';
import { recordRevision } from '../lib/revisions';
import { announcePost } from '../lib/schedule';
import { fillFromWaitlist } from '../lib/signups';

/**
 * Create a draft or edit a post of the admin's own union. The body is sanitised on the server
 * (whatever the page sent). Edits bump `version` with a conditional update (two admins editing
 * at once: the second gets CONFLICT) and keep every version in post_revisions.
 */
export const adminSave = userAction<AdminSaveRequest, AdminSaveResult>('content.adminSave', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  assertCanPublishFor(admin, input.unionId);
  assertOwnImage(input.cover, input.unionId);
  const fields = postFields(input);
  const post = input.id ? await edit(ctx, admin, input.id, input.unionId, fields) : await create(ctx, admin, input.unionId, fields);
  return ok({ post: adminView(post), sanitized: fields.sanitized });
});

async function create(ctx: UserContext, admin: Admin, unionId: string, f: PostFields): Promise<PostDoc> {
  const union = await loadUnion(ctx, unionId);
  const now = ctx.now();
  const post: PostDoc = {
    _id: postIdFor(ctx.openid, ctx.requestId),
    unionId,
    unionName: union.name,
    unionAncestors: union.ancestors,
    kind: f.kind,
    title: f.title,
    summary: f.summary,
    cover: f.cover,
    body: f.body,
    status: 'draft',
    publishAt: null,
    publishedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
    activity: f.activity,
    remaining: f.activity?.signup?.capacity ?? 0,
    waitlisted: 0,
    placesChangedAt: null,
    checkedIn: 0,
    readCount: 0,
    version: 1,
    createdBy: ctx.openid,
    createdAt: now,
    updatedAt: now,
    updatedBy: ctx.openid,
  };
  try {
    await ctx.db.collection(C.posts).add(post);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    return loadPost(ctx, post._id); // the same request again: answer with what it created
  }
  await recordRevision(ctx, post, 'create', admin.user.nameMasked);
  return post;
}

async function edit(ctx: UserContext, admin: Admin, id: string, unionId: string, f: PostFields): Promise<PostDoc> {
  const _ = ctx.db.command;
  const current = await loadPost(ctx, id);
  assertCanPublishFor(admin, current.unionId);
  if (current.unionId !== unionId) throw new AppFailure('INVALID_ARGUMENT', '不能更改内容的发布工会');
  if (current.status === 'withdrawn') throw new AppFailure('POST_WITHDRAWN');
  if (current.kind !== f.kind) throw new AppFailure('INVALID_ARGUMENT', '不能更改内容类型');

  // Sign-up places: capacity changes move `remaining` by the same amount, never below zero.
  const oldCap = current.activity?.signup?.capacity ?? 0;
  const newCap = f.activity?.signup?.capacity ?? 0;
  const taken = oldCap - current.remaining;
  if (!f.activity?.signup && (taken > 0 || (current.waitlisted ?? 0) > 0)) {
    throw new AppFailure('INVALID_ARGUMENT', '已有会员报名，不能关闭线上报名');
  }
  const delta = newCap - oldCap;
  const now = ctx.now();
  const patch: Record<string, unknown> = {
    title: f.title,
    summary: f.summary,
    cover: f.cover,
    // _.set: replace the whole value (the SDK would otherwise flatten objects into dot paths).
    body: _.set(f.body),
    activity: _.set(f.activity),
    remaining: _.inc(delta),
    version: _.inc(1),
    updatedAt: now,
    updatedBy: ctx.openid,
  };
  // A capacity change moves `remaining`: mark it, so a running recount of the old figures is void.
  if (delta !== 0) patch.placesChangedAt = now;
  const where: Record<string, unknown> = { _id: id, version: current.version };
  if (delta < 0) where.remaining = _.gte(-delta);
  const res = await ctx.db.collection(C.posts).where(where).update(patch);
  if (res.updated !== 1) {
    const fresh = await loadPost(ctx, id);
    if (fresh.version !== current.version) throw new AppFailure('CONFLICT');
    throw new AppFailure('CAPACITY_BELOW_SIGNED', `已有 ${oldCap - fresh.remaining} 人报名，名额不能少于已报名人数`);
  }
  const updated = await loadPost(ctx, id);
  await recordRevision(ctx, updated, 'edit', admin.user.nameMasked);
  await announcePost(ctx, updated); // a new start time or sign-up moves the reminder and the recount
  if (delta > 0) await fillFromWaitlist(ctx, updated);
  return delta > 0 ? loadPost(ctx, id) : updated;
}
