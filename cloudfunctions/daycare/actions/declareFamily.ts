/**
 * The family declares circumstances that give priority (双职工小微企业 / 单亲 / 困难职工).
 * Kinds already checked by the union keep their status; new ones are 'declared' until checked;
 * removed ones disappear. The tier is taken when the lottery runs.
 */
import { ok } from '../../../shared/envelope';
import type { DeclaredCircumstance } from '../../../shared/daycare/rules';
import type { DeclareFamilyRequest } from '../../../shared/daycare/schemas';
import type { DeclareFamilyResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { requireMember } from '../lib/access';
import type { FamilyDoc } from '../lib/docs';
import { familyView } from '../lib/present';
import { findDoc } from '../lib/store';

export const declareFamily = userAction<DeclareFamilyRequest, DeclareFamilyResult>('daycare.declareFamily', async (input, ctx) => {
  await requireMember(ctx);
  const current = await findDoc<FamilyDoc>(ctx, C.daycareFamilies, ctx.openid);
  const now = ctx.now();
  const circumstances: DeclaredCircumstance[] = input.circumstances.map((kind) => {
    const before = current?.circumstances.find((c) => c.kind === kind);
    return before ? before : { kind, status: 'declared', declaredAt: now };
  });
  await ctx.db.collection(C.daycareFamilies).doc(ctx.openid).set({ circumstances, updatedAt: now });
  return ok({ family: familyView(circumstances) });
});
