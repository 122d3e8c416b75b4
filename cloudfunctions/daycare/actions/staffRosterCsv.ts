/** The roster as CSV (UTF-8 with BOM for Excel), for the site's staff only. Not logged, not stored. */
import { ok } from '../../../shared/envelope';
import { rosterCsv } from '../../../shared/daycare/csv';
import type { StaffRosterCsvRequest } from '../../../shared/daycare/schemas';
import type { StaffRosterCsvResult } from '../../../shared/daycare/views';
import { userAction, forConsole } from '../../_lib/router';
import { slotLabel } from '../lib/present';
import { rosterRows, staffSlot } from '../lib/roster';
import { audit } from '../lib/store';

// 工会工作台 → 暑托班 → 导出花名册 too (forConsole): same staffSlot check, same audit entry.
export const staffRosterCsv = forConsole(
  userAction<StaffRosterCsvRequest, StaffRosterCsvResult>('daycare.staffRosterCsv', async (input, ctx) => {
    const { slot, site, campaign } = await staffSlot(ctx, input.slotId);
    const rows = await rosterRows(ctx, slot);
    await audit(ctx, { campaignId: campaign._id, slotId: slot._id, event: 'roster_exported', actor: 'staff', detail: `${rows.length} 行` });
    return ok({ filename: `${site.name}-${slotLabel(slot)}-花名册.csv`, csv: rosterCsv(rows, slot.summer) });
  }),
);
