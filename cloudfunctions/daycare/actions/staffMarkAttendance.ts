/** Site staff mark one day's attendance of admitted children of a slot (a day within the period, not in the future). */
import { ok } from '../../../shared/envelope';
import type { StaffMarkAttendanceRequest } from '../../../shared/daycare/schemas';
import type { StaffMarkAttendanceResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { todayOf } from '../lib/present';
import { staffSlot } from '../lib/roster';
import { audit } from '../lib/store';

export const staffMarkAttendance = userAction<StaffMarkAttendanceRequest, StaffMarkAttendanceResult>(
  'daycare.staffMarkAttendance',
  async (input, ctx) => {
    const { slot, campaign } = await staffSlot(ctx, input.slotId);
    if (input.date < slot.startDate || input.date > slot.endDate)
      throw new AppFailure('INVALID_ARGUMENT', '出勤日期须在本期开班至结班之间');
    if (input.date > todayOf(ctx.now())) throw new AppFailure('INVALID_ARGUMENT', '不能登记未来日期的出勤');
    const results = await Promise.all(
      input.marks.map((m) =>
        ctx.db
          .collection(C.daycareRegistrations)
          .where({ _id: m.registrationId, slotId: slot._id, status: 'admitted' })
          .update({ [`attendance.${input.date}`]: m.present, updatedAt: ctx.now() }),
      ),
    );
    const marked = results.reduce((n, r) => n + (r.updated ?? 0), 0);
    const present = input.marks.filter((m) => m.present).length;
    await audit(ctx, {
      campaignId: campaign._id,
      slotId: slot._id,
      event: 'attendance',
      actor: 'staff',
      detail: `${input.date}：出勤 ${present}/${input.marks.length}`,
    });
    return ok({ marked });
  },
);
