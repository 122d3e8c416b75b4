/** A verified member applies for a batch (one application per year; rules in shared/recuperation/eligibility.ts). */
import { ok } from '../../../shared/envelope';
import type { ApplyRequest, ApplyResult } from '../../../shared/recuperation/schemas';
import { userAction } from '../../_lib/router';
import { getBatch, loadUser, unionsById } from '../lib/access';
import { createApplication, rankOf } from '../lib/applications';
import { myApplicationView } from '../lib/present';

export const apply = userAction<ApplyRequest, ApplyResult>('recuperation.apply', async (input, ctx) => {
  const [user, batch] = await Promise.all([loadUser(ctx), getBatch(ctx, input.batchId)]);
  const created = await createApplication(ctx, { user, batch, source: 'self', nominatedBy: null });
  ctx.log.info('recuperation application', { unionId: created.unionId, batchId: batch._id });
  const [unions, rank] = await Promise.all([unionsById(ctx, [created.unionId, batch.ownerUnionId]), rankOf(ctx, created)]);
  return ok({ application: myApplicationView(created, batch, unions, rank, ctx.now()) });
});
