/**
 * "我的": the caller's own openid (用户编号 on 账号与隐私), membership status, masked name, union
 * chain, card, tags, follows, the unions the user administers, and the latest application while
 * one is pending or was rejected.
 */
import { ok } from '../../../shared/envelope';
import type { Profile, ProfileRequest } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { ApplicationDoc, MemberDoc } from '../lib/docs';
import { applicationView, cardView } from '../lib/present';
import { loadUser } from '../../_lib/roles';
import { unionRef, unionsById } from '../../_lib/unions';
import { latestApplication } from './myApplication';

export const profile = userAction<ProfileRequest, Profile>('member.profile', async (_input, ctx) => {
  const user = await loadUser(ctx);
  const status = user?.memberStatus ?? 'none';
  const memberRes = user?.memberId ? await ctx.db.collection(C.members).doc(user.memberId).get() : null;
  const member = (memberRes?.data[0] as MemberDoc | undefined) ?? null;
  const app: ApplicationDoc | null = status === 'pending' || status === 'rejected' ? await latestApplication(ctx) : null;
  const chainIds = user?.unionAncestors ?? [];
  const unions = await unionsById(ctx, [
    ...chainIds,
    ...(user?.adminUnionIds ?? []),
    ...(app ? [app.unionId] : []),
    ...(member ? [member.unionId] : []),
  ]);
  const ref = (id: string) => unions.get(id);
  return ok({
    // The caller's own identifier (from the invocation context, never from the request), for 用户编号.
    openid: ctx.openid,
    memberStatus: status,
    nameMasked: user?.nameMasked ?? null,
    idMasked: member?.idMasked ?? app?.idMasked ?? null,
    union: user?.unionId && ref(user.unionId) ? unionRef(ref(user.unionId)!) : null,
    unionChain: chainIds.filter((id) => ref(id)).map((id) => unionRef(ref(id)!)),
    tags: user?.tags ?? [],
    follows: user?.follows ?? [],
    // A suspended member still sees the card (marked 已停用, with the reason) instead of "not a member".
    card: member && (status === 'verified' || status === 'suspended') ? cardView(member, unions) : null,
    adminUnions: (user?.adminUnionIds ?? []).filter((id) => ref(id)).map((id) => unionRef(ref(id)!)),
    application: app ? applicationView(app, unions) : null,
  });
});
