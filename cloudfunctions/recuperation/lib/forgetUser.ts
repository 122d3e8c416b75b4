/**
 * 注销账号, recuperation part (the member job calls it through the recuperation function: _lib/forgetUser.ts). Applications that never led to a trip (pending — withdrawn here —,
 * refused, withdrawn) are deleted. Trips (approved and over, attended, absent) are the unit's
 * welfare-fund accounting and the basis of the "no repeat within N years" rule, so they stay,
 * without the openid and the masked name: `memberKey` stays when it is the member record's id
 * (the union's roster, kept — the rule still applies to the person if they claim the record again
 * from a new account); an application keyed by the openid itself is moved to the tombstone's key.
 * The guard refuses while an approved trip has not ended.
 */
import { batchEndDate, batchPeriodLabel } from '../../../shared/recuperation/batch';
import { DELETED_NAME } from '../../../shared/member/deletion';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { checkTime, type ForgetScope, type ForgetUserPart } from '../../_lib/forgetUser';
import { addOnce, allDocs, docById, docsByIds } from '../../_lib/reads';
import type { BaseContext } from '../../_lib/router';
import type { ApplicationDoc, BatchDoc } from './docs';
import { applicationId } from './ids';

/** No place was ever used: nothing to account for. */
const DELETED_STATUSES: readonly ApplicationDoc['status'][] = ['pending', 'refused', 'withdrawn'];

export function isDeletedApplication(a: Pick<ApplicationDoc, 'status'>): boolean {
  return DELETED_STATUSES.includes(a.status);
}

export async function recuperationBlockers(ctx: BaseContext, openid: string): Promise<string[]> {
  const approved = await allDocs<ApplicationDoc>(ctx, C.recuApplications, { openid, status: 'approved' });
  const batches = await docsByIds<BatchDoc>(
    ctx,
    C.recuBatches,
    approved.map((a) => a.batchId),
  );
  const today = formatBusiness(ctx.now(), 'YYYY-MM-DD');
  const out: string[] = [];
  for (const a of approved) {
    const b = batches.get(a.batchId);
    if (!b || batchEndDate(b.startDate, b.days) < today) continue;
    out.push(
      `疗休养：您已获批参加「${b.title}」（${batchPeriodLabel(b.startDate, b.days)}），行程结束后才能注销；如需放弃名额，请联系单位工会`,
    );
  }
  return out;
}

export async function recuperationCounts(ctx: BaseContext, openid: string) {
  const apps = await allDocs<ApplicationDoc>(ctx, C.recuApplications, { openid });
  const deleted = apps.filter(isDeletedApplication).length;
  return { recuDeleted: deleted, recuKept: apps.length - deleted };
}

async function keepWithoutIdentity(ctx: BaseContext, sc: ForgetScope, a: ApplicationDoc): Promise<void> {
  const memberKey = a.memberKey === sc.openid ? sc.tombstone : a.memberKey;
  const patch = { openid: sc.tombstone, nameMasked: DELETED_NAME, memberKey };
  const coll = ctx.db.collection(C.recuApplications);
  if (memberKey === a.memberKey) {
    await coll.where({ _id: a._id, openid: sc.openid }).update(patch);
    return;
  }
  // The id derives from the member key: copy under the new id first, then drop the old one.
  const { _id, ...rest } = a;
  await addOnce(ctx, C.recuApplications, { ...rest, ...patch, _id: applicationId(a.year, memberKey) });
  await coll.where({ _id, openid: sc.openid }).remove();
}

export const recuperationForgetUser: ForgetUserPart = {
  blockers: recuperationBlockers,
  counts: recuperationCounts,
  async forget(ctx: BaseContext, sc: ForgetScope) {
    const coll = ctx.db.collection(C.recuApplications);
    const apps = await allDocs<ApplicationDoc>(ctx, C.recuApplications, { openid: sc.openid });
    let deleted = 0;
    let kept = 0;
    for (const first of apps) {
      checkTime(sc);
      let a: ApplicationDoc | null = first;
      for (let attempt = 0; attempt < 4 && a && a.openid === sc.openid; attempt++) {
        if (isDeletedApplication(a)) {
          // Conditional on the status read: an approval landing meanwhile makes it a trip to keep.
          const res = await coll.where({ _id: a._id, openid: sc.openid, status: a.status }).remove();
          if (res.deleted === 1) {
            deleted++;
            break;
          }
          a = await docById<ApplicationDoc>(ctx, C.recuApplications, a._id);
          continue;
        }
        await keepWithoutIdentity(ctx, sc, a);
        kept++;
        break;
      }
    }
    return { deleted, kept };
  },
};
