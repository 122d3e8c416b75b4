import { AppFailure, type UserContext } from '../../_lib/router';
import type { RegistrationDoc } from './docs';
import { findDoc } from './store';
import { C } from '../../_lib/collections';

/** The caller's own registration; another family's answers exactly like a missing one. */
export async function ownRegistration(ctx: UserContext, id: string): Promise<RegistrationDoc> {
  const reg = await findDoc<RegistrationDoc>(ctx, C.daycareRegistrations, id);
  if (!reg || reg.guardianOpenid !== ctx.openid) throw new AppFailure('NOT_FOUND', '报名记录不存在');
  return reg;
}
