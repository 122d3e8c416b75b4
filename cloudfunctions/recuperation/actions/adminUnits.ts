/** The grassroots units in the admin's scope with their settings and this year's places. */
import { ok } from '../../../shared/envelope';
import { yearOf } from '../../../shared/recuperation/batch';
import type { AdminUnitsRequest, AdminUnitsResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { grassrootsInScope, requireAdmin } from '../lib/access';
import type { UnitDoc, YearCounterDoc } from '../lib/docs';
import { yearCounterId } from '../lib/ids';
import { unitView } from '../lib/present';

export const adminUnits = userAction<AdminUnitsRequest, AdminUnitsResult>('recuperation.adminUnits', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const year = input.year ?? yearOf(ctx.now());
  const unions = await grassrootsInScope(ctx, admin);
  if (unions.length === 0) return ok({ year, units: [] });
  const _ = ctx.db.command;
  const ids = unions.map((u) => u._id);
  const [unitRes, counterRes] = await Promise.all([
    ctx.db
      .collection(C.recuUnits)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
    ctx.db
      .collection(C.recuCounters)
      .where({ _id: _.in(ids.map((id) => yearCounterId(id, year))) })
      .limit(1000)
      .get(),
  ]);
  const units = new Map((unitRes.data as UnitDoc[]).map((u) => [u._id, u]));
  const counters = new Map((counterRes.data as YearCounterDoc[]).map((c) => [c.unionId, c]));
  return ok({ year, units: unions.map((u) => unitView(u, units.get(u._id) ?? null, counters.get(u._id) ?? null, year)) });
});
