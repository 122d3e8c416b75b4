/**
 * Small helpers over CloudBase transactions. CloudBase allows only single-document operations
 * inside a transaction (doc().get/set/update/remove, add): every write below names one `_id`.
 */
import type { Database } from '../../_lib/router';
export { isDuplicate } from '../../_lib/dbErrors';

type Db = Database;
/** The transaction handle: the SDK types `runTransaction` loosely, so name what we use. */
export interface Tx {
  collection(name: string): ReturnType<Db['collection']>;
}

/** Inside a transaction `doc().get()` answers `{data: doc | null}` (not a list). */
export async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  const res = (await tx.collection(collection).doc(id).get()) as unknown as { data: T | T[] | null };
  const data = res.data;
  if (Array.isArray(data)) return (data[0] as T | undefined) ?? null;
  return data ?? null;
}

export function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT';
}

/**
 * runTransaction retries a conflict three times back to back; under a burst (many approvals
 * taking card numbers at once) that is not enough, so retry a few more rounds with jitter.
 * The callback must be safe to re-run: it re-reads everything it decides on.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, rounds = 5): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      // Called as a method: runTransaction uses `this` (the database) to open the transaction.
      return (await db.runTransaction(fn as unknown as Parameters<Db['runTransaction']>[0], 3)) as T;
    } catch (err) {
      if (!isConflict(err) || round >= rounds) throw err;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * round));
    }
  }
}
