/** The member withdraws a pending application (after approval the place is the union's to manage). */
import { ok } from '../../../shared/envelope';
import type { WithdrawRequest, WithdrawResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { getBatch, unionsById } from '../lib/access';
import { findApplication } from '../lib/applications';
import { myApplicationView } from '../lib/present';

export const withdraw = userAction<WithdrawRequest, WithdrawResult>('recuperation.withdraw', async (input, ctx) => {
  const app = await findApplication(ctx, input.applicationId);
  if (!app || app.openid !== ctx.openid) throw new AppFailure('NOT_FOUND', '疗休养申请不存在');
  if (app.status !== 'withdrawn') {
    const res = await ctx.db
      .collection(C.recuApplications)
      .where({ _id: app._id, openid: ctx.openid, status: 'pending' })
      .update({ status: 'withdrawn', decidedAt: ctx.now() });
    if (res.updated !== 1) throw new AppFailure('ALREADY_REVIEWED', '该申请已审核，不能撤回；如需放弃名额请联系单位工会');
  }
  const fresh = (await findApplication(ctx, app._id))!;
  const batch = await getBatch(ctx, fresh.batchId);
  const unions = await unionsById(ctx, [fresh.unionId, batch.ownerUnionId]);
  return ok({ application: myApplicationView(fresh, batch, unions, null, ctx.now()) });
});
