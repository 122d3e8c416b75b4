/**
 * benefit.register (预约抽签): one registration per member and drop, `_id` = `<dropId>_<openid>`,
 * so a retry or a second tap is "already registered", never a second entry.
 */
import { ok } from '../../../shared/envelope';
import { checkEligibility } from '../../../shared/benefit/eligibility';
import type { RegisterRequest, RegistrationView } from '../../../shared/benefit/schemas';
import { formatBusinessFriendly } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { retryRefused } from '../../_lib/quota';
import { AppFailure, userAction } from '../../_lib/router';
import { requireSchema } from '../../_lib/schema';
import { cancelledRefusal, isCancelled } from '../lib/cancel';
import { asDate, isDuplicate, type UserDoc, type RegistrationDoc } from '../lib/docs';
import { entrantKeyOf } from '../lib/keys';
import { loadDrop } from '../lib/stock';

export function registrationView(r: RegistrationDoc): RegistrationView {
  const opensAt = asDate(r.opensAt).getTime();
  return {
    dropId: r.dropId,
    title: r.title,
    registeredAt: asDate(r.registeredAt).getTime(),
    opensAt,
    result: r.result,
    explain: r.explain ?? `已报名，${formatBusinessFriendly(opensAt)} 自动抽签，结果会通知您`,
  };
}

export const register = userAction<RegisterRequest, RegistrationView>('benefit.register', async (input, ctx) => {
  // A draw entry becomes a claim with a code: the same unique index must be there.
  await requireSchema(ctx, 'benefit.register');
  const entry = await loadDrop(ctx, input.dropId);
  if (!entry) throw new AppFailure('NOT_FOUND', '福利不存在或已下架');
  const drop = entry.drop;
  // A registration that slips in while the withdrawal reaches this instance's copy is still told:
  // the `draw` timer notifies every registration of a withdrawn drop (triggers/cancelNotices.ts).
  if (isCancelled(drop)) throw cancelledRefusal(drop);
  if (drop.mode !== 'draw') throw new AppFailure('INVALID_ARGUMENT', '本次福利为先到先得，无需报名，请在开抢时领取');
  const now = ctx.now();
  const id = `${drop._id}_${ctx.openid}`;
  const existing = (await retryRefused(() => ctx.db.collection(C.dropRegistrations).doc(id).get())).data[0] as RegistrationDoc | undefined;
  if (existing) return ok(registrationView(existing));
  if (drop.registerOpensAt && now < asDate(drop.registerOpensAt)) {
    throw new AppFailure('REGISTRATION_NOT_OPEN', `${formatBusinessFriendly(drop.registerOpensAt)} 开始报名`);
  }
  const closes = asDate(drop.registerClosesAt ?? drop.opensAt);
  if (now >= closes) throw new AppFailure('REGISTRATION_CLOSED', `报名已于 ${formatBusinessFriendly(closes)} 截止`);
  const member = (await retryRefused(() => ctx.db.collection(C.users).doc(ctx.openid).get())).data[0] as UserDoc | undefined;
  const why = checkEligibility(member ?? null, drop);
  if (why) throw new AppFailure(why.code, why.message);

  const doc: RegistrationDoc = {
    _id: id,
    dropId: drop._id,
    openid: ctx.openid,
    entrantKey: entrantKeyOf(drop._id, ctx.openid),
    requestId: ctx.requestId,
    registeredAt: now,
    title: drop.title,
    opensAt: drop.opensAt,
    result: null,
    explain: null,
  };
  try {
    // Refused inserts did not run; a deterministic id makes a late duplicate harmless anyway.
    await retryRefused(() => ctx.db.collection(C.dropRegistrations).add(doc));
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    const again = (await ctx.db.collection(C.dropRegistrations).doc(id).get()).data[0] as RegistrationDoc;
    return ok(registrationView(again));
  }
  return ok(registrationView(doc));
});
