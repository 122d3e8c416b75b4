import { ok } from '../../../shared/envelope';
import { quoted } from '../../../shared/text';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import type { BaseContext, TriggerHandler } from '../../_lib/router';
import type { PostDoc, SignupDoc } from '../lib/docs';
import { activityLink } from '../lib/signups';
import { REMIND_BEFORE_MS } from '../lib/schedule';

export { REMIND_BEFORE_MS };
const PAGE = 100;

async function remindSignedUp(ctx: BaseContext, post: PostDoc): Promise<number> {
  const _ = ctx.db.command;
  const when = formatBusiness(post.activity!.startAt, 'YYYY年MM月DD日 HH:mm');
  let after = '';
  let sent = 0;
  for (;;) {
    const res = await ctx.db
      .collection(C.activitySignups)
      .where({ postId: post._id, status: 'signed', _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    const page = res.data as SignupDoc[];
    for (const s of page) {
      await notify(ctx, {
        openid: s.openid,
        category: 'activity',
        title: '活动即将开始',
        body: `您报名的${quoted(post.title)}将于 ${when} 在${post.activity!.place}开始，请准时参加。`,
        link: activityLink(post._id),
        template: 'activity_reminder',
        templateData: { thing1: post.title, time2: when, thing3: post.activity!.place, thing4: '请准时参加，如不能到场请取消报名' },
        // One reminder per member per activity, however often this timer runs.
        dedupeKey: `activity:${post._id}:remind:${s.openid}`,
      });
      sent++;
    }
    if (page.length < PAGE) return sent;
    after = page[page.length - 1]._id;
  }
}

/**
 * Job `remindActivities` (run by the schedule tick a day before each activity, _lib/schedule.ts): members signed up for an activity that starts
 * within the next 24 hours get one reminder (in-app, and the subscribe message they accepted
 * when signing up). Notices are keyed by activity + member, so overlapping or repeated runs send
 * nothing twice; `remindedAt` only stops later runs from re-reading the roster.
 */
export const remindActivities: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  const now = ctx.now();
  const horizon = new Date(now.getTime() + REMIND_BEFORE_MS);
  const res = await ctx.db
    .collection(C.posts)
    .where({ kind: 'activity', status: 'published', remindedAt: null, 'activity.startAt': _.gt(now).and(_.lte(horizon)) })
    .field({ body: false })
    .limit(50)
    .get();
  let activities = 0;
  let reminders = 0;
  for (const post of res.data as PostDoc[]) {
    if (!post.activity?.signup) continue;
    reminders += await remindSignedUp(ctx, post);
    await ctx.db.collection(C.posts).where({ _id: post._id, remindedAt: null }).update({ remindedAt: now });
    activities++;
  }
  if (activities) ctx.log.info('activity reminders sent', { activities, reminders });
  // For the schedule: the next activity's reminder time (a full page: the next minute again).
  const next = await ctx.db
    .collection(C.posts)
    .where({ kind: 'activity', status: 'published', remindedAt: null, 'activity.startAt': _.gt(horizon) })
    .field({ activity: true })
    .orderBy('activity.startAt', 'asc')
    .limit(1)
    .get();
  const startAt = (next.data[0] as PostDoc | undefined)?.activity?.startAt;
  const nextDueAt = res.data.length === 50 ? now : startAt ? new Date(new Date(startAt).getTime() - REMIND_BEFORE_MS) : null;
  return ok({ activities, reminders, nextDueAt });
};
