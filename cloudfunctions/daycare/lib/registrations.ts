/** Reading registrations with what their views need (campaign, site, slot, waitlist place). */
import type { RegistrationView } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { CampaignDoc, RegistrationDoc, SiteDoc, SlotDoc } from './docs';
import { registrationView, type RegistrationContext } from './present';

async function byIds<T extends { _id: string }>(ctx: BaseContext, collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await ctx.db
    .collection(collection)
    .where({ _id: ctx.db.command.in(unique) })
    .limit(1000)
    .get();
  return new Map((res.data as T[]).map((d) => [d._id, d]));
}

export async function contextFor(ctx: BaseContext, regs: RegistrationDoc[]): Promise<RegistrationContext> {
  const [campaigns, sites, slots] = await Promise.all([
    byIds<CampaignDoc>(
      ctx,
      C.daycareCampaigns,
      regs.map((r) => r.campaignId),
    ),
    byIds<SiteDoc>(
      ctx,
      C.daycareSites,
      regs.map((r) => r.siteId),
    ),
    byIds<SlotDoc>(
      ctx,
      C.daycareSlots,
      regs.map((r) => r.slotId),
    ),
  ]);
  return { campaigns, sites, slots };
}

/** 1-based place on the slot's waitlist: how many waitlisted families are ahead, plus one. */
export async function waitPosition(ctx: BaseContext, r: RegistrationDoc): Promise<number | null> {
  if (r.status !== 'waitlisted') return null;
  const ahead = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ slotId: r.slotId, status: 'waitlisted', queueKey: ctx.db.command.lt(r.queueKey) })
    .count();
  return (ahead.total ?? 0) + 1;
}

export async function viewsOf(ctx: BaseContext, regs: RegistrationDoc[]): Promise<RegistrationView[]> {
  const rc = await contextFor(ctx, regs);
  const positions = await Promise.all(regs.map((r) => waitPosition(ctx, r)));
  return regs.map((r, i) => registrationView(r, rc, positions[i]));
}

export async function viewOf(ctx: BaseContext, r: RegistrationDoc): Promise<RegistrationView> {
  return (await viewsOf(ctx, [r]))[0];
}
