/**
 * What the database should hold (cloudfunctions/_lib/collections.ts) against what the CloudBase
 * management API says it holds (flexdb DescribeTable), in the API's own shapes
 * (@cloudbase/manager-node interfaces/flexdb.interface.ts: CreateIndex, IndexInfo). Pure: the
 * deploy, its verification and its tests all use these.
 */
import type { CollectionSpec, IndexSpec } from '../../cloudfunctions/_lib/collections';

/** `UpdateTable.CreateIndexes[]` as the management API takes it. */
export interface CreateIndexBody {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean };
}

/** `DescribeTable.Indexes[]` as the management API answers (only the fields compared here). */
export interface DescribedIndex {
  Name: string;
  Keys?: Array<{ Name?: string; Direction?: string }>;
  Unique?: boolean;
}

/** The index every collection has; never declared, never touched. */
const ID_INDEX = '_id_';

export function createIndexBody(index: IndexSpec): CreateIndexBody {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
      MgoIsUnique: index.unique === true,
    },
  };
}

/** "code(1) 唯一" — how a definition is printed in a diff. */
function describeDef(keys: Array<[string, string]>, unique: boolean): string {
  return `${keys.map(([k, d]) => `${k}:${d}`).join(',')}${unique ? ' 唯一' : ''}`;
}

function specKeys(index: IndexSpec): Array<[string, string]> {
  return Object.entries(index.keys).map(([k, d]) => [k, String(d)]);
}

function describedKeys(index: DescribedIndex): Array<[string, string]> {
  return (index.Keys ?? []).map((k) => [k.Name ?? '', String(k.Direction ?? '')]);
}

export interface IndexConflict {
  name: string;
  expected: string;
  actual: string;
}

export interface CollectionDiff {
  collection: string;
  /** The collection itself does not exist. */
  missingCollection: boolean;
  missing: IndexSpec[];
  /** Same name, other keys, direction or uniqueness: never fixed by the deploy (see docs/operations.md). */
  conflicts: IndexConflict[];
  /** Present in the environment, not in collections.ts: reported, left alone. */
  extra: string[];
}

export function diffCollection(spec: CollectionSpec, described: DescribedIndex[] | null): CollectionDiff {
  const wanted = spec.indexes ?? [];
  if (described === null) return { collection: spec.name, missingCollection: true, missing: wanted, conflicts: [], extra: [] };
  const byName = new Map(described.filter((i) => i.Name !== ID_INDEX).map((i) => [i.Name, i]));
  const missing: IndexSpec[] = [];
  const conflicts: IndexConflict[] = [];
  for (const index of wanted) {
    const have = byName.get(index.name);
    byName.delete(index.name);
    if (!have) {
      missing.push(index);
      continue;
    }
    const expected = describeDef(specKeys(index), index.unique === true);
    const actual = describeDef(describedKeys(have), have.Unique === true);
    if (expected !== actual) conflicts.push({ name: index.name, expected, actual });
  }
  return { collection: spec.name, missingCollection: false, missing, conflicts, extra: [...byName.keys()] };
}

/** A diff holds something the functions cannot run without (extra indexes are only reported). */
export function isMismatch(d: CollectionDiff): boolean {
  return d.missingCollection || d.missing.length > 0 || d.conflicts.length > 0;
}

/** Lines for the operator, one per difference ("" when the collection matches). */
export function formatDiff(d: CollectionDiff): string[] {
  const lines: string[] = [];
  if (d.missingCollection) lines.push(`- 集合 ${d.collection} 不存在`);
  for (const i of d.missing) lines.push(`- ${d.collection}.${i.name} 缺少索引（${describeDef(specKeys(i), i.unique === true)}）`);
  for (const c of d.conflicts) lines.push(`! ${d.collection}.${c.name} 定义不一致：应为 ${c.expected}，实际 ${c.actual}`);
  for (const name of d.extra) lines.push(`+ ${d.collection}.${name} 不在 collections.ts 中（保留，未改动）`);
  return lines;
}
