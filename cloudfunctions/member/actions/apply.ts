/**
 * 网上入会: file a join application. Routed to the union the applicant picked: their
 * employer's grassroots union, or (no union at the employer) the street union of the
 * employer's location. One current application per person (`_id` = idHash) and one pending
 * application per WeChat user, both decided inside one transaction.
 *
 * The refusals are an existence oracle for ID numbers ("this number is already a member / has an
 * application", and for a user who is already waiting, "pending" means "not a member"), which
 * would let someone find a worker's number here and then claim it in one try. So each refusal that
 * depends on the typed number uses up a try of the same identity-probe budget as `claim`
 * (lib/attempts.ts); over budget nothing is read. A filed application and a refusal about the
 * caller alone ("you are already a member") give the try back.
 *
 * A repeat of the request (the same request id from the same WeChat user, sent again when the
 * answer was lost) finds its own application and answers it as it stands, writing nothing: the
 * application keeps the request id that filed it. Anyone else, or another request id, gets the
 * refusals below.
 */
import { ok } from '../../../shared/envelope';
import type { ApplyRequest, ApplyResult, Routing } from '../../../shared/member/schemas';
import { normalizeTags } from '../../../shared/member/tags';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { CallerRefusal, underProofLimit } from '../lib/attempts';
import type { ApplicationDoc, MemberDoc, UnionDoc, UserDoc } from '../lib/docs';
import { identityOf, phoneFacts, type Identity } from '../lib/identity';
import { newUserDoc } from '../lib/link';
import { applicationView } from '../lib/present';
import { inTransaction, txGet } from '../lib/tx';
import { findUnion, unionsById } from '../../_lib/unions';

const LEVEL_FOR: Record<Routing, UnionDoc['level']> = { employer_union: 'grassroots', street_union: 'street' };

async function routedUnion(ctx: UserContext, routing: Routing, unionId: string): Promise<UnionDoc> {
  const union = await findUnion(ctx, unionId);
  if (!union || union.level !== LEVEL_FOR[routing]) {
    throw new AppFailure(
      'UNION_NOT_ELIGIBLE',
      routing === 'employer_union' ? '请选择您所在单位的基层工会' : '请选择单位所在地的街道（乡镇）总工会',
    );
  }
  return union;
}

/** Refuse when the person or this WeChat user is already a member or already waiting. */
function refuseIfBlocked(user: UserDoc | null, member: MemberDoc | null, current: ApplicationDoc | null, openid: string): void {
  // The same answer whatever number was typed: reveals nothing, costs no try.
  if (user?.memberStatus === 'verified') throw new CallerRefusal('ALREADY_MEMBER');
  // Applying again does not lift a suspension: only the union can (会员卡管理).
  if (user?.memberStatus === 'suspended')
    throw new CallerRefusal('CARD_REVOKED', '您的会员卡已被工会停用，无需重新申请入会；如有疑问，请联系所属工会');
  if (member) {
    if (member.openid && member.openid !== openid) throw new AppFailure('MEMBER_ALREADY_CLAIMED');
    throw new AppFailure('ALREADY_MEMBER', '该身份证号已登记为工会会员，请使用「已是会员？认领会员卡」绑定');
  }
  if (user?.memberStatus === 'pending' || current?.status === 'pending') throw new AppFailure('APPLICATION_PENDING');
  if (current?.status === 'approved') throw new AppFailure('ALREADY_MEMBER');
}

/** The caller's own application filed by this very request (a resend after a lost answer). */
function filedByThisRequest(current: ApplicationDoc | null, ctx: UserContext): current is ApplicationDoc {
  return current !== null && current.openid === ctx.openid && current.requestId === ctx.requestId;
}

function newApplication(
  input: ApplyRequest,
  who: Identity,
  union: UnionDoc,
  ctx: UserContext,
  now: Date,
  previous: ApplicationDoc | null,
): Omit<ApplicationDoc, '_id'> {
  const history =
    previous?.status === 'rejected' && previous.rejectReason
      ? [
          ...(previous.history ?? []),
          {
            status: 'rejected' as const,
            reason: previous.rejectReason,
            reviewedAt: previous.reviewedAt ?? now,
            reviewedBy: previous.reviewedBy ?? '',
          },
        ]
      : (previous?.history ?? []);
  return {
    openid: ctx.openid,
    requestId: ctx.requestId,
    status: 'pending',
    realName: who.realName,
    nameMasked: who.nameMasked,
    nameHash: who.nameHash,
    idMasked: who.idMasked,
    ...phoneFacts(input.phone),
    employer: input.employer.trim(),
    routing: input.routing,
    unionId: union._id,
    unionAncestors: union.ancestors,
    tags: normalizeTags(input.tags ?? []),
    consentAt: now,
    submittedAt: now,
    reviewedAt: null,
    reviewedBy: null,
    rejectReason: null,
    cardNo: null,
    history: history.slice(-10),
  };
}

export const apply = userAction<ApplyRequest, ApplyResult>('member.apply', async (input, ctx) => {
  if (input.consent !== true) throw new AppFailure('CONSENT_REQUIRED');
  const now = ctx.now();
  const who = identityOf(input.realName, input.idNumber, now);
  const union = await routedUnion(ctx, input.routing, input.unionId);

  // Over budget this throws RATE_LIMITED before the transaction reads anything.
  const saved = await underProofLimit(ctx, () =>
    inTransaction(ctx.db, async (tx) => {
      // One request at a time: a CloudBase (MongoDB) transaction is one session, not a pool.
      const user = await txGet<UserDoc>(tx, C.users, ctx.openid);
      const member = await txGet<MemberDoc>(tx, C.members, who.idHash);
      const current = await txGet<ApplicationDoc>(tx, C.memberApplications, who.idHash);
      if (filedByThisRequest(current, ctx)) return { doc: current, repeat: true };
      refuseIfBlocked(user, member, current, ctx.openid);
      const doc = newApplication(input, who, union, ctx, now, current);
      await tx.collection(C.memberApplications).doc(who.idHash).set(doc);
      if (user) {
        await tx.collection(C.users).doc(ctx.openid).update({ memberStatus: 'pending', nameMasked: who.nameMasked, updatedAt: now });
      } else {
        await tx
          .collection(C.users)
          .doc(ctx.openid)
          .set({ ...newUserDoc(ctx.openid, who.nameMasked, now), memberStatus: 'pending' });
      }
      return { doc: { _id: who.idHash, ...doc } as ApplicationDoc, repeat: false };
    }),
  );
  ctx.log.info(saved.repeat ? 'application answered again' : 'application filed', {
    unionId: saved.doc.unionId,
    routing: saved.doc.routing,
  });
  const unions = saved.doc.unionId === union._id ? new Map([[union._id, union]]) : await unionsById(ctx, [saved.doc.unionId]);
  return ok({ application: applicationView(saved.doc, unions) });
});
