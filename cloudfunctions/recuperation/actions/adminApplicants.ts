/**
 * A unit's applicants ranked by the documented priority score (shared/recuperation/priority.ts),
 * with the unit's places for the year. Only admins of the unit or a union above it.
 * Each applicant says whether the member's card is suspended now (`memberSuspended`: the page
 * shows 会员卡已停用 and offers only 不批准), from one query for the suspended users among them.
 */
import { ok } from '../../../shared/envelope';
import { yearOf } from '../../../shared/recuperation/batch';
import { rankByPriority } from '../../../shared/recuperation/priority';
import type { AdminApplicantsRequest, AdminApplicantsResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { findUnit, requireAdmin, unitInScope } from '../lib/access';
import { yearCounter } from '../lib/counters';
import type { ApplicationDoc, BatchDoc } from '../lib/docs';
import { applicantView, unitView } from '../lib/present';

const STATUS_SETS: Record<string, string[]> = {
  pending: ['pending'],
  approved: ['approved', 'attended', 'absent'],
  refused: ['refused'],
  all: ['pending', 'approved', 'attended', 'absent', 'refused', 'withdrawn'],
};

export const adminApplicants = userAction<AdminApplicantsRequest, AdminApplicantsResult>(
  'recuperation.adminApplicants',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const union = await unitInScope(ctx, admin, input.unionId);
    const year = input.year ?? yearOf(ctx.now());
    const _ = ctx.db.command;
    const where: Record<string, unknown> = { unionId: union._id, year, status: _.in(STATUS_SETS[input.status ?? 'pending']) };
    if (input.batchId) where.batchId = input.batchId;
    const [unit, counter, appRes] = await Promise.all([
      findUnit(ctx, union._id),
      yearCounter(ctx, union._id, year),
      ctx.db.collection(C.recuApplications).where(where).limit(1000).get(),
    ]);
    const apps = appRes.data as ApplicationDoc[];
    const batchIds = [...new Set(apps.map((a) => a.batchId))];
    const openids = [...new Set(apps.map((a) => a.openid))];
    const [batchRes, suspendedRes] = await Promise.all([
      batchIds.length
        ? ctx.db
            .collection(C.recuBatches)
            .where({ _id: _.in(batchIds) })
            .limit(1000)
            .get()
        : { data: [] },
      openids.length
        ? ctx.db
            .collection(C.users)
            .where({ _id: _.in(openids), memberStatus: 'suspended' })
            .field({ _id: true })
            .limit(1000)
            .get()
        : { data: [] },
    ]);
    const batches = new Map((batchRes.data as BatchDoc[]).map((b) => [b._id, b]));
    const suspended = new Set((suspendedRes.data as Array<{ _id: string }>).map((u) => u._id));
    const ranked = rankByPriority(apps.map((a) => ({ id: a._id, score: a.score, submittedAt: new Date(a.submittedAt).getTime(), doc: a })));
    return ok({
      unit: unitView(union, unit, counter, year),
      items: ranked.map((r, i) => applicantView(r.doc, batches.get(r.doc.batchId), i + 1, suspended.has(r.doc.openid))),
    });
  },
);
