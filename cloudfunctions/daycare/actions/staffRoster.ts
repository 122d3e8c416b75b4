/** A slot's roster with children's data and attendance: that site's staff only. */
import { ok } from '../../../shared/envelope';
import type { StaffRosterRequest } from '../../../shared/daycare/schemas';
import type { StaffRosterResult } from '../../../shared/daycare/views';
import { userAction } from '../../_lib/router';
import { demandOf } from '../lib/catalog';
import { rosterRows, staffSlot, staffSlotSummary } from '../lib/roster';

export const staffRoster = userAction<StaffRosterRequest, StaffRosterResult>('daycare.staffRoster', async (input, ctx) => {
  const { slot, site, campaign } = await staffSlot(ctx, input.slotId);
  const [rows, demand] = await Promise.all([rosterRows(ctx, slot), demandOf(ctx, slot._id)]);
  return ok({ slot: staffSlotSummary(slot, site, campaign, demand), rows });
});
