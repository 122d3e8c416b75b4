/** All claims of a drop for the admin's figures and CSV, in pages of 1,000 (the get() maximum). */
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import type { ClaimDoc } from './docs';

export const MAX_EXPORT = 100_000;

export async function allClaims(ctx: BaseContext, dropId: string): Promise<ClaimDoc[]> {
  const out: ClaimDoc[] = [];
  for (let skip = 0; skip < MAX_EXPORT; skip += 1000) {
    const res = await ctx.db
      .collection(C.dropClaims)
      .where({ dropId })
      .orderBy('claimedAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get();
    out.push(...(res.data as ClaimDoc[]));
    if (res.data.length < 1000) break;
  }
  return out;
}

/** A bucket size that gives at most ~60 points over the span. */
export function bucketSecondsFor(spanMs: number): number {
  const steps = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 21600, 86400];
  return steps.find((s) => spanMs / (s * 1000) <= 60) ?? 86400;
}
