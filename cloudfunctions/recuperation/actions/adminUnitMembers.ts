/** Verified members of a unit (masked names, tags, score) for the unit union to nominate. */
import { ok } from '../../../shared/envelope';
import { explainScore, priorityScore } from '../../../shared/recuperation/priority';
import type { AdminUnitMembersRequest, AdminUnitMembersResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { UserDoc } from '../../_lib/docs';
import { requireAdmin, unitInScope } from '../lib/access';
import type { ApplicationDoc } from '../lib/docs';

export const adminUnitMembers = userAction<AdminUnitMembersRequest, AdminUnitMembersResult>(
  'recuperation.adminUnitMembers',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const union = await unitInScope(ctx, admin, input.unionId);
    const _ = ctx.db.command;
    const res = await ctx.db.collection(C.users).where({ unionId: union._id, memberStatus: 'verified' }).limit(500).get();
    const users = (res.data as UserDoc[]).filter((u) => u.memberId);
    const keys = users.map((u) => u.memberId as string);
    const trips = keys.length
      ? await ctx.db
          .collection(C.recuApplications)
          .where({ memberKey: _.in(keys), status: _.in(['approved', 'attended']) })
          .limit(1000)
          .get()
      : { data: [] };
    const went = new Set((trips.data as ApplicationDoc[]).map((a) => a.memberKey));
    const members = users.map((u) => {
      const p = priorityScore({ tags: u.tags ?? [], firstTime: !went.has(u.memberId as string) });
      return {
        memberId: u.memberId as string,
        nameMasked: u.nameMasked,
        tags: u.tags ?? [],
        priority: { ...p, explanation: explainScore(p) },
      };
    });
    members.sort((a, b) => b.priority.score - a.priority.score || a.nameMasked.localeCompare(b.nameMasked));
    return ok({ unit: { id: union._id, name: union.name }, members });
  },
);
