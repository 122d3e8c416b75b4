/**
 * Job `recountPlaces` (run by the schedule tick after writes that move places, _lib/schedule.ts): repairs the place counters of activities
 * after a crash. Without multi-document transactions a sign-up is two writes (take a place on the
 * post, then record the sign-up) and a cancellation is two or three (flip the sign-up, then hand
 * the place over / give it back / move `waitlisted`). An invocation that dies between them leaves
 * `remaining` too low (a place lost for good) or `waitlisted` too high (a phantom waiter who makes
 * newcomers queue behind nobody).
 *
 * When may the records be trusted? Every write pair either changes the counters first (take a
 * place, which stamps `placesChangedAt`) or a sign-up record first (which stamps its `updatedAt`).
 * Once both have been quiet for longer than any invocation can live (QUIET_MS > the 20 s function
 * timeout), every pair is complete or never will be, so the records are the truth:
 *   remaining = capacity − signed, waitlisted = number waitlisted.
 * The records are counted first and checked for quiet after counting, so a cancellation that
 * flipped its record while we counted is seen and the post is left for the next run; one that
 * flips later was not counted, so its own counter change lands correctly on top of ours. The
 * correction is one update conditional on the counters and `placesChangedAt` read, so any
 * sign-up that took a place meanwhile turns it into a no-op (redone at the next run). It never makes
 * `remaining` exceed capacity − signed; if more members are signed than there are places it
 * only logs an error (the sign-up path prevents that; nobody is dropped by a timer).
 *
 * After a correction (or when the counters were right), free places with members waiting go to
 * the waitlist in order through fillFromWaitlist, with its 候补成功 notices, never to a newcomer.
 */
import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { BaseContext, TriggerHandler } from '../../_lib/router';
import type { PostDoc } from '../lib/docs';
import { fillFromWaitlist } from '../lib/signups';
import { QUIET_MS } from '../lib/schedule';

export { QUIET_MS };
const PAGE = 100;
/** Stop starting new posts well inside the 20 s timeout; the soonest activities go first. */
const BUDGET_MS = 12_000;

export type RecountOutcome = 'unchanged' | 'corrected' | 'busy' | 'raced' | 'overbooked';

export async function recountPost(ctx: BaseContext, post: PostDoc): Promise<{ outcome: RecountOutcome; promoted: number }> {
  const _ = ctx.db.command;
  const capacity = post.activity?.signup?.capacity;
  if (capacity === undefined) return { outcome: 'unchanged', promoted: 0 };
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - QUIET_MS);
  const changedAt = post.placesChangedAt ? new Date(post.placesChangedAt).getTime() : 0;
  if (changedAt >= cutoff.getTime()) return { outcome: 'busy', promoted: 0 };

  const signups = ctx.db.collection(C.activitySignups);
  const [signedRes, waitingRes] = await Promise.all([
    signups.where({ postId: post._id, status: 'signed' }).count(),
    signups.where({ postId: post._id, status: 'waitlisted' }).count(),
  ]);
  const signed = signedRes.total ?? 0;
  const waiting = waitingRes.total ?? 0;
  if (signed > capacity) {
    ctx.log.error('more members signed than places', { postId: post._id, capacity, signed, remaining: post.remaining });
    return { outcome: 'overbooked', promoted: 0 };
  }
  const remaining = capacity - signed;
  const storedWaitlisted = post.waitlisted ?? 0;
  let outcome: RecountOutcome = 'unchanged';
  if (post.remaining !== remaining || storedWaitlisted !== waiting) {
    // Checked after counting: a record flipped while we counted (its counter change may still
    // be on its way) makes the counts untrustworthy for now.
    const recent = await signups.where({ postId: post._id, updatedAt: _.gte(cutoff) }).count();
    if ((recent.total ?? 0) > 0) return { outcome: 'busy', promoted: 0 };
    const res = await ctx.db
      .collection(C.posts)
      .where({
        _id: post._id,
        status: 'published',
        remaining: post.remaining,
        waitlisted: post.waitlisted ?? null,
        placesChangedAt: post.placesChangedAt ?? null,
      })
      .update({ remaining, waitlisted: waiting, placesChangedAt: ctx.now() });
    if (res.updated !== 1) return { outcome: 'raced', promoted: 0 };
    // Too many free places would be a bug elsewhere (a place given back twice): say so louder.
    const facts = { postId: post._id, capacity, signed, waiting, remainingWas: post.remaining, waitlistedWas: storedWaitlisted };
    if (post.remaining > remaining) ctx.log.error('activity places recounted down', facts);
    else ctx.log.info('activity places recounted', facts);
    outcome = 'corrected';
  }
  // Free places while members wait (restored just now, or left by a crash before the promotion):
  // the head of the waitlist gets them, in order, with the usual notice.
  const promoted = remaining > 0 && waiting > 0 ? await fillFromWaitlist(ctx, post) : 0;
  return { outcome, promoted };
}

/**
 * Published activities with online sign-up that have not started: until the start, sign-ups and
 * cancellations move the counters (after it, nothing does and nobody should be promoted).
 * Soonest first, keyset-paged on (activity.startAt, _id).
 */
export const recountPlaces: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  const started = Date.now(); // elapsed run time, not business time
  const now = ctx.now();
  const base = { kind: 'activity', status: 'published', 'activity.startAt': _.gt(now) };
  const tally: Record<RecountOutcome, number> = { unchanged: 0, corrected: 0, busy: 0, raced: 0, overbooked: 0 };
  let promoted = 0;
  let after: { at: Date; id: string } | null = null;
  let finished = false;
  let outOfTime = false;
  while (!finished) {
    const where: object = after
      ? _.and([base, _.or([{ 'activity.startAt': _.gt(after.at) }, { 'activity.startAt': after.at, _id: _.gt(after.id) }])])
      : base;
    const res = await ctx.db
      .collection(C.posts)
      .where(where)
      .field({ body: false })
      .orderBy('activity.startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    const page = res.data as PostDoc[];
    for (const post of page) {
      if (Date.now() - started > BUDGET_MS) {
        // The later activities are not reached this minute either: a signal to page differently.
        ctx.log.error('recountPlaces ran out of time', { checked: Object.values(tally).reduce((a, b) => a + b, 0) });
        outOfTime = true;
        finished = true;
        break;
      }
      if (!post.activity?.signup) continue;
      const r = await recountPost(ctx, post);
      tally[r.outcome]++;
      promoted += r.promoted;
    }
    if (page.length < PAGE) finished = true;
    else after = { at: new Date(page[page.length - 1].activity!.startAt), id: page[page.length - 1]._id };
  }
  if (tally.corrected || promoted) ctx.log.info('activity places reconciled', { ...tally, promoted });
  // For the schedule: every write that moves places announces a run once they are quiet
  // (lib/schedule.ts); an activity still moving (or raced) now is looked at again then.
  const again = tally.busy + tally.raced > 0 || outOfTime;
  return ok({ ...tally, promoted, nextDueAt: again ? new Date(ctx.now().getTime() + QUIET_MS + 1000) : null });
};
