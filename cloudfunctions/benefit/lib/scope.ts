/**
 * Which unions' drops a caller sees (benefit.list and benefit.search answer the same set):
 * a member's own union chain; someone not yet a member (not pending, not suspended) sees the
 * top-level unions' drops, so a worker sees why to join; pending or suspended callers see none.
 */
import { C } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';
import type { DropDoc, UserDoc } from './docs';
import { ms } from './docs';

/** Drops stay listed this long after they close (so 已抢完 / 未中签 remain visible). */
export const LISTED_AFTER_CLOSE_MS = 3 * 24 * 3600 * 1000;

export interface DropScope {
  member: UserDoc | null;
  unions: string[];
  joinFirst: boolean;
}

/** The unions without a parent (a city's 总工会): their drops are open to every member of the platform. */
async function topLevelUnionIds(ctx: ActionContext): Promise<string[]> {
  const res = await ctx.db.collection(C.unions).where({ parentId: null }).field({ _id: true }).limit(20).get();
  return (res.data as { _id: string }[]).map((u) => u._id);
}

export async function dropScope(ctx: ActionContext): Promise<DropScope> {
  const member = ctx.openid ? (((await ctx.db.collection(C.users).doc(ctx.openid).get()).data[0] as UserDoc | undefined) ?? null) : null;
  const memberUnions = member?.unionAncestors ?? [];
  const joinFirst = memberUnions.length === 0 && member?.memberStatus !== 'pending' && member?.memberStatus !== 'suspended';
  const unions = memberUnions.length ? memberUnions : joinFirst ? await topLevelUnionIds(ctx) : [];
  return { member, unions, joinFirst };
}

/**
 * A withdrawn first-come drop is hidden from all (nobody can have taken part: withdrawal closes
 * before the opening); a withdrawn draw stays listable until its original closing time (list then
 * shows it only to members who had registered).
 */
export function listable(d: DropDoc, now: number): boolean {
  return d.status !== 'cancelled' || (d.mode === 'draw' && now < (ms(d.closesAt) as number));
}
