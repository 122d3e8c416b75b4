/**
 * benefit.adminRedemptions (核销记录): one drop's redemption audit trail for admins of the drop's
 * union chain (adminDrop), every attempt good or bad, paged and ordered by time on the server
 * (index `drop_time`). The staff member who tried is shown by masked name only; an attempt by an
 * admin from outside the drop's chain (refused as out_of_scope) names nobody, so an admin learns
 * nothing about people outside the subtree. Never an openid.
 */
import { ok } from '../../../shared/envelope';
import { formatCode } from '../../../shared/benefit/code';
import { REDEMPTION_OUTCOME_LABELS, type AdminRedemptionsRequest, type AdminRedemptionsResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { adminDrop } from '../lib/admin';
import { asDate, type AuditDoc, type UserDoc } from '../lib/docs';

const OUTSIDER = '其他工会核销员';

export const adminRedemptions = userAction<AdminRedemptionsRequest, AdminRedemptionsResult>(
  'benefit.adminRedemptions',
  async (input, ctx) => {
    const { drop } = await adminDrop(ctx, input.dropId);
    const offset = input.offset ?? 0;
    const limit = input.limit ?? 20;
    const coll = ctx.db.collection(C.redemptionAudit);
    const [count, page] = await Promise.all([
      coll.where({ dropId: drop._id }).count(),
      coll
        .where({ dropId: drop._id })
        .orderBy('at', input.order ?? 'desc')
        .skip(offset)
        .limit(limit)
        .get(),
    ]);
    const entries = page.data as AuditDoc[];
    const staff = [...new Set(entries.filter((e) => e.outcome !== 'out_of_scope').map((e) => e.by))];
    const names = new Map<string, string>();
    if (staff.length) {
      const _ = ctx.db.command;
      const res = await ctx.db
        .collection(C.users)
        .where({ _id: _.in(staff) })
        .field({ nameMasked: true })
        .limit(staff.length)
        .get();
      for (const u of res.data as UserDoc[]) names.set(u._id, u.nameMasked ?? '');
    }
    return ok({
      dropId: drop._id,
      title: drop.title,
      total: count.total ?? 0,
      offset,
      limit,
      items: entries.map((e) => ({
        at: asDate(e.at).getTime(),
        code: formatCode(e.code),
        outcome: e.outcome,
        outcomeLabel: REDEMPTION_OUTCOME_LABELS[e.outcome],
        by: e.outcome === 'out_of_scope' ? OUTSIDER : names.get(e.by) || '工会管理员',
      })),
    });
  },
);
