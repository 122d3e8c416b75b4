/**
 * Every collection and index, in one module. The local cloud creates them at start; the deploy
 * step prints them for the CloudBase console (or creates them, see scripts/deploy.ts).
 * Unique indexes here are enforced by the local cloud exactly as CloudBase enforces them
 * (DATABASE_DUPLICATE_WRITE), so idempotency that relies on them is tested locally.
 */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}
export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
}

export const C = {
  /** One document per WeChat user, `_id` = OPENID: profile, roles, membership status. */
  users: 'users',
  /** The union tree (市总 → 区县 → 街道 → 基层). */
  unions: 'unions',
  /** Short notices shown on the home page. */
  notices: 'notices',
  /** Bookkeeping of the local cloud / deploy init (seed version…). */
  meta: 'system_meta',
} as const;

export type CollectionName = (typeof C)[keyof typeof C];

export const COLLECTION_SPECS: CollectionSpec[] = [
  { name: C.users, indexes: [{ name: 'union', keys: { unionId: 1 } }] },
  {
    name: C.unions,
    indexes: [
      { name: 'parent', keys: { parentId: 1 } },
      { name: 'code_unique', keys: { code: 1 }, unique: true },
    ],
  },
  { name: C.notices, indexes: [{ name: 'published', keys: { publishedAt: -1 } }] },
  { name: C.meta },
];
