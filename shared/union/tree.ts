/**
 * The union tree (市总 → 区县/产业 → 街道 → 基层) and the scope rule every admin action uses:
 * an admin of union X may act on X and everything below it. Each union document carries
 * `ancestors` (root → self), and every record that belongs to a union copies them
 * (`unionAncestors`), so "is it in my subtree?" is one array test and one indexed query.
 */
export const UNION_LEVELS = ['city', 'district', 'industry', 'street', 'grassroots'] as const;
export type UnionLevel = (typeof UNION_LEVELS)[number];

export const UNION_LEVEL_LABELS: Record<UnionLevel, string> = {
  city: '市总工会',
  district: '区县（市）总工会',
  industry: '产业工会',
  street: '乡镇（街道）总工会',
  grassroots: '基层工会',
};

export type UnionKind = 'enterprise' | 'joint';
export const UNION_KIND_LABELS: Record<UnionKind, string> = { enterprise: '企业工会', joint: '联合工会' };

/** Levels a member can belong to: a grassroots union, or a street union for workers of units without one. */
export const MEMBER_UNION_LEVELS: readonly UnionLevel[] = ['grassroots', 'street'];

/** True when a record of the union with these ancestors (root → self) is in one of the admin's subtrees. */
export function isInScope(adminUnionIds: readonly string[], targetAncestors: readonly string[]): boolean {
  return adminUnionIds.some((id) => targetAncestors.includes(id));
}

/**
 * The unions a member follows by default: their own chain from the city union down to their
 * own (the feed shows what these publish). Existing follows are kept; the chain is added.
 */
export function defaultFollows(unionAncestors: readonly string[], existing: readonly string[] = []): string[] {
  const out = [...existing];
  for (const id of unionAncestors) if (!out.includes(id)) out.push(id);
  return out;
}
