/** A child's view for the guardian or staff: adds whether it holds a place and any attendance bar. */
import type { ChildView } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { ChildDoc, RegistrationDoc, SlotDoc } from './docs';
import { attendanceBar } from './eligibility';
import { childView, isCurrent, todayOf } from './present';
import { getAll } from './store';
import { schoolYearEnd } from '../../../shared/daycare/rules';

export async function hasCurrentPlace(ctx: BaseContext, childId: string): Promise<boolean> {
  const regs = await getAll<RegistrationDoc>(ctx, C.daycareRegistrations, { childId });
  if (regs.length === 0) return false;
  const slots = await ctx.db
    .collection(C.daycareSlots)
    .where({ _id: ctx.db.command.in([...new Set(regs.map((r) => r.slotId))]) })
    .limit(1000)
    .get();
  const byId = new Map((slots.data as SlotDoc[]).map((s) => [s._id, s]));
  const today = todayOf(ctx.now());
  return regs.some((r) => isCurrent(r, byId.get(r.slotId), today));
}

export async function fullChildView(ctx: BaseContext, child: ChildDoc): Promise<ChildView> {
  const today = todayOf(ctx.now());
  const [current, bar] = await Promise.all([
    hasCurrentPlace(ctx, child._id),
    attendanceBar(ctx, child._id, { startDate: today, summer: schoolYearEnd(today) }),
  ]);
  return childView(child, { hasCurrentPlace: current, barredReason: bar?.reason ?? null });
}
