/** The guardian's own children (full data: only the guardian and the site's staff see it), consent and family circumstances. */
import { ok } from '../../../shared/envelope';
import type { MyChildrenRequest } from '../../../shared/daycare/schemas';
import type { MyChildrenResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { ChildDoc, FamilyDoc } from '../lib/docs';
import { fullChildView } from '../lib/children';
import { familyView } from '../lib/present';
import { findDoc } from '../lib/store';

export const myChildren = userAction<MyChildrenRequest, MyChildrenResult>('daycare.myChildren', async (_input, ctx) => {
  const [consentDoc, family, children] = await Promise.all([
    findDoc<{ consentedAt: Date }>(ctx, C.daycareConsents, ctx.openid),
    findDoc<FamilyDoc>(ctx, C.daycareFamilies, ctx.openid),
    ctx.db.collection(C.daycareChildren).where({ guardianOpenid: ctx.openid }).orderBy('createdAt', 'asc').limit(20).get(),
  ]);
  return ok({
    consented: !!consentDoc,
    consentedAt: consentDoc ? new Date(consentDoc.consentedAt).toISOString() : null,
    children: await Promise.all((children.data as ChildDoc[]).map((c) => fullChildView(ctx, c))),
    family: familyView(family?.circumstances),
  });
});
