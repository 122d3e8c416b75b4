/**
 * Card numbers come from one counter document (`counters/memberCardNo`), advanced inside a
 * transaction, so two approvals can never take the same number; the unique index on
 * members.cardNo is the second line of defence. A number taken by a transaction that then
 * fails is simply skipped: card numbers are unique, not gapless.
 */
import { formatCardNo } from '../../../shared/member/card';
import { C } from '../../_lib/collections';
import type { Database } from '../../_lib/router';
import { inTransaction, txGet, type Tx } from './tx';

const COUNTER_ID = 'memberCardNo';

/** Take `count` numbers inside the caller's transaction; returns the first sequence value. */
export async function takeCardSequence(tx: Tx, count: number, now: Date): Promise<number> {
  const doc = await txGet<{ value: number }>(tx, C.counters, COUNTER_ID);
  const last = doc?.value ?? 0;
  await tx
    .collection(C.counters)
    .doc(COUNTER_ID)
    .set({ value: last + count, updatedAt: now });
  return last + 1;
}

/** Reserve a block of card numbers in a transaction of its own (bulk import). */
export async function reserveCardNumbers(db: Database, count: number, now: Date): Promise<string[]> {
  if (count === 0) return [];
  const first = await inTransaction(db, (tx) => takeCardSequence(tx, count, now));
  return Array.from({ length: count }, (_, i) => formatCardNo(first + i));
}
