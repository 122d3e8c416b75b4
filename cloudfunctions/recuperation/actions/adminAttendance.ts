/**
 * Records attendance and closes the batch (only the publishing union's admins, from its first
 * day): every approved member becomes attended unless listed as absent. Places used stay used.
 * Re-running it on a closed batch changes nothing.
 */
import { ok } from '../../../shared/envelope';
import { hasStarted } from '../../../shared/recuperation/batch';
import type { AdminAttendanceRequest, AdminAttendanceResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertInScope, getBatch, requireAdmin, unionsById } from '../lib/access';
import type { ApplicationDoc } from '../lib/docs';
import { batchView } from '../lib/present';

export const adminAttendance = userAction<AdminAttendanceRequest, AdminAttendanceResult>(
  'recuperation.adminAttendance',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const batch = await getBatch(ctx, input.batchId);
    assertInScope(admin, batch.ownerAncestors);
    const now = ctx.now();
    if (batch.status === 'open' && !hasStarted(batch.startDate, now))
      throw new AppFailure('RECU_NOT_STARTED', `批次 ${batch.startDate} 开始后才能登记出勤`);
    const _ = ctx.db.command;
    const apps = ctx.db.collection(C.recuApplications);
    const roster = await apps.where({ batchId: batch._id, status: 'approved' }).limit(1000).get();
    const ids = new Set((roster.data as ApplicationDoc[]).map((a) => a._id));
    const unknown = input.absentApplicationIds.filter((id) => !ids.has(id));
    if (batch.status === 'open' && unknown.length) throw new AppFailure('INVALID_ARGUMENT', '未出勤名单中有不在本批次名单上的人员');
    const absent = input.absentApplicationIds.filter((id) => ids.has(id));
    // The batch closes first: no approval can land on it after this point.
    await ctx.db.collection(C.recuBatches).where({ _id: batch._id, status: 'open' }).update({ status: 'closed', closedAt: now });
    if (absent.length) await apps.where({ _id: _.in(absent), batchId: batch._id, status: 'approved' }).update({ status: 'absent' });
    await apps.where({ batchId: batch._id, status: 'approved' }).update({ status: 'attended' });
    const counts = await Promise.all([
      apps.where({ batchId: batch._id, status: 'attended' }).count(),
      apps.where({ batchId: batch._id, status: 'absent' }).count(),
    ]);
    const unions = await unionsById(ctx, [batch.ownerUnionId]);
    return ok({
      batch: batchView({ ...batch, status: 'closed', closedAt: batch.closedAt ?? now }, unions, now),
      attended: counts[0].total ?? 0,
      absent: counts[1].total ?? 0,
    });
  },
);
