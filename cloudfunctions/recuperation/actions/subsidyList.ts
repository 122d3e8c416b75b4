/** 本地行 claims in the admin's scope (newest first) and the non-public units they may claim for. */
import { ok } from '../../../shared/envelope';
import type { SubsidyListRequest, SubsidyListResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction, forConsole } from '../../_lib/router';
import { requireAdmin, unionsById } from '../lib/access';
import type { SubsidyDoc, UnitDoc } from '../lib/docs';
import { brief, subsidyView } from '../lib/present';
import { canReviewClaim } from '../lib/subsidies';

// 工会工作台 → 疗休养 → 本地行奖励 too (forConsole): requireAdmin and the subtree filter below.
export const subsidyList = forConsole(
  userAction<SubsidyListRequest, SubsidyListResult>('recuperation.subsidyList', async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const _ = ctx.db.command;
    const where: Record<string, unknown> = { unionAncestors: _.in(admin.unionIds) };
    if (input.year) where.year = input.year;
    if (input.status && input.status !== 'all') where.status = input.status;
    const [claimRes, unitRes] = await Promise.all([
      ctx.db.collection(C.recuSubsidies).where(where).orderBy('submittedAt', 'desc').limit(200).get(),
      ctx.db
        .collection(C.recuUnits)
        .where({ unionAncestors: _.in(admin.unionIds), ownership: 'other' })
        .limit(1000)
        .get(),
    ]);
    const claims = claimRes.data as SubsidyDoc[];
    const units = unitRes.data as UnitDoc[];
    const unions = await unionsById(ctx, [...claims.map((c) => c.unionId), ...units.map((u) => u._id)]);
    return ok({
      units: units.map((u) => brief(unions.get(u._id), u._id)).sort((a, b) => a.id.localeCompare(b.id)),
      claims: claims.map((c) => subsidyView(c, unions, c.status === 'pending' && canReviewClaim(admin, c))),
    });
  }),
);
