/** Campaigns with their sites and slots (and demand), as parents and admins see them. */
import { ACTIVE_STATUSES } from '../../../shared/daycare/rules';
import type { CampaignView } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { CampaignDoc, SiteDoc, SlotDoc } from './docs';
import { campaignView, siteView, slotView } from './present';
import { getAll } from './store';

export async function unionNames(ctx: BaseContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await ctx.db
    .collection(C.unions)
    .where({ _id: ctx.db.command.in(unique) })
    .field({ name: true })
    .limit(1000)
    .get();
  return new Map((res.data as Array<{ _id: string; name: string }>).map((u) => [u._id, u.name]));
}

export async function demandOf(ctx: BaseContext, slotId: string): Promise<number> {
  const res = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ slotId, status: ctx.db.command.in([...ACTIVE_STATUSES]) })
    .count();
  return res.total ?? 0;
}

export async function campaignViews(ctx: BaseContext, campaigns: CampaignDoc[]): Promise<CampaignView[]> {
  if (campaigns.length === 0) return [];
  const _ = ctx.db.command;
  const ids = campaigns.map((c) => c._id);
  const [sites, slots, lotteries] = await Promise.all([
    getAll<SiteDoc>(ctx, C.daycareSites, { campaignId: _.in(ids) }, ['createdAt', 'asc']),
    getAll<SlotDoc>(ctx, C.daycareSlots, { campaignId: _.in(ids) }, ['startDate', 'asc']),
    ctx.db
      .collection(C.daycareLotteries)
      .where({ _id: _.in(ids) })
      .field({ seed: true })
      .limit(1000)
      .get(),
  ]);
  const demand = await Promise.all(slots.map((s) => demandOf(ctx, s._id)));
  const seeds = new Map((lotteries.data as Array<{ _id: string; seed: string | null }>).map((l) => [l._id, l.seed]));
  const names = await unionNames(ctx, [...campaigns.map((c) => c.unionId), ...sites.map((s) => s.hostUnionId)]);
  const now = ctx.now();
  return campaigns.map((c) => {
    const own = sites.filter((s) => s.campaignId === c._id);
    const views = own.map((site) =>
      siteView(
        site,
        slots
          .map((s, i) => ({ s, d: demand[i] }))
          .filter((x) => x.s.siteId === site._id)
          .map((x) => slotView(x.s, x.d)),
        names,
      ),
    );
    return campaignView(c, now, views, names, seeds.get(c._id) ?? null);
  });
}
