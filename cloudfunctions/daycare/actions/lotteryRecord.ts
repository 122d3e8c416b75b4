/**
 * The published lottery of a campaign: before the draw only the seed commitment; after it the
 * seed, every slot's entries (registration id + tier, no names) and the result. Public, so
 * anyone can re-run it with scripts/verify-lottery.ts.
 */
import { ok } from '../../../shared/envelope';
import { ALGORITHM_NAME, type PublishedLottery } from '../../../shared/daycare/lottery';
import type { LotteryRecordRequest } from '../../../shared/daycare/schemas';
import type { LotteryRecordResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, publicAction } from '../../_lib/router';
import type { CampaignDoc } from '../lib/docs';
import { findDoc } from '../lib/store';

type StoredLottery = Omit<PublishedLottery, 'allocatedAt'> & { allocatedAt: Date };

export const lotteryRecord = publicAction<LotteryRecordRequest, LotteryRecordResult>('daycare.lotteryRecord', async (input, ctx) => {
  const campaign = await findDoc<CampaignDoc>(ctx, C.daycareCampaigns, input.campaignId);
  if (!campaign || campaign.mode !== 'lottery') throw new AppFailure('NOT_FOUND', '该活动没有摇号记录');
  const record = await findDoc<StoredLottery>(ctx, C.daycareLotteries, campaign._id);
  if (!record) {
    return ok({
      campaignId: campaign._id,
      algorithm: ALGORITHM_NAME,
      commitment: campaign.seedCommitment ?? '',
      seed: null,
      allocatedAt: null,
      slots: [],
    });
  }
  return ok({
    campaignId: record.campaignId,
    algorithm: record.algorithm,
    commitment: record.commitment,
    seed: record.seed,
    allocatedAt: new Date(record.allocatedAt).toISOString(),
    slots: record.slots,
  });
});
