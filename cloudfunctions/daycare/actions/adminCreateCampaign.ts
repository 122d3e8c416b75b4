/**
 * A union opens a summer day-care campaign: window, allocation mode, limits. In lottery mode a
 * random seed is drawn now and only its SHA-256 commitment is shown until the draw.
 */
import { nodeHashes } from '../../_lib/hashes';
import { createHash, randomBytes } from 'node:crypto';
import { ok } from '../../../shared/envelope';
import { commitmentOf } from '../../../shared/daycare/lottery';
import { DEFAULT_ATTENDANCE_THRESHOLD, DEFAULT_TIER_ORDER } from '../../../shared/daycare/rules';
import type { AdminCreateCampaignRequest } from '../../../shared/daycare/schemas';
import type { AdminCampaignResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { getUnion } from '../../_lib/unions';
import { campaignViews } from '../lib/catalog';
import type { CampaignDoc } from '../lib/docs';
import { audit, findDoc, getCampaign, isDuplicate } from '../lib/store';
import { announceClose } from '../lib/schedule';

export const adminCreateCampaign = userAction<AdminCreateCampaignRequest, AdminCampaignResult>(
  'daycare.adminCreateCampaign',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const union = await getUnion(ctx, input.unionId);
    assertInScope(admin, union.ancestors);
    if (input.closesAt <= input.opensAt) throw new AppFailure('INVALID_ARGUMENT', '报名截止时间须晚于开始时间');
    const now = ctx.now();
    if (input.closesAt <= now.getTime()) throw new AppFailure('INVALID_ARGUMENT', '报名截止时间须晚于现在');
    const seed = input.mode === 'lottery' ? randomBytes(32).toString('hex') : null;
    // Deterministic per request: a retried create collides instead of opening a second campaign.
    const id = `dc_${createHash('sha256').update(`${ctx.openid}:${ctx.requestId}`).digest('hex').slice(0, 20)}`;
    const campaign: CampaignDoc = {
      _id: id,
      unionId: union._id,
      unionAncestors: union.ancestors,
      title: input.title.trim(),
      summer: input.summer,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      mode: input.mode,
      periodLimit: input.periodLimit ?? 1,
      attendanceThreshold: input.attendanceThreshold ?? DEFAULT_ATTENDANCE_THRESHOLD,
      offerHours: input.offerHours ?? 24,
      tierOrder: input.tierOrder ? [...input.tierOrder] : [...DEFAULT_TIER_ORDER],
      seedCommitment: seed ? commitmentOf(seed, nodeHashes) : null,
      status: 'open',
      allocatedAt: null,
      createdBy: ctx.openid,
      createdAt: now,
    };
    // The seed first: a campaign never exists without the seed its commitment promises. A retry
    // keeps the first seed (add, not set), so a commitment once written never changes.
    if (seed) {
      try {
        await ctx.db.collection(C.daycareSeeds).add({ _id: id, seed, createdAt: now });
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const stored = await findDoc<{ seed: string }>(ctx, C.daycareSeeds, id);
        if (!stored) throw err;
        campaign.seedCommitment = commitmentOf(stored.seed, nodeHashes);
      }
    }
    // The window's close is in the future: announced before the write, so no run can miss it.
    await announceClose(ctx, campaign.closesAt);
    try {
      await ctx.db.collection(C.daycareCampaigns).add(campaign);
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      return ok({ campaign: (await campaignViews(ctx, [await getCampaign(ctx, id)]))[0] });
    }
    await audit(ctx, {
      campaignId: id,
      event: 'created',
      actor: 'admin',
      detail: seed ? `种子承诺 ${campaign.seedCommitment}` : '先到先得',
    });
    return ok({ campaign: (await campaignViews(ctx, [campaign]))[0] });
  },
);
