/**
 * benefit.list: this week's drops of the member's unions (own union and every ancestor), with
 * the member's own claims / registration and a claim pass for each drop they may claim.
 * Not on the hot path's budget (about 5 reads); the page loads it before the opening.
 * A withdrawn (撤回) drop is listed only to members who had registered for it, as 已撤回 with the
 * reason, until its original closing time; everyone else no longer sees it.
 */
import { ok } from '../../../shared/envelope';
import type { ListRequest, ListResult } from '../../../shared/benefit/schemas';
import { verifiedMemberRefusal } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { publicAction } from '../../_lib/router';
import type { ClaimDoc, DrawDoc, DropDoc, RegistrationDoc, StockDoc } from '../lib/docs';
import { dropScope, listable, LISTED_AFTER_CLOSE_MS } from '../lib/scope';
import { dropCard } from '../lib/present';
import { primeDrop } from '../lib/memory';

export const list = publicAction<ListRequest, ListResult>('benefit.list', async (_input, ctx) => {
  const _ = ctx.db.command;
  const now = ctx.now().getTime();
  // Not a member yet: show what the platform-wide unions offer, so a worker sees why to join.
  const { member, unions, joinFirst } = await dropScope(ctx);
  const guestNotice = '入会并完成认证后，可参与所在工会及上级工会发布的福利';
  if (unions.length === 0) return ok({ serverTime: now, drops: [], notice: guestNotice, joinFirst });
  const readAt = Date.now(); // the cached copies below count their age from before the read
  const dropsRes = await ctx.db
    .collection(C.drops)
    .where({ unionId: _.in(unions), closesAt: _.gt(new Date(now - LISTED_AFTER_CLOSE_MS)) })
    .orderBy('opensAt', 'asc')
    .limit(50)
    .get();
  // Withdrawn first-come drops: nobody can have taken part (withdrawal closes before the opening).
  const drops = (dropsRes.data as DropDoc[]).filter((d) => listable(d, now));
  if (drops.length === 0) return ok({ serverTime: now, drops: [], notice: joinFirst ? guestNotice : null, joinFirst });
  const ids = drops.map((d) => d._id);
  const drawIds = drops.filter((d) => d.mode === 'draw').map((d) => d._id);
  const openid = ctx.openid ?? null;
  const none = Promise.resolve({ data: [] as unknown[] });
  const [stockRes, claimRes, regRes, drawRes] = await Promise.all([
    ctx.db
      .collection(C.dropStock)
      .where({ dropId: _.in(ids) })
      .limit(1000)
      .get(),
    openid
      ? ctx.db
          .collection(C.dropClaims)
          .where({ openid, dropId: _.in(ids) })
          .field({ dropId: true })
          .limit(1000)
          .get()
      : none,
    openid && drawIds.length
      ? ctx.db
          .collection(C.dropRegistrations)
          .where({ openid, dropId: _.in(drawIds) })
          .limit(100)
          .get()
      : Promise.resolve({ data: [] }),
    drawIds.length
      ? ctx.db
          .collection(C.dropDraws)
          .where({ _id: _.in(drawIds) })
          .field({ seed: true, dropId: true })
          .limit(100)
          .get()
      : Promise.resolve({ data: [] }),
  ]);
  // The page is opened before the opening: keep what was just read in instance memory, so the
  // claims at 10:00 find their drop there instead of reading it again.
  for (const d of drops)
    if (d.mode === 'first_come')
      primeDrop(
        d,
        (stockRes.data as StockDoc[]).filter((s) => s.dropId === d._id),
        readAt,
      );
  const claims = claimRes.data as Pick<ClaimDoc, 'dropId'>[];
  const regs = regRes.data as RegistrationDoc[];
  const draws = drawRes.data as DrawDoc[];
  const shown = drops.filter((d) => d.status !== 'cancelled' || regs.some((r) => r.dropId === d._id));
  const cards = shown.map((d) => {
    const reg = regs.find((r) => r.dropId === d._id);
    const mine = { claims: claims.filter((c) => c.dropId === d._id).length, registered: !!reg, result: reg?.result ?? null };
    return dropCard(
      d,
      stockRes.data as StockDoc[],
      draws.find((x) => x._id === d._id),
      mine,
      member,
      openid,
      now,
    );
  });
  const notice = joinFirst ? guestNotice : verifiedMemberRefusal(member, { doing: '参与福利', join: '完成入会认证后即可参与福利' });
  return ok({ serverTime: now, drops: cards, notice, joinFirst });
});
