/**
 * Job (run by the schedule tick at each window's close, _lib/schedule.ts): campaigns whose sign-up window has closed. Lottery campaigns are
 * allocated (lib/allocate.ts); first-come campaigns, already allocated at sign-up, are marked
 * closed. Safe to run twice or concurrently: every step is claimed by a conditional update.
 */
import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { TriggerHandler } from '../../_lib/router';
import { allocateCampaign } from '../lib/allocate';
import type { CampaignDoc } from '../lib/docs';
import { audit } from '../lib/store';
import { earliest } from '../../_lib/schedule';

export const closeWindows: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  const due = await ctx.db
    .collection(C.daycareCampaigns)
    .where({ status: _.in(['open', 'allocating']), closesAt: _.lte(ctx.now()) })
    .orderBy('closesAt', 'asc')
    .limit(20)
    .get();
  let allocated = 0;
  let closed = 0;
  for (const c of due.data as CampaignDoc[]) {
    if (c.mode === 'lottery') {
      if (await allocateCampaign(ctx, c)) allocated += 1;
      continue;
    }
    const res = await ctx.db.collection(C.daycareCampaigns).where({ _id: c._id, status: 'open' }).update({ status: 'closed' });
    if (res.updated === 1) {
      closed += 1;
      await audit(ctx, { campaignId: c._id, event: 'closed', actor: 'system', detail: '先到先得报名截止' });
    }
  }
  // For the schedule: the next window's close; a full page or an allocation not finished here → the next minute.
  const next = await ctx.db
    .collection(C.daycareCampaigns)
    .where({ status: 'open', closesAt: _.gt(ctx.now()) })
    .field({ closesAt: true })
    .orderBy('closesAt', 'asc')
    .limit(1)
    .get();
  const unfinished = due.data.length - allocated - closed > 0;
  const nextDueAt = unfinished ? ctx.now() : earliest((next.data[0] as CampaignDoc | undefined)?.closesAt);
  return ok({ allocated, closed, nextDueAt });
};
