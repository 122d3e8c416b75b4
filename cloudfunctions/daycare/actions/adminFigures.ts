/** Demand vs capacity, admissions, waitlist length and attendance per site × period × band. */
import { ok } from '../../../shared/envelope';
import { ACTIVE_STATUSES, GRADE_BANDS, attendanceRate } from '../../../shared/daycare/rules';
import type { AdminFiguresRequest } from '../../../shared/daycare/schemas';
import type { AdminFiguresResult, FigureRow } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction, type UserContext } from '../../_lib/router';
import { requireCampaignAdmin } from '../lib/access';
import type { RegistrationDoc, SiteDoc, SlotDoc } from '../lib/docs';
import { getAll, getCampaign } from '../lib/store';

async function countWhere(ctx: UserContext, where: object): Promise<number> {
  return (await ctx.db.collection(C.daycareRegistrations).where(where).count()).total ?? 0;
}

export const adminFigures = userAction<AdminFiguresRequest, AdminFiguresResult>('daycare.adminFigures', async (input, ctx) => {
  const campaign = await getCampaign(ctx, input.campaignId);
  await requireCampaignAdmin(ctx, campaign);
  const _ = ctx.db.command;
  const [sites, slots] = await Promise.all([
    getAll<SiteDoc>(ctx, C.daycareSites, { campaignId: campaign._id }),
    getAll<SlotDoc>(ctx, C.daycareSlots, { campaignId: campaign._id }, ['startDate', 'asc']),
  ]);
  const siteName = new Map(sites.map((s) => [s._id, s.name]));
  let present = 0;
  let marked = 0;
  const rows: FigureRow[] = await Promise.all(
    slots.map(async (slot) => {
      const [demand, admitted, offered, waitlist, attending] = await Promise.all([
        countWhere(ctx, { slotId: slot._id, status: _.in([...ACTIVE_STATUSES]) }),
        countWhere(ctx, { slotId: slot._id, status: 'admitted' }),
        countWhere(ctx, { slotId: slot._id, status: 'offered' }),
        countWhere(ctx, { slotId: slot._id, status: 'waitlisted' }),
        getAll<Pick<RegistrationDoc, 'attendance'>>(ctx, C.daycareRegistrations, { slotId: slot._id, status: 'admitted' }),
      ]);
      let p = 0;
      let m = 0;
      for (const r of attending) {
        const a = attendanceRate(r.attendance);
        p += a.present;
        m += a.marked;
      }
      present += p;
      marked += m;
      return {
        slotId: slot._id,
        siteName: siteName.get(slot.siteId) ?? '',
        periodName: slot.periodName,
        bandLabel: GRADE_BANDS[slot.band].label,
        capacity: slot.capacity,
        demand,
        admitted,
        offered,
        waitlist,
        attendanceRate: m ? p / m : null,
      };
    }),
  );
  const sum = (k: 'capacity' | 'demand' | 'admitted' | 'waitlist') => rows.reduce((n, r) => n + r[k], 0);
  return ok({
    campaignId: campaign._id,
    rows,
    totals: {
      capacity: sum('capacity'),
      demand: sum('demand'),
      admitted: sum('admitted'),
      waitlist: sum('waitlist'),
      attendanceRate: marked ? present / marked : null,
    },
  });
});
