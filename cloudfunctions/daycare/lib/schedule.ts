/**
 * What day care announces to the schedule (_lib/schedule.ts): a campaign its window's close, a
 * period its start (the waitlist closes then) and the places recount, an offer its deadline.
 */
import { lowerDue } from '../../_lib/schedule';
import type { BaseContext } from '../../_lib/router';

/** Longer than the function timeout (config.json: 60 s), as the drops' stock recount. */
export const QUIET_MS = 90_000;
/**
 * A write that moves places (a take, or a registration leaving a place-holding status before
 * its place goes back) announces the recount this long after it: by then the pair of writes is
 * complete or never will be, and the slot is quiet enough to be recounted.
 */
export const RECOUNT_AFTER_MS = QUIET_MS + 30_000;

/** The start of a period's first day, Asia/Shanghai (the waitlist closes then). */
export function startOfDay(ymd: string): Date {
  return new Date(`${ymd}T00:00:00+08:00`);
}

export function announceClose(ctx: Pick<BaseContext, 'db'>, closesAt: Date): Promise<boolean> {
  return lowerDue(ctx, 'daycare.closeWindows', closesAt);
}

/** Places are about to move: the recount comes once they are quiet again. */
export function announceRecount(ctx: Pick<BaseContext, 'db' | 'now'>): Promise<boolean> {
  return lowerDue(ctx, 'daycare.recountPlaces', new Date(ctx.now().getTime() + RECOUNT_AFTER_MS));
}

/** A new period: its waitlist closes at its start. */
export function announceStart(ctx: Pick<BaseContext, 'db'>, startDate: string): Promise<boolean> {
  return lowerDue(ctx, 'daycare.expireOffers', startOfDay(startDate));
}

export function announceOffer(ctx: Pick<BaseContext, 'db'>, expiresAt: Date): Promise<boolean> {
  return lowerDue(ctx, 'daycare.expireOffers', expiresAt);
}
