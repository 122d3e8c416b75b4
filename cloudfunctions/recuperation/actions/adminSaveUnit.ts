/**
 * A unit admin (or an admin above it) sets the unit's recuperation settings. The counters of
 * this and later years follow the new limit; lowering it below what is already approved leaves
 * no places (nothing approved is undone).
 */
import { ok } from '../../../shared/envelope';
import { yearOf } from '../../../shared/recuperation/batch';
import type { AdminSaveUnitRequest, AdminSaveUnitResult } from '../../../shared/recuperation/schemas';
import {
  DEFAULT_LEADER_SHARE,
  DEFAULT_NO_REPEAT_YEARS,
  DEFAULT_STAFF_SHARE,
  settingsProblems,
  type UnitSettings,
} from '../../../shared/recuperation/settings';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { requireAdmin, unitInScope } from '../lib/access';
import type { YearCounterDoc } from '../lib/docs';
import { setYearLimit, yearCounter } from '../lib/counters';
import { unitView } from '../lib/present';

export const adminSaveUnit = userAction<AdminSaveUnitRequest, AdminSaveUnitResult>('recuperation.adminSaveUnit', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await unitInScope(ctx, admin, input.unionId);
  const settings: UnitSettings = {
    quota: input.quota,
    staffCount: input.staffCount,
    ownership: input.ownership,
    costCapFen: input.ownership === 'other' ? (input.costCapFen ?? null) : null,
    leaderShare:
      input.leaderShareNum !== undefined && input.leaderShareDen !== undefined
        ? { num: input.leaderShareNum, den: input.leaderShareDen }
        : DEFAULT_LEADER_SHARE,
    noRepeatYears: input.noRepeatYears ?? DEFAULT_NO_REPEAT_YEARS,
    staffShare:
      input.staffShareNum !== undefined && input.staffShareDen !== undefined
        ? { num: input.staffShareNum, den: input.staffShareDen }
        : DEFAULT_STAFF_SHARE,
  };
  const problems = settingsProblems(settings);
  if (problems.length) throw new AppFailure('RECU_RULE_INVALID', problems.join('；'));
  const now = ctx.now();
  await ctx.db
    .collection(C.recuUnits)
    .doc(union._id)
    .set({ ...settings, unionAncestors: union.ancestors, updatedAt: now, updatedBy: ctx.openid });
  // This year and any later year that already has approvals follow the new limit.
  const year = yearOf(now);
  const _ = ctx.db.command;
  const later = await ctx.db
    .collection(C.recuCounters)
    .where({ unionId: union._id, year: _.gt(year) })
    .limit(20)
    .get();
  for (const y of [year, ...(later.data as YearCounterDoc[]).map((c) => c.year)]) await setYearLimit(ctx, union._id, y, settings);
  ctx.log.info('recuperation unit saved', { unionId: union._id });
  const unit = { _id: union._id, unionAncestors: union.ancestors, updatedAt: now, updatedBy: ctx.openid, ...settings };
  return ok({ unit: unitView(union, unit, await yearCounter(ctx, union._id, year), year) });
});
