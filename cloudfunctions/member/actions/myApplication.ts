/** The applicant's status page: their latest application (submitted / approved / rejected + reason). */
import { ok } from '../../../shared/envelope';
import type { MyApplicationRequest, MyApplicationResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { userAction, type UserContext } from '../../_lib/router';
import type { ApplicationDoc } from '../lib/docs';
import { applicationView } from '../lib/present';
import { unionsById } from '../../_lib/unions';

export async function latestApplication(ctx: UserContext): Promise<ApplicationDoc | null> {
  const res = await ctx.db.collection(C.memberApplications).where({ openid: ctx.openid }).orderBy('submittedAt', 'desc').limit(1).get();
  return (res.data[0] as ApplicationDoc | undefined) ?? null;
}

export const myApplication = userAction<MyApplicationRequest, MyApplicationResult>('member.myApplication', async (_input, ctx) => {
  const app = await latestApplication(ctx);
  if (!app) return ok({ application: null });
  const unions = await unionsById(ctx, [app.unionId]);
  return ok({ application: applicationView(app, unions) });
});
