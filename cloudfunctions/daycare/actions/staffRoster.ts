/** A slot's roster with children's data and attendance: that site's staff only. */
import { ok } from '../../../shared/envelope';
import type { StaffRosterRequest } from '../../../shared/daycare/schemas';
import type { StaffRosterResult } from '../../../shared/daycare/views';
import { userAction, forConsole } from '../../_lib/router';
import { demandOf } from '../lib/catalog';
import { rosterRows, staffSlot, staffSlotSummary } from '../lib/roster';

// 工会工作台 → 暑托班 → 花名册 too (forConsole): a console session is an admin, who passes
// staffSlot only for sites of its host union's chain (or as named staff), as on the phone.
export const staffRoster = forConsole(
  userAction<StaffRosterRequest, StaffRosterResult>('daycare.staffRoster', async (input, ctx) => {
    const { slot, site, campaign } = await staffSlot(ctx, input.slotId);
    const [rows, demand] = await Promise.all([rosterRows(ctx, slot), demandOf(ctx, slot._id)]);
    return ok({ slot: staffSlotSummary(slot, site, campaign, demand), rows });
  }),
);
