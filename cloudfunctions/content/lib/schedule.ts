/**
 * What content announces to the schedule (_lib/schedule.ts): a scheduled post its publishing
 * time; a published activity with online sign-up its reminder (a day before the start); a write
 * that moves an activity's places the places recount, once the places are quiet again.
 */
import { lowerDue } from '../../_lib/schedule';
import type { BaseContext } from '../../_lib/router';
import type { PostDoc } from './docs';

/** Members who signed up hear about the activity this long before it starts. */
export const REMIND_BEFORE_MS = 24 * 3600_000;
/** Longer than any `content` invocation can live (config.json timeout: 20 s). */
export const QUIET_MS = 60_000;
/**
 * A write that moves places (a take, a waitlist change, a cancellation before its place is handed
 * on) announces the recount this long after it: by then the pair of writes is complete or never
 * will be.
 */
export const RECOUNT_AFTER_MS = QUIET_MS + 30_000;

export function announceRecount(ctx: Pick<BaseContext, 'db' | 'now'>): Promise<boolean> {
  return lowerDue(ctx, 'content.recountPlaces', new Date(ctx.now().getTime() + RECOUNT_AFTER_MS));
}

export async function announcePost(
  ctx: Pick<BaseContext, 'db' | 'now'>,
  post: Pick<PostDoc, 'status' | 'publishAt' | 'activity'>,
): Promise<void> {
  const now = ctx.now().getTime();
  if (post.status === 'scheduled' && post.publishAt) await lowerDue(ctx, 'content.publishDue', new Date(post.publishAt));
  if (post.status !== 'published' || !post.activity?.signup) return;
  const startAt = new Date(post.activity.startAt).getTime();
  if (startAt <= now) return;
  await lowerDue(ctx, 'content.remindActivities', new Date(Math.max(now, startAt - REMIND_BEFORE_MS)));
}
