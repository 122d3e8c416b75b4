import { C } from '../../_lib/collections';
import type { UserContext } from '../../_lib/router';
import type { UserDoc } from '../../_lib/docs';
import { loadUser } from '../../_lib/roles';

/** The caller's follows; a WeChat user without a users document follows nothing yet. */
export async function viewer(ctx: UserContext): Promise<{ user: UserDoc | null; follows: string[] }> {
  const user = await loadUser(ctx);
  return { user, follows: user?.follows ?? [] };
}

/** Root unions (the city union): what a reader who follows nothing is shown. */
export async function rootUnionIds(ctx: UserContext): Promise<string[]> {
  const res = await ctx.db.collection(C.unions).where({ parentId: null }).field({ _id: true }).limit(10).get();
  return (res.data as Array<{ _id: string }>).map((u) => u._id);
}
