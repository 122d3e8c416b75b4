/**
 * The lottery at the window's close (lottery mode). Per slot: the registrations' priority tiers
 * are snapshotted, then ordered by shared/daycare/lottery.ts with the campaign's committed
 * seed; the first `capacity` are admitted, the rest waitlisted in lottery order. The record
 * (entries with tiers, seed, result) is published in `daycare_lotteries` so anyone can re-run it
 * (scripts/verify-lottery.ts).
 *
 * Re-runnable: the campaign is claimed with a conditional status change (open → allocating);
 * a run that died half-way is resumed by the next trigger, and every write is conditional or
 * keyed, so it produces the same result.
 */
import { nodeHashes } from '../../_lib/hashes';
import { countedBefore, tierLabel, tierOf } from '../../../shared/daycare/rules';
import { ALGORITHM_NAME, allocateSlot, type PublishedLottery } from '../../../shared/daycare/lottery';
import { C } from '../../_lib/collections';
import { inChunks } from '../../_lib/chunks';
import type { BaseContext } from '../../_lib/router';
import type { CampaignDoc, FamilyDoc, RegistrationDoc, SlotDoc } from './docs';
import { notifyResult, offerNext, PLACE_STATUSES, transition } from './places';
import { slotLabel } from './present';
import { audit, findDoc, getAll } from './store';

async function snapshotTiers(ctx: BaseContext, campaign: CampaignDoc, regs: RegistrationDoc[]): Promise<void> {
  const missing = regs.filter((r) => r.tier === null);
  if (missing.length === 0) return;
  const families = await getAll<FamilyDoc>(ctx, C.daycareFamilies, {
    _id: ctx.db.command.in([...new Set(missing.map((r) => r.guardianOpenid))]),
  });
  const byId = new Map(families.map((f) => [f._id, f]));
  await inChunks(missing, 20, async (r) => {
    r.tier = tierOf(countedBefore(byId.get(r.guardianOpenid)?.circumstances ?? [], campaign.closesAt), campaign.tierOrder);
    await ctx.db.collection(C.daycareRegistrations).doc(r._id).update({ tier: r.tier });
  });
}

async function allocateOne(
  ctx: BaseContext,
  campaign: CampaignDoc,
  slot: SlotDoc,
  seed: string,
): Promise<PublishedLottery['slots'][number]> {
  const all = await getAll<RegistrationDoc>(ctx, C.daycareRegistrations, { slotId: slot._id });
  const regs = all.filter((r) => r.status === 'registered' || r.lotteryRank !== null).sort((a, b) => (a._id < b._id ? -1 : 1));
  await snapshotTiers(ctx, campaign, regs);
  const byId = new Map(regs.map((r) => [r._id, r]));
  const entries = regs.map((r) => ({ id: r._id, tier: r.tier as number }));
  const outcome = allocateSlot(seed, slot.capacity, entries, nodeHashes);
  const ordered = [...outcome.admitted, ...outcome.waitlist];
  let admitted = 0;
  await inChunks(ordered, 20, async (id, i) => {
    const r = byId.get(id)!;
    const rank = i + 1;
    const win = i < slot.capacity;
    const label = tierLabel(r.tier as number, campaign.tierOrder);
    const reason = win
      ? `${label}；摇号排序第 ${rank} 位，在 ${slot.capacity} 个名额内，已录取`
      : `${label}；摇号排序第 ${rank} 位，${slot.capacity} 个名额已满，进入候补`;
    const status = win ? 'admitted' : 'waitlisted';
    const changed = await transition(ctx, id, 'registered', {
      status,
      lotteryRank: rank,
      queueKey: `r${String(rank).padStart(6, '0')}`,
      reason,
    });
    if (win && (changed || r.status === 'admitted')) admitted += 1;
    if (changed) {
      await audit(ctx, {
        campaignId: campaign._id,
        slotId: slot._id,
        registrationId: id,
        event: status,
        actor: 'system',
        detail: `第${r.tier}档，排序第 ${rank} 位`,
      });
      await notifyResult(ctx, { ...r, status, reason }, slot, status);
    }
  });
  // Free places = capacity minus every registration holding one, counted from the records: a
  // resumed run must also count the offers (and accepted offers) its first run made before it
  // died, which the lottery order alone does not show.
  const holding =
    (
      await ctx.db
        .collection(C.daycareRegistrations)
        .where({ slotId: slot._id, status: ctx.db.command.in([...PLACE_STATUSES]) })
        .count()
    ).total ?? 0;
  const free = Math.max(0, slot.capacity - holding);
  await ctx.db.collection(C.daycareSlots).doc(slot._id).update({ remaining: free, placesChangedAt: ctx.now() });
  await audit(ctx, {
    campaignId: campaign._id,
    slotId: slot._id,
    event: 'allocated',
    actor: 'system',
    detail: `报名 ${entries.length}，名额 ${slot.capacity}，录取 ${admitted}，候补 ${outcome.waitlist.length}`,
  });
  // A family that withdrew while the draw ran leaves its place free: it goes to the waitlist.
  for (let left = free; left > 0 && outcome.waitlist.length > 0; left--) {
    if (!(await offerNext(ctx, campaign, { ...slot, remaining: left }))) break;
  }
  return {
    slotId: slot._id,
    label: slotLabel(slot),
    capacity: slot.capacity,
    entries,
    admitted: outcome.admitted,
    waitlist: outcome.waitlist,
  };
}

/** Allocate one campaign whose window has closed. Returns false if another run holds it or it is done. */
export async function allocateCampaign(ctx: BaseContext, campaign: CampaignDoc): Promise<boolean> {
  if (campaign.status === 'open') {
    const claimed = await ctx.db
      .collection(C.daycareCampaigns)
      .where({ _id: campaign._id, status: 'open' })
      .update({ status: 'allocating' });
    if (claimed.updated !== 1) return false;
  } else if (campaign.status !== 'allocating') {
    return false;
  }
  const seedDoc = await findDoc<{ seed: string }>(ctx, C.daycareSeeds, campaign._id);
  if (!seedDoc) throw new Error('lottery seed missing');
  const slots = await getAll<SlotDoc>(ctx, C.daycareSlots, { campaignId: campaign._id }, ['startDate', 'asc']);
  const published: PublishedLottery['slots'] = [];
  for (const slot of slots) published.push(await allocateOne(ctx, campaign, slot, seedDoc.seed));
  const now = ctx.now();
  await ctx.db.collection(C.daycareLotteries).doc(campaign._id).set({
    campaignId: campaign._id,
    algorithm: ALGORITHM_NAME,
    commitment: campaign.seedCommitment,
    seed: seedDoc.seed,
    allocatedAt: now,
    slots: published,
  });
  await ctx.db.collection(C.daycareCampaigns).doc(campaign._id).update({ status: 'allocated', allocatedAt: now });
  return true;
}
