/**
 * Figures for a year over the admin's units: places used vs the limit, spend vs the cost cap,
 * the priority mix of approved members and 本地行 subsidies. Reads counters and the year's
 * approved applications (in pages of 1000).
 */
import { ok } from '../../../shared/envelope';
import { yearOf } from '../../../shared/recuperation/batch';
import { PRIORITY_RULES, type PriorityFactor } from '../../../shared/recuperation/priority';
import type { AdminFiguresRequest, AdminFiguresResult, UnitFigures } from '../../../shared/recuperation/schemas';
import { costCapFen, yearlyLimit } from '../../../shared/recuperation/settings';
import { C } from '../../_lib/collections';
import { userAction, type UserContext } from '../../_lib/router';
import { grassrootsInScope, requireAdmin } from '../lib/access';
import type { ApplicationDoc, SubsidyDoc, UnitDoc } from '../lib/docs';

type Mix = UnitFigures['mix'];
const emptyMix = (): Mix => ({ ...(Object.fromEntries(PRIORITY_RULES.map((r) => [r.key, 0])) as Record<PriorityFactor, number>), none: 0 });

async function allPages<T>(ctx: UserContext, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await ctx.db.collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(res.data as T[]));
    if (res.data.length < 1000) return out;
  }
}

export const adminFigures = userAction<AdminFiguresRequest, AdminFiguresResult>('recuperation.adminFigures', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const year = input.year ?? yearOf(ctx.now());
  const _ = ctx.db.command;
  const [unions, unitDocs, apps, claims] = await Promise.all([
    grassrootsInScope(ctx, admin),
    allPages<UnitDoc>(ctx, C.recuUnits, { unionAncestors: _.in(admin.unionIds) }),
    allPages<ApplicationDoc>(ctx, C.recuApplications, {
      unionAncestors: _.in(admin.unionIds),
      year,
      status: _.in(['approved', 'attended', 'absent']),
    }),
    allPages<SubsidyDoc>(ctx, C.recuSubsidies, { unionAncestors: _.in(admin.unionIds), year }),
  ]);
  const settings = new Map(unitDocs.map((u) => [u._id, u]));
  const rows: UnitFigures[] = unions
    .filter((u) => settings.has(u._id) || apps.some((a) => a.unionId === u._id) || claims.some((c) => c.unionId === u._id))
    .map((u) => {
      const s = settings.get(u._id);
      const mine = apps.filter((a) => a.unionId === u._id);
      const mix = emptyMix();
      for (const a of mine) {
        if (a.scoreLines.length === 0) mix.none += 1;
        for (const l of a.scoreLines) mix[l.key] += 1;
      }
      const cap = s ? costCapFen(s) : null;
      const myClaims = claims.filter((c) => c.unionId === u._id);
      return {
        unit: { id: u._id, name: u.name },
        ownership: s?.ownership ?? 'other',
        quota: s?.quota ?? 0,
        limit: s ? yearlyLimit(s).limit : 0,
        approved: mine.length,
        attended: mine.filter((a) => a.status === 'attended').length,
        spendFen: mine.reduce((sum, a) => sum + a.costFen, 0),
        capPerPersonFen: cap,
        capTotalFen: cap === null ? null : cap * mine.length,
        leaders: mine.filter((a) => a.isLeader).length,
        mix,
        subsidyClaims: myClaims.length,
        subsidyApprovedFen: myClaims.filter((c) => c.status === 'approved').reduce((sum, c) => sum + c.subsidyFen, 0),
        subsidyPendingFen: myClaims.filter((c) => c.status === 'pending').reduce((sum, c) => sum + c.subsidyFen, 0),
      };
    });
  const totals = {
    quota: 0,
    limit: 0,
    approved: 0,
    attended: 0,
    spendFen: 0,
    capTotalFen: 0,
    leaders: 0,
    mix: emptyMix(),
    subsidyClaims: 0,
    subsidyApprovedFen: 0,
    subsidyPendingFen: 0,
  };
  for (const r of rows) {
    totals.quota += r.quota;
    totals.limit += r.limit;
    totals.approved += r.approved;
    totals.attended += r.attended;
    totals.spendFen += r.spendFen;
    totals.capTotalFen += r.capTotalFen ?? 0;
    totals.leaders += r.leaders;
    totals.subsidyClaims += r.subsidyClaims;
    totals.subsidyApprovedFen += r.subsidyApprovedFen;
    totals.subsidyPendingFen += r.subsidyPendingFen;
    for (const k of Object.keys(r.mix) as Array<keyof Mix>) totals.mix[k] += r.mix[k];
  }
  return ok({ year, units: rows, totals });
});
