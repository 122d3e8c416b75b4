/**
 * SQLite storage: one table per collection `c_<name>(_id PRIMARY KEY, body TEXT)`.
 *
 * - `_id` has no declared type (no affinity) so the string '5' and the number 5 are distinct
 *   keys, as in CloudBase/MongoDB.
 * - body is relaxed EJSON (see ejson.ts); declared indexes are SQLite expression indexes on
 *   json_extract(body, path).
 * - WAL + synchronous=NORMAL: a commit is in the WAL (OS page cache) before we answer, so a
 *   SIGKILLed process loses nothing acknowledged (only an OS crash/power loss could).
 * - This process is the only writer, so a write-through cache of parsed documents is always
 *   coherent with the file. Cached `doc` objects are shared: callers must never mutate them
 *   (writers start from `decodeStored(entry.text)`).
 * - Document versions (for optimistic transactions) live only in memory: transactions do not
 *   survive a restart, so "version = counter value of the last write in this process, 0 if never
 *   written since start" is enough to detect every change a transaction could have missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeStored } from './ejson';
import { collectionMissing, duplicateWrite, invalid } from './errors';

export type DocId = string | number;
export type Doc = Record<string, unknown>;
export interface Entry {
  id: DocId;
  doc: Doc;
  text: string;
}
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}
export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
}
interface IndexState extends IndexSpec {
  /** json_extract expression of the first key, used to prefilter equality queries. */
  firstExpr: string;
  firstPath: string[];
  /**
   * True once some document holds an array on (a prefix of) the first key's path. Mongo equality
   * then also matches array elements, which json_extract equality would miss, so the index is
   * no longer used for prefiltering. Persisted so that opening needs no scan.
   */
  multikey: boolean;
}
/** One document write; `doc: null` deletes. `insert` fails on an existing _id. */
export interface WriteOp {
  coll: Collection;
  id: DocId;
  doc: Doc | null;
  text?: string;
  insert?: boolean;
}

const NAME_RE = /^[A-Za-z0-9_-]{1,100}$/;
const FIELD_RE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export function idKey(coll: string, id: DocId): string {
  return `${coll}\u0000${typeof id === 'string' ? 's' : 'n'}${id}`;
}

export function checkCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !NAME_RE.test(name)) {
    throw invalid(`invalid collection name: ${String(name)}`);
  }
  return name;
}

function jsonPathExpr(field: string): string {
  const p = field
    .split('.')
    .map((s) => `."${s}"`)
    .join('');
  return `json_extract(body, '$${p}')`;
}

export class Collection {
  readonly table: string;
  indexes: IndexState[] = [];
  readonly stmt: {
    get: Database.Statement;
    scan: Database.Statement;
    count: Database.Statement;
    insert: Database.Statement;
    upsert: Database.Statement;
    del: Database.Statement;
  };

  constructor(
    readonly storage: Storage,
    readonly name: string,
  ) {
    this.table = `"c_${name}"`;
    const db = storage.db;
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (_id PRIMARY KEY NOT NULL, body TEXT NOT NULL)`);
    this.stmt = {
      get: db.prepare(`SELECT body FROM ${this.table} WHERE _id = ?`).pluck(),
      scan: db.prepare(`SELECT _id, body FROM ${this.table} ORDER BY rowid`).raw(),
      count: db.prepare(`SELECT count(*) FROM ${this.table}`).pluck(),
      insert: db.prepare(`INSERT INTO ${this.table} (_id, body) VALUES (?, ?)`),
      upsert: db.prepare(`INSERT INTO ${this.table} (_id, body) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET body = excluded.body`),
      del: db.prepare(`DELETE FROM ${this.table} WHERE _id = ?`),
    };
  }

  private entry(id: DocId, text: string): Entry {
    const key = idKey(this.name, id);
    const cached = this.storage.cacheGet(key);
    if (cached) return cached;
    const e = { id, doc: decodeStored(text), text };
    this.storage.cachePut(key, e, false);
    return e;
  }

  getById(id: DocId): Entry | undefined {
    const cached = this.storage.cacheGet(idKey(this.name, id));
    if (cached) return cached;
    const text = this.stmt.get.get(id) as string | undefined;
    return text === undefined ? undefined : this.entry(id, text);
  }

  /** All documents in insertion (rowid) order, lazily. */
  *scan(): Generator<Entry> {
    for (const row of this.stmt.scan.iterate() as Iterable<[DocId, string]>) {
      yield this.entry(row[0], row[1]);
    }
  }

  count(): number {
    return this.stmt.count.get() as number;
  }

  /** Equality prefilter on an index's first key (superset of the Mongo matches). */
  usableIndex(field: string): IndexState | undefined {
    return this.indexes.find((ix) => !ix.multikey && Object.keys(ix.keys)[0] === field);
  }

  byIndex(ix: IndexState, values: Array<string | number>): Entry[] {
    const marks = values.map(() => '?').join(',');
    const sql = `SELECT _id, body FROM ${this.table} WHERE ${ix.firstExpr} IN (${marks}) ORDER BY rowid`;
    const stmt = this.storage.prepareCached(sql);
    return (stmt.raw().all(...values) as Array<[DocId, string]>).map((r) => this.entry(r[0], r[1]));
  }

  /** Flag indexes whose first path crosses an array in `doc` (see IndexState.multikey). */
  noteArrays(doc: Doc): boolean {
    let changed = false;
    for (const ix of this.indexes) {
      if (ix.multikey) continue;
      let cur: unknown = doc;
      for (const seg of ix.firstPath) {
        if (cur === null || typeof cur !== 'object') break;
        cur = (cur as Doc)[seg];
        if (Array.isArray(cur)) {
          ix.multikey = true;
          changed = true;
          break;
        }
      }
    }
    return changed;
  }
}

export class Storage {
  readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  private readonly cache = new Map<string, Entry>();
  private readonly versions = new Map<string, number>();
  private versionCounter = 0;
  private readonly stmtCache = new Map<string, Database.Statement>();
  private readonly saveMeta: Database.Statement;
  /** Built once: better-sqlite3 prepares BEGIN/COMMIT/ROLLBACK each time transaction() is called. */
  private readonly inTransaction: (fn: () => void) => void;

  constructor(
    file: string,
    private readonly cacheSize = 50_000,
  ) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, meta TEXT NOT NULL)`);
    this.saveMeta = this.db.prepare(
      `INSERT INTO _collections (name, meta) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET meta = excluded.meta`,
    );
    this.inTransaction = this.db.transaction((fn: () => void) => fn());
    const rows = this.db.prepare(`SELECT name, meta FROM _collections`).all() as Array<{ name: string; meta: string }>;
    for (const row of rows) {
      const c = new Collection(this, row.name);
      c.indexes = (JSON.parse(row.meta) as { indexes: IndexState[] }).indexes;
      this.collections.set(row.name, c);
    }
  }

  prepareCached(sql: string): Database.Statement {
    let s = this.stmtCache.get(sql);
    if (!s) {
      if (this.stmtCache.size > 500) this.stmtCache.clear();
      s = this.db.prepare(sql);
      this.stmtCache.set(sql, s);
    }
    return s;
  }

  cacheGet(key: string): Entry | undefined {
    return this.cache.get(key);
  }

  /** FIFO-bounded; `force` (writes) always caches, reads only while there is room. */
  cachePut(key: string, e: Entry, force: boolean): void {
    if (this.cache.size >= this.cacheSize) {
      if (!force) return;
      const first = this.cache.keys().next().value;
      if (first !== undefined) this.cache.delete(first);
    }
    this.cache.set(key, e);
  }

  version(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  get(name: string): Collection {
    const c = this.collections.get(name);
    if (!c) throw collectionMissing(name);
    return c;
  }

  list(): string[] {
    return [...this.collections.keys()];
  }

  private persist(c: Collection): void {
    const indexes = c.indexes.map(({ name, keys, unique, firstExpr, firstPath, multikey }) => ({
      name,
      keys,
      unique: !!unique,
      firstExpr,
      firstPath,
      multikey,
    }));
    this.saveMeta.run(c.name, JSON.stringify({ indexes }));
  }

  /** Create a collection (and declared indexes); idempotent. Returns false if it existed. */
  ensureCollection(spec: CollectionSpec): boolean {
    const name = checkCollectionName(spec.name);
    let created = false;
    this.inTransaction(() => {
      let c = this.collections.get(name);
      if (!c) {
        c = new Collection(this, name);
        created = true;
      }
      for (const ix of spec.indexes ?? []) this.ensureIndex(c, ix);
      this.persist(c);
      this.collections.set(name, c);
    });
    return created;
  }

  private ensureIndex(c: Collection, spec: IndexSpec): void {
    if (!NAME_RE.test(spec.name)) throw invalid(`invalid index name: ${spec.name}`);
    const fields = Object.keys(spec.keys);
    if (fields.length === 0 || !fields.every((f) => FIELD_RE.test(f) && f !== '_id')) {
      throw invalid(`invalid index keys for ${spec.name}`);
    }
    const existing = c.indexes.find((i) => i.name === spec.name);
    const same = existing && JSON.stringify(existing.keys) === JSON.stringify(spec.keys) && !!existing.unique === !!spec.unique;
    if (same) return;
    const sqlName = `"ix_${c.name}_${spec.name}"`;
    if (existing) {
      this.db.exec(`DROP INDEX IF EXISTS ${sqlName}`);
      c.indexes = c.indexes.filter((i) => i !== existing);
    }
    const cols = fields.map((f) => `${jsonPathExpr(f)} ${spec.keys[f] === -1 ? 'DESC' : 'ASC'}`).join(', ');
    // SQLite treats NULLs as distinct in UNIQUE indexes, so documents *lacking* a unique field may
    // repeat (MongoDB would reject a second missing value; use a partial/sparse index there).
    try {
      this.db.exec(`CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${sqlName} ON ${c.table} (${cols})`);
    } catch (e) {
      throw duplicateWrite(`cannot build unique index ${spec.name}: ${(e as Error).message}`);
    }
    const firstPath = fields[0].split('.');
    const probes = firstPath.map(
      (_, i) =>
        `json_type(body, '$${firstPath
          .slice(0, i + 1)
          .map((s) => `."${s}"`)
          .join('')}') = 'array'`,
    );
    const multikey = !!this.db
      .prepare(`SELECT 1 FROM ${c.table} WHERE ${probes.join(' OR ')} LIMIT 1`)
      .pluck()
      .get();
    c.indexes.push({ ...spec, unique: !!spec.unique, firstExpr: jsonPathExpr(fields[0]), firstPath, multikey });
  }

  /**
   * Apply writes atomically in ONE SQLite transaction; caches and versions change only after
   * it committed. Unique/primary-key violations roll everything back → DATABASE_DUPLICATE_WRITE.
   */
  commit(ops: WriteOp[], encode: (d: Doc) => string): void {
    if (ops.length === 0) return;
    const texts = ops.map((op) => (op.doc === null ? '' : (op.text ?? encode(op.doc))));
    const metaDirty = new Set<Collection>();
    try {
      this.inTransaction(() => {
        ops.forEach((op, i) => {
          const s = op.coll.stmt;
          if (op.doc === null) s.del.run(op.id);
          else {
            (op.insert ? s.insert : s.upsert).run(op.id, texts[i]);
            if (op.coll.indexes.length && op.coll.noteArrays(op.doc)) metaDirty.add(op.coll);
          }
        });
        for (const c of metaDirty) this.persist(c);
      });
    } catch (e) {
      // multikey flags are only an optimisation hint: re-reading them from the rolled-back
      // meta would be exact, but leaving them set is merely conservative.
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) throw duplicateWrite((e as Error).message);
      throw e;
    }
    ops.forEach((op, i) => {
      const key = idKey(op.coll.name, op.id);
      this.versions.set(key, ++this.versionCounter);
      if (op.doc === null) this.cache.delete(key);
      else {
        this.cache.delete(key); // re-insert at the FIFO tail
        this.cachePut(key, { id: op.id, doc: op.doc, text: texts[i] }, true);
      }
    });
  }

  close(): void {
    this.db.close();
  }
}
