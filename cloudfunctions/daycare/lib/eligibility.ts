/**
 * The attendance bar: a child whose most recent finished period had attendance below the
 * campaign's threshold (default 70 %, shared/daycare/rules.ts) may not sign up for a period that starts after it, in
 * the same or the following summer (docs/daycare.md).
 */
import { attendanceBarFor, type AttendanceBar, type FinishedPeriod } from '../../../shared/daycare/rules';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { CampaignDoc, RegistrationDoc, SlotDoc } from './docs';
import { slotLabel } from './present';
import { getAll } from './store';

export type Bar = AttendanceBar;

/** The bar that applies to a sign-up for a period starting on `startDate` of `summer` (the rule: shared/daycare/rules.ts attendanceBarFor). */
export async function attendanceBar(ctx: BaseContext, childId: string, target: { startDate: string; summer: number }): Promise<Bar | null> {
  const regs = await getAll<RegistrationDoc>(ctx, C.daycareRegistrations, { childId, status: 'admitted' });
  if (regs.length === 0) return null;
  const _ = ctx.db.command;
  const [slots, campaigns] = await Promise.all([
    ctx.db
      .collection(C.daycareSlots)
      .where({ _id: _.in([...new Set(regs.map((r) => r.slotId))]) })
      .limit(1000)
      .get(),
    ctx.db
      .collection(C.daycareCampaigns)
      .where({ _id: _.in([...new Set(regs.map((r) => r.campaignId))]) })
      .limit(1000)
      .get(),
  ]);
  const slotById = new Map((slots.data as SlotDoc[]).map((s) => [s._id, s]));
  const campaignById = new Map((campaigns.data as CampaignDoc[]).map((c) => [c._id, c]));
  const periods: FinishedPeriod[] = [];
  for (const r of regs) {
    const slot = slotById.get(r.slotId);
    if (!slot) continue;
    periods.push({
      endDate: slot.endDate,
      summer: slot.summer,
      label: slotLabel(slot),
      attendance: r.attendance,
      threshold: campaignById.get(r.campaignId)?.attendanceThreshold,
    });
  }
  return attendanceBarFor(periods, target);
}
