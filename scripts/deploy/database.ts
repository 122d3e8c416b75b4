/**
 * Collections and indexes through the CloudBase management API (@cloudbase/manager-node's
 * DatabaseService: flexdb ListTables / CreateTable / DescribeTable / UpdateTable). Idempotent:
 * what exists is read first and only what is missing is created, so a second run writes nothing.
 * A conflicting definition (same name, other keys or uniqueness) is never "fixed" by dropping
 * the index: dropping a unique index under live traffic would open the window the index closes.
 */
import type { CollectionSpec } from '../../cloudfunctions/_lib/collections';
import { createIndexBody, diffCollection, type CollectionDiff, type DescribedIndex, type CreateIndexBody } from './indexes';

/** The part of manager-node's DatabaseService the deploy uses (tests pass the real one). */
export interface DatabaseApi {
  listCollections(options?: {
    MgoLimit?: number;
    MgoOffset?: number;
  }): Promise<{ Collections: Array<{ CollectionName: string }>; Pager: { Total: number } }>;
  createCollection(name: string): Promise<unknown>;
  describeCollection(name: string): Promise<{ Indexes?: DescribedIndex[] }>;
  updateCollection(name: string, change: { CreateIndexes?: CreateIndexBody[] }): Promise<unknown>;
}

const PAGE = 100;

export async function existingCollections(db: DatabaseApi): Promise<Set<string>> {
  const names = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const res = await db.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
    for (const c of res.Collections) names.add(c.CollectionName);
    if (res.Collections.length < PAGE || offset + PAGE >= res.Pager.Total) return names;
  }
}

/** What is there now, collection by collection, compared with the specs. */
export async function diffDatabase(db: DatabaseApi, specs: CollectionSpec[]): Promise<CollectionDiff[]> {
  const existing = await existingCollections(db);
  const out: CollectionDiff[] = [];
  for (const spec of specs) {
    const described = existing.has(spec.name) ? ((await db.describeCollection(spec.name)).Indexes ?? []) : null;
    out.push(diffCollection(spec, described));
  }
  return out;
}

export interface EnsureReport {
  createdCollections: string[];
  /** "collection.index" */
  createdIndexes: string[];
  /** Conflicts found on the way (left as they are; the verification fails on them). */
  diffs: CollectionDiff[];
}

/** Creates every missing collection and index; touches nothing that exists. */
export async function ensureDatabase(db: DatabaseApi, specs: CollectionSpec[], log: (line: string) => void): Promise<EnsureReport> {
  const report: EnsureReport = { createdCollections: [], createdIndexes: [], diffs: [] };
  const diffs = await diffDatabase(db, specs);
  for (const d of diffs) {
    if (d.missingCollection) {
      await db.createCollection(d.collection);
      report.createdCollections.push(d.collection);
      log(`  创建集合 ${d.collection}`);
    }
    if (d.missing.length > 0) {
      // One request per collection: the API takes several indexes at once.
      await db.updateCollection(d.collection, { CreateIndexes: d.missing.map(createIndexBody) });
      for (const i of d.missing) {
        report.createdIndexes.push(`${d.collection}.${i.name}`);
        log(`  创建索引 ${d.collection}.${i.name}${i.unique ? '（唯一）' : ''}`);
      }
    }
    report.diffs.push(d);
  }
  return report;
}
