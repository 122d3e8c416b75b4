/** Drop documents → the member's DropCard (shared/benefit/schemas.ts). */
import type { DrawResult, DropCard } from '../../../shared/benefit/schemas';
import { checkEligibility } from '../../../shared/benefit/eligibility';
import { cancellationOf } from './cancel';
import { ms, type DrawDoc, type DropDoc, type UserDoc, type StockDoc } from './docs';
import { signPass } from './keys';

export interface MineOfDrop {
  claims: number;
  registered: boolean;
  result: DrawResult | null;
}

export function dropCard(
  d: DropDoc,
  stock: StockDoc[],
  draw: DrawDoc | undefined,
  mine: MineOfDrop,
  member: UserDoc | null,
  openid: string | null,
  now: number,
): DropCard {
  const shards = stock.filter((s) => s.dropId === d._id);
  const left = shards.length ? shards.reduce((sum, s) => sum + s.left, 0) : null;
  const soldOut = d.mode === 'first_come' && shards.length > 0 && left === 0;
  const lastTaken = Math.max(0, ...shards.map((s) => ms(s.lastTakenAt) ?? 0));
  const why = checkEligibility(member, d);
  const opensAt = ms(d.opensAt) as number;
  const cancelled = cancellationOf(d);
  return {
    id: d._id,
    title: d.title,
    kind: d.kind,
    picture: d.picture,
    unionName: d.unionName,
    mode: d.mode,
    stock: d.stock,
    perMemberLimit: d.perMemberLimit,
    requiredTags: d.requiredTags,
    opensAt,
    closesAt: ms(d.closesAt) as number,
    redeemBy: ms(d.redeemBy) as number,
    registerOpensAt: ms(d.registerOpensAt),
    registerClosesAt: ms(d.registerClosesAt),
    soldOutAt: soldOut ? lastTaken || opensAt : null,
    left: d.mode === 'draw' && !d.drawnAt ? null : left,
    seedHash: d.seedHash,
    seed: draw?.seed ?? null,
    registrants: d.registrants ?? null,
    winners: d.winners ?? null,
    drawnAt: ms(d.drawnAt),
    venue: d.venue ?? null,
    mine,
    cancelled: cancelled ? { at: cancelled.at, reason: cancelled.reason } : null,
    ineligible: why ? why.message : null,
    pass: !why && !cancelled && openid && d.mode === 'first_come' ? signPass(d._id, openid, opensAt, now) : null,
  };
}
