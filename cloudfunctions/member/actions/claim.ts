/**
 * 会员认领: a worker whose union imported them opens the app and proves who they are with
 * name + ID number. The keyed hashes must match an imported record that no other WeChat user
 * holds; then the record and this user are linked (idempotent for the same user).
 *
 * Every refusal after the records are read tells the caller something about the typed ID number,
 * so each one uses up a try of the caller's identity-probe budget (lib/attempts.ts); over budget,
 * the records are not read at all. A successful link gives its try back. Format errors (checksum,
 * birth date) are computed from the input alone and answered before, without counting.
 *
 * The record keeps the request id that linked it (`claimRequestId`): a resend of that request by
 * the same user (its answer was lost) finds the record linked to them and answers the same card,
 * writing nothing. Claiming one's own record again under a new request id relinks it as before.
 */
import { ok } from '../../../shared/envelope';
import type { ClaimRequest, ClaimResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { underProofLimit } from '../lib/attempts';
import type { MemberDoc, UserDoc } from '../lib/docs';
import { identityOf } from '../lib/identity';
import { holdsMembership, writeLinkedUser } from '../lib/link';
import { cardView } from '../lib/present';
import { inTransaction, txGet } from '../lib/tx';
import { unionsById } from '../../_lib/unions';

export const claim = userAction<ClaimRequest, ClaimResult>('member.claim', async (input, ctx) => {
  if (input.consent !== true) throw new AppFailure('CONSENT_REQUIRED');
  const now = ctx.now();
  const who = identityOf(input.realName, input.idNumber, now);

  // Over budget this throws RATE_LIMITED before the transaction reads anything.
  const member = await underProofLimit(ctx, () =>
    inTransaction(ctx.db, async (tx) => {
      const user = await txGet<UserDoc>(tx, C.users, ctx.openid);
      const found = await txGet<MemberDoc>(tx, C.members, who.idHash);
      // One answer for "no such record" and "name does not match": no probing which is which.
      if (!found || found.nameHash !== who.nameHash) throw new AppFailure('MEMBER_RECORD_NOT_FOUND');
      if (found.openid && found.openid !== ctx.openid) throw new AppFailure('MEMBER_ALREADY_CLAIMED');
      // A resend of the request that linked it, to the same user, still linked: nothing to write.
      if (found.openid === ctx.openid && found.claimRequestId === ctx.requestId && user?.memberId === found._id && holdsMembership(user))
        return found;
      // A suspended member holds a membership too: claiming someone else's record must not replace it.
      if (holdsMembership(user) && user?.memberId !== found._id) throw new AppFailure('ALREADY_MEMBER');
      if (!found.openid)
        await tx.collection(C.members).doc(found._id).update({ openid: ctx.openid, claimedAt: now, claimRequestId: ctx.requestId });
      await writeLinkedUser(tx, ctx.openid, user, found, now);
      return found;
    }),
  );
  ctx.log.info('member claimed', { unionId: member.unionId });
  const unions = await unionsById(ctx, [member.unionId]);
  return ok({ card: cardView(member, unions) });
});
