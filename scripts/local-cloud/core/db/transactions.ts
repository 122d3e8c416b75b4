/**
 * Optimistic transactions, modelled on CloudBase (MongoDB snapshot transactions):
 *  - reads see committed data (plus the transaction's own writes) and record the version seen;
 *  - writes are buffered in an overlay; writing a document that another open transaction has
 *    already written fails at once with DATABASE_TRANSACTION_CONFLICT (MongoDB WriteConflict);
 *  - commit fails with DATABASE_TRANSACTION_CONFLICT if any document read or written changed
 *    since, otherwise every write is applied in ONE SQLite transaction;
 *  - like MongoDB, an error inside a transaction (conflict, duplicate key) aborts it: its locks
 *    are released immediately, which matters because the SDK's runTransaction retries on
 *    conflict without rolling back the failed attempt;
 *  - transactions older than 30 s expire (aborted lazily on the next engine call).
 */
import { randomBytes } from 'node:crypto';
import { DbError, ErrorCodes, txConflict } from './errors';
import { idKey, type Collection, type Doc, type DocId, type Storage, type WriteOp } from './storage';

export const TXN_LIFETIME_MS = 30_000;

interface Write {
  coll: Collection;
  id: DocId;
  doc: Doc | null;
  /** Created by `add` inside the transaction: must not exist at commit. */
  insert: boolean;
}

export class Txn {
  /** key → version observed when first read or written. */
  readonly base = new Map<string, number>();
  readonly writes = new Map<string, Write>();
  constructor(
    readonly id: string,
    readonly startedAt: number,
  ) {}
}

export class TxnManager {
  private readonly open = new Map<string, Txn>();
  /** key → id of the open transaction holding the write. */
  private readonly locks = new Map<string, string>();
  private lastSweep = 0;

  constructor(
    private readonly storage: Storage,
    private readonly clock: () => number,
  ) {}

  get size(): number {
    return this.open.size;
  }

  start(): Txn {
    this.sweep();
    const t = new Txn(randomBytes(16).toString('hex'), this.clock());
    this.open.set(t.id, t);
    return t;
  }

  /** Expire transactions older than TXN_LIFETIME_MS (cheap: at most once a second). */
  sweep(): void {
    const now = this.clock();
    if (now - this.lastSweep < 1000 && now >= this.lastSweep) return;
    this.lastSweep = now;
    for (const t of this.open.values()) if (now - t.startedAt > TXN_LIFETIME_MS) this.end(t);
  }

  get(id: unknown): Txn {
    this.sweep();
    const t = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!t) {
      throw new DbError(ErrorCodes.DATABASE_TRANSACTION_FAIL, `transaction ${String(id)} does not exist, was aborted or expired`);
    }
    return t;
  }

  end(t: Txn): void {
    for (const key of t.writes.keys()) if (this.locks.get(key) === t.id) this.locks.delete(key);
    this.open.delete(t.id);
  }

  abort(id: unknown): void {
    const t = typeof id === 'string' ? this.open.get(id) : undefined;
    if (t) this.end(t);
  }

  /** Run `fn` for transaction `t`; any DbError aborts the transaction (MongoDB semantics). */
  guard<T>(t: Txn, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DbError && e.code !== ErrorCodes.INVALID_PARAM) this.end(t);
      throw e;
    }
  }

  private track(t: Txn, key: string): void {
    if (!t.base.has(key)) t.base.set(key, this.storage.version(key));
  }

  /** Current view of a document for `t`: its own write, else committed (tracked as a read). */
  read(t: Txn, coll: Collection, id: DocId): Doc | undefined {
    const key = idKey(coll.name, id);
    const w = t.writes.get(key);
    if (w) return w.doc ?? undefined;
    this.track(t, key);
    return coll.getById(id)?.doc;
  }

  /** Record that `t` saw these committed documents (where-queries inside a transaction). */
  noteReads(t: Txn, coll: Collection, ids: DocId[]): void {
    for (const id of ids) this.track(t, idKey(coll.name, id));
  }

  overlay(t: Txn, coll: Collection): Write[] {
    return [...t.writes.values()].filter((w) => w.coll === coll);
  }

  /** Buffer a write; conflict at once if another open transaction already wrote the doc. */
  write(t: Txn, coll: Collection, id: DocId, doc: Doc | null, insert = false): void {
    const key = idKey(coll.name, id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== t.id) {
      throw txConflict(`document ${String(id)} in ${coll.name} is being written by another transaction`);
    }
    this.track(t, key);
    const prev = t.writes.get(key);
    this.locks.set(key, t.id);
    t.writes.set(key, { coll, id, doc, insert: prev ? prev.insert : insert });
  }

  commit(t: Txn, encode: (d: Doc) => string): void {
    this.guard(t, () => {
      for (const [key, ver] of t.base) {
        if (this.storage.version(key) !== ver) throw txConflict('a document read or written by this transaction was modified');
      }
      const ops: WriteOp[] = [];
      for (const w of t.writes.values()) {
        // A doc inserted then deleted inside the transaction never reaches storage.
        if (w.insert && w.doc === null) continue;
        ops.push({ coll: w.coll, id: w.id, doc: w.doc, insert: w.insert });
      }
      this.storage.commit(ops, encode);
    });
    this.end(t);
  }
}
