/**
 * In-process CloudBase database engine speaking the `@cloudbase/node-sdk` 3.18 /
 * `@cloudbase/database` 1.4.3 protocol: `execute(action, body)` takes the POST body the SDK
 * sends to `/admin` and returns the JSON it expects back. Synchronous (better-sqlite3), so each
 * request runs atomically with respect to the others.
 *
 * Response shapes (what the SDK reads):
 *   getDocument        data.list: EJSON strings          calculateDocument  data.total
 *   insertDocument     data.insertedIds                  modifyDocument     data.updated, data.upsert_id
 *   removeDocument     data.deleted                      modifyAndReturnDoc data.updated, data.doc (EJSON string)
 *   aggregateDocuments data.list                         startTransaction   transactionId (top level!)
 *   legacy *InTransaction (database/src/transaction.ts): data (EJSON doc), updated/deleted (JSON strings)
 * Errors: { code, message, requestId }.
 */
import { randomBytes } from 'node:crypto';
import { Aggregator } from 'mingo';
import { decodeRequest, decodeStored, encodeStored, EjsonError } from './ejson';
import { DbError, ErrorCodes, duplicateWrite, invalid } from './errors';
import {
  type FindOptions,
  type Plan,
  plan,
  applyUpdate,
  asQuery,
  compileQuery,
  compileUpdate,
  exactIds,
  findEntries,
  isDocId,
  project,
  upsertSeed,
} from './query';
import { CountSlots, Stats } from './stats';
import {
  Storage,
  checkCollectionName,
  idKey,
  type Collection,
  type CollectionSpec,
  type Doc,
  type DocId,
  type Entry,
  type WriteOp,
} from './storage';
import { TxnManager, type Txn } from './transactions';

export type { CollectionSpec } from './storage';
type Obj = Record<string, unknown>;

export interface EngineOptions {
  file: string;
  clock?: () => number;
  collections?: CollectionSpec[];
  /** Max parsed documents kept in memory (default 50 000). */
  cacheSize?: number;
  /** Shared per-invocation counters the function host reads (stats.ts). */
  countSlots?: SharedArrayBuffer;
}
export interface ExecuteOptions {
  /** The `seqId` query parameter of the request (`<invocationId>-<suffix>`). */
  seqId?: string;
}
export type OkResponse = { requestId: string; data?: unknown; [extra: string]: unknown };
export type ErrorResponse = { code: string; message: string; requestId: string };
export type EngineResponse = OkResponse | ErrorResponse;

export interface Engine {
  execute(action: string, body: Record<string, unknown>, opts?: ExecuteOptions): EngineResponse;
  readonly stats: Stats;
  ensureCollection(spec: CollectionSpec): boolean;
  collections(): string[];
  close(): void;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** CloudBase returns at most 20 aggregation results when the pipeline has no $limit stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/** CloudBase-like `_id`: 32 hex chars. */
const newId = () => randomBytes(16).toString('hex');

interface Ctx {
  now: number;
  body: Obj;
  coll: () => Collection;
  txn: () => Txn | undefined;
  param: (k: string) => unknown;
}

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? Date.now;
  const storage = new Storage(options.file, options.cacheSize);
  const txns = new TxnManager(storage, clock);
  const stats = new Stats(options.countSlots ? new CountSlots(options.countSlots) : undefined);
  for (const spec of options.collections ?? []) storage.ensureCollection(spec);
  const reqPrefix = randomBytes(4).toString('hex');
  let reqCounter = 0;

  /** Documents visible to the request: committed, overlaid by the transaction's own writes. */
  function view(coll: Collection, q: Obj, t: Txn | undefined): Plan {
    const p = plan(coll, q);
    if (!t) return p;
    const own = txns.overlay(t, coll);
    if (own.length === 0) return p;
    // The transaction's own documents did not go through the plan: check the full condition.
    const mine = new Set(own.map((w) => idKey(coll.name, w.id)));
    const merged: Entry[] = [];
    for (const e of p.source) if (!mine.has(idKey(coll.name, e.id))) merged.push(e);
    for (const w of own) if (w.doc) merged.push({ id: w.id, doc: w.doc, text: encodeStored(w.doc) });
    return { source: merged, residual: q };
  }

  /** Matching entries (sorted/paged) for a query, as seen by the (optional) transaction. */
  function matching(coll: Collection, q: Obj, t: Txn | undefined, opts: FindOptions): Entry[] {
    const p = view(coll, q, t);
    const hits = findEntries(p.source, compileQuery(p.residual), opts);
    if (t) {
      txns.noteReads(
        t,
        coll,
        hits.map((e) => e.id),
      );
      // A lookup by _id that found nothing is a read too: if another transaction creates that
      // document before this one commits, the commit must conflict (snapshot semantics), or two
      // "insert if absent" transactions would both succeed and the second would overwrite.
      const ids = exactIds(q);
      if (ids) txns.noteReads(t, coll, ids);
    }
    return hits;
  }

  function select(ctx: Ctx, multi: boolean): { coll: Collection; q: Obj; t?: Txn; hits: Entry[] } {
    const coll = ctx.coll();
    const q = asQuery(ctx.param('query'));
    const t = ctx.txn();
    const hits = matching(coll, q, t, { limit: multi ? undefined : 1 });
    return { coll, q, t, hits };
  }

  /** Apply writes: buffered in the transaction, or committed at once in one SQLite transaction. */
  function apply(ops: WriteOp[], t: Txn | undefined): void {
    if (!t) return storage.commit(ops, encodeStored);
    for (const op of ops) txns.write(t, op.coll, op.id, op.doc, op.insert);
  }

  function checkId(id: unknown): DocId {
    if (!isDocId(id)) throw invalid('_id must be a string or a number');
    return id;
  }

  function replacement(data: unknown, id: DocId): Doc {
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('data must be an object');
    const rest = { ...(data as Obj) };
    delete rest._id;
    if (Object.keys(rest).some((k) => k.startsWith('$'))) throw invalid('replacement document cannot contain operators');
    return { _id: id, ...rest };
  }

  function modify(ctx: Ctx, data: unknown, multi: boolean, merge: boolean, upsert: boolean) {
    const { coll, q, t, hits } = select(ctx, multi);
    const ops: WriteOp[] = [];
    let updated = 0;
    let upsertId: DocId | undefined;
    const docs: Doc[] = [];
    if (!merge) {
      for (const e of hits) {
        const next = replacement(data, e.id);
        const text = encodeStored(next);
        if (text !== e.text) {
          ops.push({ coll, id: e.id, doc: next, text });
          updated++;
        }
        docs.push(next);
      }
      if (hits.length === 0 && upsert) {
        upsertId = isDocId(q._id) ? q._id : newId();
        const doc = replacement(data, upsertId);
        ops.push({ coll, id: upsertId, doc, insert: true });
        docs.push(doc);
      }
    } else {
      const fn = compileUpdate(data, q);
      for (const e of hits) {
        const copy = decodeStored(e.text);
        if (applyUpdate(fn, copy)) {
          ops.push({ coll, id: e.id, doc: copy });
          updated++;
        }
        docs.push(copy);
      }
      if (hits.length === 0 && upsert) {
        const seed = upsertSeed(q);
        upsertId = seed._id === undefined ? newId() : checkId(seed._id);
        const doc = { ...seed, _id: upsertId };
        applyUpdate(fn, doc);
        ops.push({ coll, id: upsertId, doc, insert: true });
        docs.push(doc);
      }
    }
    if (t) txns.guard(t, () => apply(ops, t));
    else apply(ops, t);
    return { updated, matched: hits.length, upsertId, docs };
  }

  type Reply = { data?: unknown; [extra: string]: unknown };
  const handlers: Record<string, (ctx: Ctx) => Reply> = {
    'database.getDocument'(ctx) {
      const coll = ctx.coll();
      const q = asQuery(ctx.param('query'));
      const t = ctx.txn();
      const order = ctx.param('order') as Obj | undefined;
      const projection = ctx.param('projection') as Obj | undefined;
      const offset = Math.max(0, Number(ctx.body.offset) || 0);
      const rawLimit = Number(ctx.body.limit) || DEFAULT_LIMIT;
      const limit = Math.min(Math.max(1, Math.floor(rawLimit)), MAX_LIMIT);
      const hits = matching(coll, q, t, { order, offset, limit });
      return { data: { list: project(hits, projection), offset, limit } };
    },

    'database.calculateDocument'(ctx) {
      const coll = ctx.coll();
      const q = asQuery(ctx.param('query'));
      if (Object.keys(q).length === 0 && !ctx.body.transactionId) return { data: { total: coll.count() } };
      return { data: { total: matching(coll, q, ctx.txn(), {}).length } };
    },

    'database.insertDocument'(ctx) {
      const coll = ctx.coll();
      const t = ctx.txn();
      const raw = Array.isArray(ctx.body.data) ? ctx.body.data : [ctx.body.data];
      if (raw.length === 0) throw invalid('data must not be empty');
      const ops: WriteOp[] = raw.map((item) => {
        const doc = typeof item === 'string' ? decodeRequest(item, ctx.now) : decodeRequest(JSON.stringify(item), ctx.now);
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw invalid('document must be an object');
        const { _id, ...rest } = doc as Obj;
        const id = _id === undefined ? newId() : checkId(_id);
        return { coll, id, doc: { _id: id, ...rest }, insert: true };
      });
      if (t) {
        txns.guard(t, () => {
          for (const op of ops) if (txns.read(t, coll, op.id)) throw duplicateWrite(`_id ${String(op.id)} in ${coll.name}`);
          apply(ops, t);
        });
      } else apply(ops, undefined);
      return { data: { insertedIds: ops.map((o) => o.id) } };
    },

    'database.modifyDocument'(ctx) {
      const b = ctx.body;
      const r = modify(ctx, ctx.param('data'), b.multi === true, b.merge !== false, b.upsert === true);
      return { data: { updated: r.updated, matched: r.matched, ...(r.upsertId !== undefined ? { upsert_id: r.upsertId } : {}) } };
    },

    'database.modifyAndReturnDoc'(ctx) {
      const r = modify(ctx, ctx.param('data'), false, true, false);
      return { data: { updated: r.updated, doc: r.docs[0] ? encodeStored(r.docs[0]) : null } };
    },

    'database.removeDocument'(ctx) {
      const { coll, t, hits } = select(ctx, ctx.body.multi !== false);
      const ops = hits.map((e) => ({ coll, id: e.id, doc: null }));
      if (t) txns.guard(t, () => apply(ops, t));
      else apply(ops, t);
      return { data: { deleted: hits.length } };
    },

    'database.aggregateDocuments'(ctx) {
      const coll = ctx.coll();
      const stages = ctx.body.stages;
      if (!Array.isArray(stages)) throw invalid('stages must be an array');
      const pipeline = stages.map((s: unknown) => {
        const { stageKey, stageValue } = (s ?? {}) as Obj;
        if (typeof stageKey !== 'string' || !stageKey.startsWith('$') || typeof stageValue !== 'string') {
          throw invalid('invalid aggregation stage');
        }
        if (stageKey === '$out' || stageKey === '$merge') throw invalid(`${stageKey} is not supported`);
        return { [stageKey]: decodeRequest(stageValue, ctx.now) };
      });
      // A leading $match can use the primary key / index prefilter.
      const first = pipeline[0]?.$match as Obj | undefined;
      const source = first ? matching(coll, first, undefined, {}) : [...coll.scan()];
      const input = source.map((e) => decodeStored(e.text)); // mingo may mutate its input
      const resolver = (name: string) => [...storage.get(checkCollectionName(name)).scan()].map((e) => decodeStored(e.text));
      let out: Doc[];
      try {
        out = new Aggregator(first ? pipeline.slice(1) : pipeline, { collectionResolver: resolver }).run(input) as Doc[];
      } catch (e) {
        if (e instanceof DbError) throw e;
        throw invalid(`aggregation failed: ${(e as Error).message}`);
      }
      if (!pipeline.some((s) => '$limit' in s)) out = out.slice(0, AGGREGATE_DEFAULT_LIMIT);
      return { data: { list: out.map(encodeStored) } };
    },

    'database.addCollection'(ctx) {
      const name = checkCollectionName(ctx.body.collectionName);
      if (storage.has(name)) {
        throw new DbError(ErrorCodes.DATABASE_COLLECTION_ALREADY_EXIST, `[ResourceUnavailable.ResourceExist] Table exist: ${name}`);
      }
      storage.ensureCollection({ name });
      return { data: {} };
    },

    'database.startTransaction'() {
      return { transactionId: txns.start().id };
    },

    'database.commitTransaction'(ctx) {
      txns.commit(txns.get(ctx.body.transactionId), encodeStored);
      return {};
    },

    'database.abortTransaction'(ctx) {
      // Idempotent: the SDK rolls back after errors that may already have aborted the transaction.
      txns.abort(ctx.body.transactionId);
      return {};
    },

    // Legacy transaction API (@cloudbase/database src/transaction.ts), kept for old callers.
    'database.getInTransaction'(ctx) {
      const t = txns.get(ctx.body.transactionId);
      const doc = txns.read(t, ctx.coll(), checkId(ctx.body._id));
      return { data: encodeStored(doc ?? null) };
    },
    'database.updateDocInTransaction'(ctx) {
      const t = txns.get(ctx.body.transactionId);
      const id = checkId(ctx.body._id);
      const data = ctx.param('data') as Obj;
      const isOps = !!data && Object.keys(data).some((k) => k.startsWith('$'));
      const sub: Ctx = { ...ctx, txn: () => t, param: (k) => (k === 'query' ? { _id: id } : ctx.param(k)) };
      const r = modify(sub, data, false, isOps, ctx.body.upsert === true);
      return { updated: JSON.stringify(r.updated), upserted: r.upsertId === undefined ? undefined : JSON.stringify([{ _id: r.upsertId }]) };
    },
    'database.deleteDocInTransaction'(ctx) {
      const t = txns.get(ctx.body.transactionId);
      const coll = ctx.coll();
      const id = checkId(ctx.body._id);
      const exists = !!txns.read(t, coll, id);
      if (exists) txns.guard(t, () => txns.write(t, coll, id, null));
      return { deleted: JSON.stringify(exists ? 1 : 0) };
    },
  };

  function execute(action: string, body: Record<string, unknown>, opts: ExecuteOptions = {}): EngineResponse {
    const requestId = `${reqPrefix}-${(++reqCounter).toString(16)}`;
    stats.record(String(action), opts.seqId);
    try {
      const handler = typeof action === 'string' && Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined;
      if (!handler) throw invalid(`unknown action: ${String(action)}`);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('request body must be an object');
      const now = clock();
      const ctx: Ctx = {
        now,
        body,
        coll: () => storage.get(checkCollectionName(body.collectionName)),
        txn: () => (body.transactionId ? txns.get(body.transactionId) : undefined),
        param: (k) => {
          const v = body[k];
          if (v === undefined || v === null || v === '') return undefined;
          return decodeRequest(typeof v === 'string' ? v : JSON.stringify(v), now);
        },
      };
      return Object.assign({ requestId }, handler(ctx));
    } catch (e) {
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
      if (e instanceof EjsonError) return { code: ErrorCodes.INVALID_PARAM, message: e.message, requestId };
      const msg = e instanceof Error ? e.message : String(e);
      return { code: ErrorCodes.DATABASE_REQUEST_FAILED, message: msg, requestId };
    }
  }

  return {
    execute,
    stats,
    ensureCollection: (spec) => storage.ensureCollection(spec),
    collections: () => storage.list(),
    close: () => storage.close(),
  };
}
