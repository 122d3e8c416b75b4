/**
 * 注销账号, staff records. A user who once acted for a union (an admin since removed, which the
 * guard requires, or named day-care staff) appears as the actor in the union's records: reviews,
 * imports, card changes, admin appointments, redemptions, check-ins, published posts, recuperation
 * decisions (and, in `admin_audit`, as the user appointed or removed). Those
 * records are the union's and stay; the actor's openid becomes the tombstone and a masked name
 * stored beside it becomes 「已注销账号」. Each line below is one conditional bulk update, so the
 * step can run again at any time.
 */
import { DELETED_STAFF_NAME } from '../../../../shared/member/deletion';
import { C } from '../../../_lib/collections';
import type { UserDoc } from '../../../_lib/docs';
import type { BaseContext } from '../../../_lib/router';
import type { ApplicationDoc, ReviewRecord } from '../docs';
import { checkTime, type Step, type StepContext } from './job';
import { allDocs } from '../../../_lib/reads';

/** [collection, actor field, masked-name field stored beside it]. */
export const ACTOR_FIELDS: ReadonlyArray<readonly [string, string, string | null]> = [
  [C.memberApplications, 'reviewedBy', null],
  [C.members, 'createdBy', null],
  [C.members, 'statusChangedBy', 'statusChangedByName'],
  [C.members, 'infoChangedBy', 'infoChangedByName'],
  [C.memberAudit, 'by', 'byName'],
  // 管理员管理: who appointed / removed, and whose rights changed (appointing or removing marks
  // that user `actedAsAdminAt` too, so this step runs for them); the union counter's last caller.
  [C.adminAudit, 'by', 'byName'],
  [C.adminAudit, 'openid', 'nameMasked'],
  [C.counters, 'by', null],
  [C.drops, 'createdBy', null],
  [C.drops, 'cancelledBy', 'cancelledByName'],
  [C.dropAudit, 'by', 'byName'],
  [C.dropClaims, 'redeemedBy', null],
  [C.redemptionAudit, 'by', null],
  [C.posts, 'createdBy', null],
  [C.posts, 'updatedBy', null],
  [C.postRevisions, 'by', 'byName'],
  [C.activitySignups, 'checkedInBy', null],
  [C.daycareCampaigns, 'createdBy', null],
  [C.recuBatches, 'createdBy', null],
  [C.recuUnits, 'updatedBy', null],
  [C.recuApplications, 'nominatedBy', null],
  [C.recuApplications, 'decidedBy', null],
  [C.recuSubsidies, 'submittedBy', null],
  [C.recuSubsidies, 'decidedBy', null],
];

export const recordsStep: Step = {
  name: 'records',
  async run(ctx: BaseContext, sc: StepContext) {
    // Only a user who ever acted as an admin (requireAdmin marks it) can be named in these
    // records; for everyone else, 24 scans of unindexed fields over the largest collections
    // would find nothing. The user document is deleted only by the later `account` step.
    const user = (await ctx.db.collection(C.users).doc(sc.openid).get()).data[0] as UserDoc | undefined;
    if (!user?.actedAsAdminAt) return { updated: 0, skipped: 1 };
    let updated = 0;
    for (const [collection, field, nameField] of ACTOR_FIELDS) {
      checkTime(sc);
      const patch: Record<string, string> = { [field]: sc.tombstone };
      if (nameField) patch[nameField] = DELETED_STAFF_NAME;
      const res = await ctx.db
        .collection(collection)
        .where({ [field]: sc.openid })
        .update(patch);
      updated += res.updated ?? 0;
    }
    // Earlier rejections kept inside an application (`history[].reviewedBy`).
    const _ = ctx.db.command;
    for (const app of await allDocs<ApplicationDoc>(ctx, C.memberApplications, { 'history.reviewedBy': sc.openid })) {
      const history: ReviewRecord[] = (app.history ?? []).map((h) => (h.reviewedBy === sc.openid ? { ...h, reviewedBy: sc.tombstone } : h));
      await ctx.db
        .collection(C.memberApplications)
        .doc(app._id)
        .update({ history: _.set(history) });
      updated++;
    }
    return { updated, skipped: 0 };
  },
};
