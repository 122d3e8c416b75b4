/**
 * benefit.search: this week's drops the caller may see (the set benefit.list shows: own union
 * chain, or the top-level unions' drops for someone not yet a member) whose title, union or
 * redemption venue contains the keyword. The keyword is matched as literal text (escaped), case
 * aside. At most SEARCH_DROPS_MAX hits: a week has a few dozen drops, so one page is enough.
 * Reads: the caller, (the top-level unions,) the drops, their stock shards for 剩余 N 份.
 * Withdrawn drops are never found (the 福利 tab still shows registrants a withdrawn draw).
 */
import { ok } from '../../../shared/envelope';
import { escapeRegExp } from '../../../shared/text';
import type { DropHit, SearchRequest, SearchResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, publicAction } from '../../_lib/router';
import { ms, type DropDoc, type StockDoc } from '../lib/docs';
import { dropScope, LISTED_AFTER_CLOSE_MS } from '../lib/scope';

export const SEARCH_DROPS_MAX = 20;

function hit(d: DropDoc, shards: StockDoc[]): DropHit {
  const mine = shards.filter((s) => s.dropId === d._id);
  const left = d.mode === 'first_come' && mine.length ? mine.reduce((sum, s) => sum + s.left, 0) : null;
  return {
    id: d._id,
    title: d.title,
    kind: d.kind,
    mode: d.mode,
    unionName: d.unionName,
    opensAt: ms(d.opensAt) as number,
    closesAt: ms(d.closesAt) as number,
    left,
    venue: d.venue ?? null,
  };
}

export const search = publicAction<SearchRequest, SearchResult>('benefit.search', async (input, ctx) => {
  const keyword = input.keyword.trim();
  // Spaces only would become an empty pattern, which the SDK refuses (a throw, not an answer).
  if (!keyword) throw new AppFailure('INVALID_ARGUMENT', '请填写搜索关键词');
  const _ = ctx.db.command;
  const now = ctx.now().getTime();
  const { unions } = await dropScope(ctx);
  if (unions.length === 0) return ok({ serverTime: now, drops: [] });
  const pattern = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
  const res = await ctx.db
    .collection(C.drops)
    .where(
      _.and([
        { unionId: _.in(unions), closesAt: _.gt(new Date(now - LISTED_AFTER_CLOSE_MS)), status: _.neq('cancelled') },
        _.or([{ title: pattern }, { unionName: pattern }, { 'venue.name': pattern }, { 'venue.address': pattern }]),
      ]),
    )
    .orderBy('opensAt', 'asc')
    .limit(SEARCH_DROPS_MAX)
    .get();
  const drops = res.data as DropDoc[];
  if (drops.length === 0) return ok({ serverTime: now, drops: [] });
  const firstCome = drops.filter((d) => d.mode === 'first_come').map((d) => d._id);
  const stock = firstCome.length
    ? ((
        await ctx.db
          .collection(C.dropStock)
          .where({ dropId: _.in(firstCome) })
          .limit(1000)
          .get()
      ).data as StockDoc[])
    : [];
  return ok({ serverTime: now, drops: drops.map((d) => hit(d, stock)) });
});
