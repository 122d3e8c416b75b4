/** Claim documents: deterministic ids, the member's view and its Chinese explanation. */
import { dateMinute, friendly, monthDayTime } from '../../../shared/benefit/fastTime';
import { formatCode } from '../../../shared/benefit/code';
import type { ClaimView } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { retryRefused } from '../../_lib/quota';
import type { BaseContext } from '../../_lib/router';
import { asDate, type ClaimDoc, type DropDoc } from './docs';
import { codeForClaim } from './keys';

/** `<dropId>_<openid>_<slot>`: one document per unit a member may hold, so the primary key enforces the limit. */
export function claimIdOf(dropId: string, openid: string, slot: number): string {
  return `${dropId}_${openid}_${slot}`;
}

export function newClaim(drop: DropDoc, openid: string, slot: number, requestId: string, now: Date): ClaimDoc {
  const _id = claimIdOf(drop._id, openid, slot);
  return {
    _id,
    dropId: drop._id,
    openid,
    slot,
    requestId,
    code: codeForClaim(_id),
    status: 'issued',
    via: drop.mode,
    claimedAt: now,
    redeemBy: drop.redeemBy,
    redeemedAt: null,
    redeemedBy: null,
    title: drop.title,
    kind: drop.kind,
    unionName: drop.unionName,
    unionAncestors: drop.unionAncestors,
    venue: drop.venue ?? null,
  };
}

/** The member's claims of one drop: one read (by id when the limit is 1, else by member). */
export async function readMine(ctx: BaseContext, drop: DropDoc, openid: string): Promise<ClaimDoc[]> {
  if (drop.perMemberLimit === 1) {
    const res = await retryRefused(() =>
      ctx.db
        .collection(C.dropClaims)
        .doc(claimIdOf(drop._id, openid, 1))
        .get(),
    );
    return res.data as ClaimDoc[];
  }
  const res = await retryRefused(() => ctx.db.collection(C.dropClaims).where({ dropId: drop._id, openid }).limit(20).get());
  return res.data as ClaimDoc[];
}

export function explainClaim(c: ClaimDoc, now: number): string {
  const by = asDate(c.redeemBy).getTime();
  if (c.status === 'redeemed' && c.redeemedAt) return `已于 ${dateMinute(asDate(c.redeemedAt))} 核销`;
  if (c.status === 'expired' || now > by) return `已过核销期限（${friendly(by)}），兑换码失效`;
  const how = c.via === 'draw' ? '抽签中签' : '抢到';
  return `${monthDayTime(asDate(c.claimedAt))} ${how}，请在 ${friendly(by)} 前出示兑换码核销`;
}

export function claimView(c: ClaimDoc, now: number): ClaimView {
  const expired = c.status === 'issued' && now > asDate(c.redeemBy).getTime();
  return {
    id: c._id,
    dropId: c.dropId,
    title: c.title,
    kind: c.kind,
    unionName: c.unionName,
    code: formatCode(c.code),
    status: expired ? 'expired' : c.status,
    via: c.via,
    claimedAt: asDate(c.claimedAt).getTime(),
    redeemBy: asDate(c.redeemBy).getTime(),
    redeemedAt: c.redeemedAt ? asDate(c.redeemedAt).getTime() : null,
    venue: c.venue ?? null,
    explain: explainClaim(c, now),
  };
}
