/** Admin access to one drop: the caller must administer the drop's union or one above it. */
import { AppFailure, type UserContext } from '../../_lib/router';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin, type Admin } from '../../_lib/roles';
import type { DropDoc } from './docs';

export async function adminDrop(ctx: UserContext, dropId: string): Promise<{ admin: Admin; drop: DropDoc }> {
  const [admin, res] = await Promise.all([requireAdmin(ctx), ctx.db.collection(C.drops).doc(dropId).get()]);
  const drop = res.data[0] as DropDoc | undefined;
  if (!drop) throw new AppFailure('NOT_FOUND', '福利不存在或已下架');
  assertInScope(admin, drop.unionAncestors);
  return { admin, drop };
}
