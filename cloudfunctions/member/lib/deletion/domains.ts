/**
 * The steps of the 注销账号 job that belong to other domains. Each is run by that domain's own
 * function (its `lib/forgetUser.ts`, behind _lib/forgetUser.ts), called through the SDK: the
 * member function never bundles another domain's code.
 */
import { remoteForgetUser, type ForgetUserDomain } from '../../../_lib/forgetUser';
import type { Step } from './job';

export function domainStep(fn: ForgetUserDomain): Step {
  return { name: fn, run: (ctx, sc) => remoteForgetUser.run(ctx, fn, sc) };
}
