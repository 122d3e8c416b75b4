/**
 * Run by the `draw` job (every minute while notices are left, _lib/schedule.ts): tells every registrant of a withdrawn (撤回) draw that
 * it will not take place — in-app notice “<title>”已撤回：<reason> — and marks the registration
 * `cancelled` with the same sentence (我的福利 shows it).
 *
 * Why here and not in benefit.adminCancel: a draw can have tens of thousands of registrants and
 * each notice is 1–3 writes; the action would run into the 60 s function timeout. Here the work
 * is resumable and bounded: registrations still `result: null` are taken in batches of BATCH, each
 * member is notified (dedupe key `drop:<id>:cancel:<openid>`, so a repeated or overlapping run
 * sends nothing twice) and only then is the registration marked, so a run cut short leaves the
 * rest for the next minute and never a marked registration without its notice. A run stops
 * starting batches after TIME_BUDGET_MS.
 *
 * Registrations that race with the withdrawal: an instance may accept a registration from its
 * cached copy of the drop until that copy is reloaded (DROP_STALE_MAX_MS), and the insert lands
 * within the invocation's lifetime (60 s timeout). The drop is finished (`cancelNoticesDoneAt`)
 * only by a run that finds nothing left at least SETTLE_MS after the withdrawal, so such late
 * registrations are found and told too.
 */
import { cancelledSentence } from '../../../shared/benefit/rules';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import type { BaseContext } from '../../_lib/router';
import { inChunks } from '../../_lib/chunks';
import { asDate, type DropDoc, type RegistrationDoc } from '../lib/docs';
import { DROP_STALE_MAX_MS } from '../lib/memory';

const FUNCTION_TIMEOUT_MS = 60_000;
/** After this long no registration accepted from a copy that predates the withdrawal can still land. */
export const SETTLE_MS = DROP_STALE_MAX_MS + FUNCTION_TIMEOUT_MS + 60_000;
const BATCH = 200;
const TIME_BUDGET_MS = 30_000;

export async function sendCancelNotices(
  ctx: BaseContext,
  startedAt: number = Date.now(),
): Promise<{ notified: number; finished: number; pending: boolean }> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const res = await ctx.db
    .collection(C.drops)
    .where({ status: 'cancelled', mode: 'draw', cancelNoticesDoneAt: null })
    .orderBy('cancelledAt', 'asc')
    .limit(20)
    .get();
  let notified = 0;
  let finished = 0;
  for (const drop of res.data as DropDoc[]) {
    const sentence = cancelledSentence(drop.title, drop.cancelReason ?? '');
    for (;;) {
      if (Date.now() - startedAt > TIME_BUDGET_MS) return { notified, finished, pending: true };
      const batch = await ctx.db
        .collection(C.dropRegistrations)
        .where({ dropId: drop._id, result: null })
        .orderBy('_id', 'asc')
        .limit(BATCH)
        .get();
      const regs = batch.data as RegistrationDoc[];
      if (regs.length === 0) {
        if (now.getTime() - asDate(drop.cancelledAt).getTime() >= SETTLE_MS) {
          await ctx.db.collection(C.drops).where({ _id: drop._id, cancelNoticesDoneAt: null }).update({ cancelNoticesDoneAt: now });
          finished++;
        }
        break;
      }
      await inChunks(regs, 20, (r) =>
        notify(ctx, {
          openid: r.openid,
          category: 'benefit',
          title: '福利已撤回',
          body: `您报名的${sentence}`,
          link: '/packages/benefit/mine/index',
          // The member asked for the result of this draw (subscribe before registering): this is it.
          template: 'benefit_result',
          templateData: {
            thing1: drop.title.slice(0, 20),
            phrase2: '已撤回',
            thing3: (drop.cancelReason ?? '').slice(0, 20),
            time4: formatBusiness(now, 'YYYY-MM-DD HH:mm'),
          },
          dedupeKey: `drop:${drop._id}:cancel:${r.openid}`,
        }),
      );
      for (let i = 0; i < regs.length; i += 100) {
        const ids = regs.slice(i, i + 100).map((r) => r._id);
        await ctx.db
          .collection(C.dropRegistrations)
          .where({ _id: _.in(ids), result: null })
          .update({ result: 'cancelled', explain: sentence });
      }
      notified += regs.length;
    }
  }
  // Drops not finished yet (notices left, or the settle time not over): the next minute again.
  return { notified, finished, pending: res.data.length > finished };
}
