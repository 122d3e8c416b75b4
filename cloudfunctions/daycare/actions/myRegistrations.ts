/** The parent's registrations, newest first, each with its status, place and reason. */
import { ok } from '../../../shared/envelope';
import type { MyRegistrationsRequest } from '../../../shared/daycare/schemas';
import type { MyRegistrationsResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { RegistrationDoc } from '../lib/docs';
import { viewsOf } from '../lib/registrations';

export const myRegistrations = userAction<MyRegistrationsRequest, MyRegistrationsResult>('daycare.myRegistrations', async (_input, ctx) => {
  const res = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ guardianOpenid: ctx.openid })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  return ok({ serverTime: ctx.now().getTime(), registrations: await viewsOf(ctx, res.data as RegistrationDoc[]) });
});
