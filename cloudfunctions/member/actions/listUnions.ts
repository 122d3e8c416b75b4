/**
 * The union tree for pickers (public: the join form is shown before sign-in). Flat, with
 * parentId/level/ancestors, so the page can build a district → street cascade or a searchable
 * list of grassroots unions.
 */
import { ok } from '../../../shared/envelope';
import type { ListUnionsRequest, ListUnionsResult, UnionItem } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { publicAction } from '../../_lib/router';
import type { UnionDoc } from '../lib/docs';

const PAGE = 1000; // the platform's per-query maximum

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const listUnions = publicAction<ListUnionsRequest, ListUnionsResult>('member.listUnions', async (input, ctx) => {
  const where: Record<string, unknown> = {};
  if (input.level) where.level = input.level;
  if (input.parentId) where.parentId = input.parentId;
  if (input.keyword) where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword.trim()), options: 'i' });
  const unions: UnionDoc[] = [];
  // A city tree can exceed one page: read on until a short page (bounded, the tree is finite).
  for (let offset = 0; offset < 20 * PAGE; offset += PAGE) {
    const res = await ctx.db.collection(C.unions).where(where).orderBy('_id', 'asc').skip(offset).limit(PAGE).get();
    unions.push(...(res.data as UnionDoc[]));
    if (res.data.length < PAGE) break;
  }
  const items: UnionItem[] = unions.map((u) => ({
    id: u._id,
    name: u.name,
    level: u.level,
    kind: u.kind ?? null,
    parentId: u.parentId ?? null,
    ancestors: u.ancestors ?? [],
    address: u.address ?? '',
  }));
  return ok({ unions: items });
});
