/**
 * The union tree for pickers (public: the join form is shown before sign-in). Flat, with
 * parentId/level/ancestors, so the page can build a district → street cascade or a searchable
 * list of grassroots unions. At most LIST_UNIONS_MAX unions per answer, in `_id` order, with
 * `truncated` when more matched: a city has tens of thousands (宁波: 2.75万), and an unfiltered
 * answer would be megabytes. `within` keeps the unions at or below one union (admin pickers).
 */
import { ok } from '../../../shared/envelope';
import { escapeRegExp } from '../../../shared/text';
import { LIST_UNIONS_MAX, type ListUnionsRequest, type ListUnionsResult, type UnionItem } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, forConsole, publicAction } from '../../_lib/router';
import type { UnionDoc } from '../lib/docs';

// 工会工作台's union pickers use it too (forConsole): the tree is public.
export const listUnions = forConsole(
  publicAction<ListUnionsRequest, ListUnionsResult>('member.listUnions', async (input, ctx) => {
    const where: Record<string, unknown> = {};
    if (input.level) where.level = input.level;
    if (input.parentId) where.parentId = input.parentId;
    if (input.within) where.ancestors = input.within;
    if (input.keyword !== undefined) {
      // A keyword of spaces only would become an empty pattern, which the SDK refuses (a throw, not an answer).
      const keyword = input.keyword.trim();
      if (!keyword) throw new AppFailure('INVALID_ARGUMENT', '请填写搜索关键词');
      where.name = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
    }
    const res = await ctx.db
      .collection(C.unions)
      .where(where)
      .orderBy('_id', 'asc')
      .limit(LIST_UNIONS_MAX + 1)
      .get();
    const unions = res.data as UnionDoc[];
    const items: UnionItem[] = unions.slice(0, LIST_UNIONS_MAX).map((u) => ({
      id: u._id,
      name: u.name,
      level: u.level,
      kind: u.kind ?? null,
      parentId: u.parentId ?? null,
      ancestors: u.ancestors ?? [],
      address: u.address ?? '',
    }));
    return ok({ unions: items, truncated: unions.length > LIST_UNIONS_MAX });
  }),
);
