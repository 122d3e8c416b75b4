/**
 * 注销账号, day-care part (the member job calls it through the daycare function: _lib/forgetUser.ts). Sign-ups still in play are ended the way the guardian would end them
 * (daycare.cancel): registered / waitlisted → withdrawn, offered → declined, admitted before the
 * period starts → cancelled (only after a race: the guard refuses while a child is admitted to a
 * period that has not ended); the hold is released and a freed place goes down the waitlist
 * (offerNext). Then every registration stays without the guardian's openid and the child's
 * masked name (status, dates, attendance: the site's records, the campaign's figures and the
 * published lottery ids), and the children, the separate consent and the family declaration are
 * deleted. The user is taken off the staff lists of day-care sites.
 */
import { DELETED_NAME } from '../../../shared/member/deletion';
import { isActive, type RegistrationStatus } from '../../../shared/daycare/rules';
import { C } from '../../_lib/collections';
import { checkTime, RetryLater, type ForgetScope, type ForgetUserPart } from '../../_lib/forgetUser';
import { allDocs, countOf, docById, docsByIds } from '../../_lib/reads';
import type { BaseContext } from '../../_lib/router';
import type { CampaignDoc, RegistrationDoc, SiteDoc, SlotDoc } from './docs';
import { offerNext, releaseHold, returnPlace, transition } from './places';
import { slotLabel, todayOf } from './present';
import { audit } from './store';

interface Ending {
  to: RegistrationStatus;
  reason: string;
  freesPlace: boolean;
}

const ENDINGS: Partial<Record<RegistrationStatus, Ending>> = {
  registered: { to: 'withdrawn', reason: '账号已注销，报名已撤回', freesPlace: false },
  waitlisted: { to: 'withdrawn', reason: '账号已注销，已退出候补', freesPlace: false },
  offered: { to: 'declined', reason: '账号已注销，递补名额已顺延给下一位候补家庭', freesPlace: true },
  admitted: { to: 'cancelled', reason: '账号已注销，名额已释放给候补家庭', freesPlace: true },
};

/** How the deletion ends this registration, or null when it stays as it is. */
export function endingFor(r: Pick<RegistrationDoc, 'status'>, slot: Pick<SlotDoc, 'startDate'> | undefined, today: string): Ending | null {
  if (r.status === 'admitted') return slot && today < slot.startDate ? ENDINGS.admitted! : null;
  return ENDINGS[r.status] ?? null;
}

/** Admitted to a period that has not ended: the guardian's child needs the account until then. */
export async function daycareBlockers(ctx: BaseContext, openid: string): Promise<string[]> {
  const regs = await allDocs<RegistrationDoc>(ctx, C.daycareRegistrations, { guardianOpenid: openid, status: 'admitted' });
  const registered = await allDocs<RegistrationDoc>(ctx, C.daycareRegistrations, { guardianOpenid: openid, status: 'registered' });
  const slots = await docsByIds<SlotDoc>(
    ctx,
    C.daycareSlots,
    regs.map((r) => r.slotId),
  );
  const today = todayOf(ctx.now());
  const out: string[] = [];
  for (const r of regs) {
    const slot = slots.get(r.slotId);
    if (!slot || slot.endDate < today) continue;
    const [, m, d] = slot.endDate.split('-').map(Number);
    out.push(
      today < slot.startDate
        ? `暑托班：孩子已被「${slotLabel(slot)}」录取，班期结束前不能注销；如不再参加，请先在「我的暑托班」中取消录取`
        : `暑托班：孩子正在参加「${slotLabel(slot)}」，${m}月${d}日班期结束后才能注销`,
    );
  }
  // A lottery is being drawn right now: wait for its result (a few minutes at most).
  const campaigns = await docsByIds<CampaignDoc>(
    ctx,
    C.daycareCampaigns,
    registered.map((r) => r.campaignId),
  );
  if ([...campaigns.values()].some((c) => c.status === 'allocating')) out.push('暑托班正在摇号，请几分钟后查看结果再注销');
  return out;
}

export async function daycareCounts(ctx: BaseContext, openid: string) {
  const [regs, children, consent, family, staffSites] = await Promise.all([
    allDocs<RegistrationDoc>(ctx, C.daycareRegistrations, { guardianOpenid: openid }),
    countOf(ctx, C.daycareChildren, { guardianOpenid: openid }),
    docById(ctx, C.daycareConsents, openid),
    docById(ctx, C.daycareFamilies, openid),
    countOf(ctx, C.daycareSites, { staffOpenids: openid }),
  ]);
  const slots = await docsByIds<SlotDoc>(
    ctx,
    C.daycareSlots,
    regs.filter((r) => r.status === 'admitted').map((r) => r.slotId),
  );
  const today = todayOf(ctx.now());
  const active = regs.filter((r) => endingFor(r, slots.get(r.slotId), today) !== null).length;
  return { children, daycareConsent: !!consent, daycareFamily: !!family, daycareActive: active, daycareKept: regs.length, staffSites };
}

/** End one registration if it is still in play; re-read and retry when someone else moved it first. */
async function endRegistration(ctx: BaseContext, first: RegistrationDoc, today: string): Promise<boolean> {
  let r: RegistrationDoc | null = first;
  for (let attempt = 0; attempt < 4 && r; attempt++) {
    const slot = await docById<SlotDoc>(ctx, C.daycareSlots, r.slotId);
    const ending = endingFor(r, slot ?? undefined, today);
    if (!ending || !slot) return false;
    const campaign = await docById<CampaignDoc>(ctx, C.daycareCampaigns, r.campaignId);
    if (!campaign) return false;
    // The lottery is writing this campaign's results: leave it to a later run (the timer).
    if (campaign.status === 'allocating') throw new RetryLater('day-care lottery in progress');
    if (await transition(ctx, r._id, r.status, { status: ending.to, reason: ending.reason, offerExpiresAt: null })) {
      await releaseHold(ctx, r);
      await audit(ctx, {
        campaignId: r.campaignId,
        slotId: r.slotId,
        registrationId: r._id,
        event: ending.to,
        actor: 'guardian',
        detail: '账号注销',
      });
      if (ending.freesPlace) {
        // A crash before this line leaves the place short; the recountPlaces timer returns it down the waitlist.
        await returnPlace(ctx, slot._id);
        await offerNext(ctx, campaign, slot);
      }
      return true;
    }
    r = await docById<RegistrationDoc>(ctx, C.daycareRegistrations, r._id);
  }
  return false;
}

export const daycareForgetUser: ForgetUserPart = {
  blockers: daycareBlockers,
  counts: daycareCounts,
  async forget(ctx: BaseContext, sc: ForgetScope) {
    const today = todayOf(ctx.now());
    const regs = await allDocs<RegistrationDoc>(ctx, C.daycareRegistrations, { guardianOpenid: sc.openid });
    let ended = 0;
    for (const r of regs) {
      checkTime(sc);
      if (await endRegistration(ctx, r, today)) ended++;
      // Ended earlier (maybe by a run cut off before releasing): make sure its hold is gone. Kept
      // admissions (a period under way or over) keep theirs.
      else if (!isActive(r.status)) await releaseHold(ctx, r);
    }
    const kept = await ctx.db
      .collection(C.daycareRegistrations)
      .where({ guardianOpenid: sc.openid })
      .update({ guardianOpenid: sc.tombstone, childNameMasked: DELETED_NAME });
    const children = await ctx.db.collection(C.daycareChildren).where({ guardianOpenid: sc.openid }).remove();
    await ctx.db.collection(C.daycareConsents).where({ _id: sc.openid }).remove();
    await ctx.db.collection(C.daycareFamilies).where({ _id: sc.openid }).remove();
    const sites = await allDocs<SiteDoc>(ctx, C.daycareSites, { staffOpenids: sc.openid });
    const _ = ctx.db.command;
    for (const site of sites) {
      await ctx.db
        .collection(C.daycareSites)
        .doc(site._id)
        .update({
          staffOpenids: _.set(site.staffOpenids.filter((o) => o !== sc.openid)),
          staff: _.set((site.staff ?? []).filter((s) => s.openid !== sc.openid)),
        });
    }
    return { ended, anonymized: kept.updated ?? 0, children: children.deleted ?? 0, staffSites: sites.length };
  },
};
