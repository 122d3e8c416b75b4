import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { TriggerHandler } from '../../_lib/router';
import type { PostDoc } from '../lib/docs';
import { announcePost } from '../lib/schedule';

/**
 * Job `publishDue` (run by the schedule tick at each scheduled post's minute, _lib/schedule.ts): scheduled posts whose time has come become published, with
 * `publishedAt` = the scheduled time. Each flip is conditional (still scheduled, time passed),
 * so overlapping runs and an admin's concurrent edit or withdrawal are safe.
 */
export const publishDue: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  const now = ctx.now();
  let published = 0;
  let more = true;
  for (let round = 0; round < 10; round++) {
    const res = await ctx.db
      .collection(C.posts)
      .where({ status: 'scheduled', publishAt: _.lte(now) })
      .field({ body: false })
      .limit(100)
      .get();
    const due = res.data as PostDoc[];
    for (const p of due) {
      const flip = await ctx.db
        .collection(C.posts)
        .where({ _id: p._id, status: 'scheduled', publishAt: _.lte(now) })
        .update({ status: 'published', publishedAt: p.publishAt, updatedAt: now });
      published += flip.updated ?? 0;
      // A published activity now has a reminder and a places recount to schedule.
      if (flip.updated === 1) await announcePost(ctx, { ...p, status: 'published', publishAt: null });
    }
    if (due.length < 100) {
      more = false;
      break;
    }
  }
  if (published) ctx.log.info('scheduled posts published', { published });
  // For the schedule: the next scheduled post's time (announced by adminPublish too).
  const next = await ctx.db
    .collection(C.posts)
    .where({ status: 'scheduled', publishAt: _.gt(now) })
    .field({ publishAt: true })
    .orderBy('publishAt', 'asc')
    .limit(1)
    .get();
  const nextDueAt = more ? now : ((next.data[0] as PostDoc | undefined)?.publishAt ?? null);
  return ok({ published, nextDueAt });
};
