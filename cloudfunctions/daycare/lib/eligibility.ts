/**
 * The attendance bar: a child whose most recent finished period had attendance below the
 * campaign's threshold (default 70 %) may not sign up for a period that starts after it, in
 * the same or the following summer (docs/daycare.md).
 */
import { attendanceRate, barReason } from '../../../shared/daycare/rules';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { CampaignDoc, RegistrationDoc, SlotDoc } from './docs';
import { slotLabel } from './present';
import { getAll } from './store';

export interface Bar {
  reason: string;
  present: number;
  marked: number;
  threshold: number;
}

/** The bar that applies to a sign-up for a period starting on `startDate` of `summer` (or today's view when omitted). */
export async function attendanceBar(ctx: BaseContext, childId: string, target: { startDate: string; summer: number }): Promise<Bar | null> {
  const regs = await getAll<RegistrationDoc>(ctx, C.daycareRegistrations, { childId, status: 'admitted' });
  if (regs.length === 0) return null;
  const _ = ctx.db.command;
  const [slots, campaigns] = await Promise.all([
    ctx.db.collection(C.daycareSlots).where({ _id: _.in([...new Set(regs.map((r) => r.slotId))]) }).limit(1000).get(),
    ctx.db.collection(C.daycareCampaigns).where({ _id: _.in([...new Set(regs.map((r) => r.campaignId))]) }).limit(1000).get(),
  ]);
  const slotById = new Map((slots.data as SlotDoc[]).map((s) => [s._id, s]));
  const campaignById = new Map((campaigns.data as CampaignDoc[]).map((c) => [c._id, c]));
  const finished = regs
    .map((r) => ({ r, slot: slotById.get(r.slotId) }))
    .filter((x): x is { r: RegistrationDoc; slot: SlotDoc } => !!x.slot && x.slot.endDate < target.startDate)
    .sort((a, b) => (a.slot.endDate < b.slot.endDate ? 1 : -1));
  const last = finished[0];
  if (!last || target.summer > last.slot.summer + 1) return null;
  const threshold = campaignById.get(last.r.campaignId)?.attendanceThreshold ?? 0.7;
  const { present, marked, rate } = attendanceRate(last.r.attendance);
  if (rate === null || rate >= threshold) return null;
  return { reason: barReason(present, marked, threshold, slotLabel(last.slot)), present, marked, threshold };
}
