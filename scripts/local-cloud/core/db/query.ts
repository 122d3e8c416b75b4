/**
 * Mongo semantics via mingo: candidate selection (primary key / declared index / scan), then
 * mingo for the exact match, sort, projection and updates.
 *
 * mingo's top-level `update()` builds a fresh ComputeOptions/Context on every call (~0.2 ms).
 * The update operator functions from `mingo/operators/update` default to a module-level
 * options object built once, so we compile `{ $op: expr }` into those functions per request and
 * only fall back to `update()` for positional paths (`a.$`, `a.$[]`, `a.$[x]`) which need the
 * query condition.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Context, find, Query, update as mingoUpdate } from 'mingo';
import * as EXPRESSION_OPS from 'mingo/operators/expression';
import * as PROJECTION_OPS from 'mingo/operators/projection';
import * as QUERY_OPS from 'mingo/operators/query';
import * as UPDATE_OPS from 'mingo/operators/update';
import { Query as BaseQuery } from 'mingo/query';
import { encodeStored, decodeStored } from './ejson';
import { invalid } from './errors';
import type { Collection, Doc, DocId, Entry } from './storage';

type Obj = Record<string, unknown>;
type UpdateFn = (doc: Doc) => string[];
const OPS = UPDATE_OPS as unknown as Record<string, (expr: Obj) => UpdateFn>;

function isPlainObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

export function isDocId(v: unknown): v is DocId {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

export function asQuery(v: unknown): Obj {
  if (v === undefined || v === null) return {};
  if (!isPlainObject(v)) throw invalid('query must be an object');
  return v;
}

/**
 * Shared query options. `new Query(q)` from 'mingo' copies every operator table into a fresh
 * Context per query (~6 µs); the base Query accepts a prebuilt ComputeOptions, which mingo only
 * exposes from its internal module. If that path ever moves, fall back to the public Query.
 */
const SHARED_OPTIONS: unknown = (() => {
  try {
    const req = createRequire(__filename);
    const internal = req(path.join(path.dirname(req.resolve('mingo/package.json')), 'cjs/core/_internal.js')) as {
      ComputeOptions: { init(o: object): unknown };
    };
    const context = Context.init({ query: QUERY_OPS, projection: PROJECTION_OPS, expression: EXPRESSION_OPS } as never);
    return internal.ComputeOptions.init({ context });
  } catch {
    return undefined;
  }
})();

const MATCH_ALL = () => true;
const queryCache = new Map<string, (doc: Doc) => boolean>();

/** Compiled matcher, cached by the condition's encoding (compiled mingo queries are reusable). */
export function compileQuery(q: Obj): (doc: Doc) => boolean {
  if (Object.keys(q).length === 0) return MATCH_ALL;
  const key = encodeStored(q);
  let fn = queryCache.get(key);
  if (fn) return fn;
  try {
    const mq = SHARED_OPTIONS ? new BaseQuery(q, SHARED_OPTIONS as never) : new Query(q);
    fn = (d) => mq.test(d);
  } catch (e) {
    throw invalid(`invalid query: ${(e as Error).message}`);
  }
  if (queryCache.size >= 1000) queryCache.delete(queryCache.keys().next().value as string);
  queryCache.set(key, fn);
  return fn;
}

/** Equality values usable for a key lookup: `f: v`, `f: {$eq: v}`, `f: {$in: [...]}`. */
function equalityValues(cond: unknown, forId: boolean): Array<string | number> | undefined {
  const ok = (v: unknown): v is string | number | boolean =>
    typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || (!forId && typeof v === 'boolean');
  // SQLite cannot bind booleans; json_extract yields 1/0 for true/false (superset, mingo re-checks).
  const norm = (v: string | number | boolean) => (typeof v === 'boolean' ? Number(v) : v);
  if (ok(cond)) return [norm(cond)];
  if (!isPlainObject(cond)) return undefined;
  const keys = Object.keys(cond);
  if (keys.length !== 1) return undefined;
  if (keys[0] === '$eq' && ok(cond.$eq)) return [norm(cond.$eq)];
  if (keys[0] === '$in' && Array.isArray(cond.$in) && cond.$in.length > 0 && cond.$in.length <= 500 && cond.$in.every(ok)) {
    return (cond.$in as Array<string | number | boolean>).map(norm);
  }
  return undefined;
}

/** The `_id`s a query names exactly (`_id: v`, `{$eq}`, `{$in}`), or undefined. */
export function exactIds(q: Obj): DocId[] | undefined {
  return '_id' in q ? (equalityValues(q._id, true) as DocId[] | undefined) : undefined;
}

export interface Plan {
  /** Candidate documents: a superset of the matches (insertion order for scans). */
  source: Iterable<Entry>;
  /** What remains to be checked on each candidate. */
  residual: Obj;
}

/**
 * `_id` equality/`$in` is a primary-key lookup whose result is exact, so `_id` leaves the
 * residual condition; equality on the first key of a declared (non-multikey) index is an
 * indexed SQL prefilter; anything else scans.
 */
export function plan(coll: Collection, q: Obj): Plan {
  const ids = '_id' in q ? equalityValues(q._id, true) : undefined;
  if (ids) {
    const out: Entry[] = [];
    for (const id of new Set(ids)) {
      const e = coll.getById(id);
      if (e) out.push(e);
    }
    const residual = { ...q };
    delete residual._id;
    return { source: out, residual };
  }
  if (coll.indexes.length) {
    for (const field of Object.keys(q)) {
      if (field.startsWith('$')) continue;
      const ix = coll.usableIndex(field);
      const vals = ix && equalityValues(q[field], false);
      if (ix && vals) return { source: coll.byIndex(ix, [...new Set(vals)]), residual: q };
    }
  }
  return { source: coll.scan(), residual: q };
}

export interface FindOptions {
  order?: Obj;
  offset?: number;
  limit?: number;
  projection?: Obj;
}

/** Matching entries after sort/skip/limit (projection is applied by `project`). */
export function findEntries(source: Iterable<Entry>, match: (d: Doc) => boolean, opts: FindOptions): Entry[] {
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? Infinity;
  const hasOrder = !!opts.order && Object.keys(opts.order).length > 0;
  const out: Entry[] = [];
  if (!hasOrder) {
    // Stream: stop as soon as the page is full.
    let skipped = 0;
    for (const e of source) {
      if (!match(e.doc)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      out.push(e);
      if (out.length >= limit) break;
    }
    return out;
  }
  const matched: Entry[] = [];
  for (const e of source) if (match(e.doc)) matched.push(e);
  const byDoc = new Map<Doc, Entry>();
  for (const e of matched) byDoc.set(e.doc, e);
  let sorted: Doc[];
  try {
    sorted = find(
      matched.map((e) => e.doc),
      {},
    )
      .sort(opts.order as Record<string, 1 | -1>)
      .all() as Doc[];
  } catch (e) {
    throw invalid(`invalid order: ${(e as Error).message}`);
  }
  const end = limit === Infinity ? undefined : offset + limit;
  return sorted.slice(offset, end).map((d) => byDoc.get(d) as Entry);
}

/** Encoded documents for the response, projected when asked (on fresh copies: mingo may mutate). */
export function project(entries: Entry[], projection: Obj | undefined): string[] {
  if (!projection || Object.keys(projection).length === 0) return entries.map((e) => e.text);
  try {
    const copies = entries.map((e) => decodeStored(e.text));
    return (find(copies, {}, projection).all() as Doc[]).map(encodeStored);
  } catch (e) {
    throw invalid(`invalid projection: ${(e as Error).message}`);
  }
}

/**
 * Compile an update document (`{ $set: {...}, $inc: {...} }`) once per request into a function
 * mutating a document copy and returning whether it changed. Documents without operators are
 * treated as `$set` (the SDK always sends operators for merge updates).
 */
export function compileUpdate(data: unknown, condition: Obj): (doc: Doc) => boolean {
  if (!isPlainObject(data)) throw invalid('update data must be an object');
  const keys = Object.keys(data);
  if (keys.length === 0) return () => false;
  const modifier: Obj = keys.some((k) => k.startsWith('$')) ? data : { $set: data };
  const paths: string[] = [];
  for (const [op, expr] of Object.entries(modifier)) {
    if (!OPS[op]) throw invalid(`unknown update operator ${op}`);
    if (!isPlainObject(expr)) throw invalid(`${op} expects an object`);
    for (const p of Object.keys(expr)) {
      if (p === '_id' || p.startsWith('_id.')) throw invalid('不能更新_id的值');
      paths.push(p);
    }
  }
  try {
    if (paths.some((p) => p.includes('$'))) {
      // Positional operators need the query condition: use mingo's full update().
      return (doc) => mingoUpdate(doc, modifier as never, undefined, condition as never).length > 0;
    }
    const fns = Object.entries(modifier).map(([op, expr]) => OPS[op](expr as Obj));
    return (doc) => {
      let changed = false;
      for (const fn of fns) if (fn(doc).length) changed = true;
      return changed;
    };
  } catch (e) {
    throw invalid(`invalid update: ${(e as Error).message}`);
  }
}

/** Wrap runtime errors of mingo update operators (e.g. $inc on a string) as INVALID_PARAM. */
export function applyUpdate(fn: (doc: Doc) => boolean, doc: Doc): boolean {
  try {
    return fn(doc);
  } catch (e) {
    throw invalid(`update failed: ${(e as Error).message}`);
  }
}

/** Seed of an upserted document: the plain equality fields of the query (Mongo semantics). */
export function upsertSeed(q: Obj): Doc {
  const seed: Doc = {};
  for (const [k, v] of Object.entries(q)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (isPlainObject(v)) {
      if (Object.keys(v).length === 1 && '$eq' in v) seed[k] = v.$eq;
      else if (!Object.keys(v).some((x) => x.startsWith('$'))) seed[k] = v;
    } else seed[k] = v;
  }
  return seed;
}
