/**
 * Every document of every collection, to prove that a refused call wrote nothing: take one
 * snapshot before, one after, and compare (`changedCollections`).
 */
import { COLLECTION_SPECS } from '../../cloudfunctions/_lib/collections';
import type { TestCloud } from './cloud';

export type Snapshot = Map<string, string>;

const PAGE = 1000;

async function allDocs(t: TestCloud, name: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await t.db.collection(name).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
    out.push(...(res.data as unknown[]));
    if (res.data.length < PAGE) return out;
  }
}

export async function snapshot(t: TestCloud): Promise<Snapshot> {
  const names = COLLECTION_SPECS.map((c) => c.name);
  const docs = await Promise.all(names.map((n) => allDocs(t, n)));
  return new Map(names.map((n, i) => [n, JSON.stringify(docs[i])]));
}

/** Names of the collections whose documents differ between two snapshots. */
export function changedCollections(before: Snapshot, after: Snapshot): string[] {
  return [...before.keys()].filter((name) => before.get(name) !== after.get(name));
}
