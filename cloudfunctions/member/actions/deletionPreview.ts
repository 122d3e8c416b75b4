/**
 * 注销账号, step 1: what would be deleted, what kept (and why), what blocks it — counts and
 * Chinese lines, no personal data. The caller is the invocation's user; nothing is written.
 */
import { ok } from '../../../shared/envelope';
import { deletionLines, EMPTY_COUNTS, membershipLine, type DeletionPreview } from '../../../shared/member/deletion';
import type { DeletionPreviewRequest } from '../../../shared/member/schemas';
import { userAction } from '../../_lib/router';
import { findJob } from '../lib/deletion/job';
import { countAll, findBlockers } from '../lib/deletion/preview';

export const deletionPreview = userAction<DeletionPreviewRequest, DeletionPreview>('member.deletionPreview', async (_input, ctx) => {
  const job = await findJob(ctx, ctx.openid);
  if (job?.status === 'running') {
    // Started and not finished (a timeout, a large account): the page offers to continue.
    return ok({ status: 'in_progress', blockers: [], willDelete: [], willKeep: [], membership: null, counts: EMPTY_COUNTS });
  }
  const [blockers, counts] = await Promise.all([findBlockers(ctx, ctx.openid), countAll(ctx, ctx.openid)]);
  const lines = deletionLines(counts);
  return ok({
    status: blockers.length > 0 ? 'blocked' : 'ready',
    blockers,
    willDelete: lines.willDelete,
    willKeep: lines.willKeep,
    membership: counts.membershipUnion ? membershipLine(counts.membershipUnion) : null,
    counts,
  });
});
