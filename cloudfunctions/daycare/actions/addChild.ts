/** Add a child (minimum fields, no ID number) after the guardian's separate consent. */
import { createHash } from 'node:crypto';
import { ok } from '../../../shared/envelope';
import { maskName } from '../../../shared/member/mask';
import { shiftYears } from '../../../shared/validation/dates';
import type { AddChildRequest } from '../../../shared/daycare/schemas';
import type { AddChildResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { requireMember } from '../lib/access';
import type { ChildDoc } from '../lib/docs';
import { fullChildView } from '../lib/children';
import { todayOf } from '../lib/present';
import { findDoc, isDuplicate } from '../lib/store';

const MAX_CHILDREN = 6;
/** Oldest child a parent can register (years). */
const CHILD_MAX_AGE = 18;

export const addChild = userAction<AddChildRequest, AddChildResult>('daycare.addChild', async (input, ctx) => {
  await requireMember(ctx);
  if (!(await findDoc(ctx, C.daycareConsents, ctx.openid))) throw new AppFailure('DAYCARE_CONSENT_REQUIRED');
  if (!input.birthDate && !input.grade) throw new AppFailure('INVALID_ARGUMENT', '请填写出生日期或在读年级');
  const now = ctx.now();
  // Day-care is for school children: a birth date in the future or more than CHILD_MAX_AGE years ago is a typo.
  if (input.birthDate && (input.birthDate >= todayOf(now) || input.birthDate < shiftYears(todayOf(now), -CHILD_MAX_AGE))) {
    throw new AppFailure('INVALID_ARGUMENT', `出生日期须在今天之前的 ${CHILD_MAX_AGE} 年内`);
  }
  const count = await ctx.db.collection(C.daycareChildren).where({ guardianOpenid: ctx.openid }).count();
  if ((count.total ?? 0) >= MAX_CHILDREN) throw new AppFailure('INVALID_ARGUMENT', `每位家长最多登记 ${MAX_CHILDREN} 个孩子`);
  const name = input.name.trim();
  const child: ChildDoc = {
    // Derived from the request id: a retried request collides with the child it already added.
    _id: `ch_${createHash('sha256').update(`${ctx.openid}:${ctx.requestId}`).digest('hex').slice(0, 24)}`,
    guardianOpenid: ctx.openid,
    name,
    nameMasked: maskName(name),
    gender: input.gender,
    birthDate: input.birthDate ?? null,
    grade: input.grade ?? null,
    gradeRecordedOn: input.grade ? todayOf(now) : null,
    school: input.school.trim(),
    emergencyName: input.emergencyName.trim(),
    emergencyPhone: input.emergencyPhone,
    healthNotes: (input.healthNotes ?? '').trim(),
    createdAt: now,
  };
  try {
    await ctx.db.collection(C.daycareChildren).add(child);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    const existing = await findDoc<ChildDoc>(ctx, C.daycareChildren, child._id);
    if (!existing || existing.guardianOpenid !== ctx.openid) throw err;
    return ok({ child: await fullChildView(ctx, existing) });
  }
  return ok({ child: await fullChildView(ctx, child) });
});
