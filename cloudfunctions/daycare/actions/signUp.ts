/**
 * A parent signs a child up for one period × band slot.
 * - lottery mode: the registration waits (已报名) for the draw at the window's close;
 * - first-come mode: a place is taken at once by a conditional decrement of the slot's
 *   `remaining` (hard capacity); when none is left the child joins the waitlist in arrival order.
 * The child's one period of the summer is a hold with a deterministic id (lib/places.ts).
 * A retry with the same request id resumes the same registration and takes nothing twice.
 */
import { ok } from '../../../shared/envelope';
import { GRADE_BANDS, fitsBand, gradeInSummer } from '../../../shared/daycare/rules';
import type { SignUpRequest } from '../../../shared/daycare/schemas';
import type { SignUpResult } from '../../../shared/daycare/views';
import { formatBusinessFriendly } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { requireMember } from '../lib/access';
import type { CampaignDoc, ChildDoc, RegistrationDoc, SlotDoc } from '../lib/docs';
import { attendanceBar } from '../lib/eligibility';
import { acquireHold, notifyResult, registrationIdFor, releaseHold, returnPlace, takePlace } from '../lib/places';
import { viewOf } from '../lib/registrations';
import { audit, findChild, findDoc, getCampaign, getSite, getSlot, isDuplicate } from '../lib/store';

async function checkEligible(
  ctx: UserContext,
  campaign: CampaignDoc,
  slot: SlotDoc,
  child: ChildDoc,
  unionAncestors: string[],
): Promise<void> {
  if (!unionAncestors.includes(campaign.unionId)) throw new AppFailure('OUT_OF_SCOPE', '该暑托班仅面向主办工会所属的会员家庭');
  const now = ctx.now().getTime();
  if (now < new Date(campaign.opensAt).getTime())
    throw new AppFailure('DAYCARE_NOT_OPEN', `报名将于 ${formatBusinessFriendly(campaign.opensAt)} 开始`);
  if (campaign.status !== 'open' || now >= new Date(campaign.closesAt).getTime()) throw new AppFailure('DAYCARE_CLOSED');
  const grade = gradeInSummer(child, slot.summer);
  if (!fitsBand(grade, slot.band)) {
    throw new AppFailure(
      'DAYCARE_GRADE_MISMATCH',
      `该班期面向${GRADE_BANDS[slot.band].label}，孩子${grade ? `届时为${grade}年级` : '年级不明'}，请选择相应年级段`,
    );
  }
  const bar = await attendanceBar(ctx, child._id, { startDate: slot.startDate, summer: slot.summer });
  if (bar) throw new AppFailure('DAYCARE_ATTENDANCE_BARRED', bar.reason);
}

export const signUp = userAction<SignUpRequest, SignUpResult>('daycare.signUp', async (input, ctx) => {
  const user = await requireMember(ctx);
  const [slot, child] = await Promise.all([getSlot(ctx, input.slotId), findChild(ctx, input.childId)]);
  if (!child || child.guardianOpenid !== ctx.openid) throw new AppFailure('NOT_FOUND', '孩子信息不存在，请先添加孩子');
  const [campaign, site] = await Promise.all([getCampaign(ctx, slot.campaignId), getSite(ctx, slot.siteId)]);
  await checkEligible(ctx, campaign, slot, child, user.unionAncestors ?? []);

  const regId = registrationIdFor(ctx.openid, ctx.requestId);
  const { holdId, resumed } = await acquireHold(ctx, child._id, slot.summer, campaign.periodLimit, regId);
  if (resumed) {
    const existing = await findDoc<RegistrationDoc>(ctx, C.daycareRegistrations, regId);
    if (existing) return ok({ registration: await viewOf(ctx, existing) });
  }

  const now = ctx.now();
  let took = false;
  let status: RegistrationDoc['status'] = 'registered';
  let reason = `报名成功，${formatBusinessFriendly(campaign.closesAt)} 报名截止后按优先档次摇号，结果将通知您`;
  if (campaign.mode === 'first_come') {
    took = await takePlace(ctx, slot._id);
    status = took ? 'admitted' : 'waitlisted';
    reason = took
      ? `先到先得：报名时尚有名额，已录取（共 ${slot.capacity} 个名额）`
      : `先到先得：报名时 ${slot.capacity} 个名额已满，按报名先后排入候补`;
  }
  const reg: RegistrationDoc = {
    _id: regId,
    campaignId: campaign._id,
    campaignUnionAncestors: campaign.unionAncestors,
    siteId: site._id,
    slotId: slot._id,
    summer: slot.summer,
    childId: child._id,
    childNameMasked: child.nameMasked,
    guardianOpenid: ctx.openid,
    holdId,
    status,
    tier: null,
    queueKey: `f_${String(now.getTime()).padStart(15, '0')}_${regId}`,
    lotteryRank: null,
    reason,
    offerExpiresAt: null,
    attendance: {},
    requestId: ctx.requestId,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.collection(C.daycareRegistrations).add(reg);
  } catch (err) {
    const existing = isDuplicate(err) ? await findDoc<RegistrationDoc>(ctx, C.daycareRegistrations, regId) : null;
    // A concurrent retry of this same request wrote it first: give our place back, answer with theirs.
    if (took) await returnPlace(ctx, slot._id);
    if (existing) return ok({ registration: await viewOf(ctx, existing) });
    await releaseHold(ctx, reg);
    throw err;
  }
  await audit(ctx, {
    campaignId: campaign._id,
    slotId: slot._id,
    registrationId: regId,
    event: status === 'registered' ? 'signed_up' : status,
    actor: 'guardian',
  });
  if (status === 'admitted' || status === 'waitlisted') await notifyResult(ctx, reg, slot, status);
  return ok({ registration: await viewOf(ctx, reg) });
});
