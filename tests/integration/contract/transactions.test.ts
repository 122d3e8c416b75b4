/**
 * Transactions through the real SDK (db.runTransaction / db.startTransaction).
 */
import { rejection, startTestDb, type TestDb } from './helpers';

let t: TestDb;
let now = Date.now();
beforeAll(async () => {
  t = await startTestDb({
    clock: () => now,
    collections: [{ name: 'tx_users', indexes: [{ name: 'u_phone', keys: { phone: 1 }, unique: true }] }],
  });
});
afterAll(async () => {
  await t.close();
});

async function accounts() {
  const name = await t.newCollection('acct');
  await t.db.collection(name).add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
  return name;
}
const balance = async (name: string, id: string) => (await t.db.collection(name).doc(id).get()).data[0]?.balance;

test('runTransaction commits all writes and resolves with the callback value', async () => {
  const name = await accounts();
  const _ = t.db.command;
  const result = await t.db.runTransaction(async (tx: any) => {
    const a = (await tx.collection(name).doc('a').get()).data;
    await tx
      .collection(name)
      .doc('a')
      .update({ balance: _.inc(-30) });
    await tx
      .collection(name)
      .doc('b')
      .update({ balance: _.inc(30) });
    const added = await tx.collection(name).add({ _id: 'log1', amount: 30 });
    await tx.collection(name).doc('c').set({ balance: 1 });
    return { before: a.balance, addedId: added.id };
  });
  expect(result).toEqual({ before: 100, addedId: 'log1' });
  expect(await balance(name, 'a')).toBe(70);
  expect(await balance(name, 'b')).toBe(30);
  expect(await balance(name, 'c')).toBe(1);
  expect((await t.db.collection(name).doc('log1').get()).data).toHaveLength(1);
});

test('writes are invisible outside the transaction until commit; reads inside see them', async () => {
  const name = await accounts();
  const tx = await t.db.startTransaction();
  await tx.collection(name).doc('a').update({ balance: 1 });
  await tx.collection(name).doc('b').remove();
  expect((await tx.collection(name).doc('a').get()).data.balance).toBe(1);
  expect((await tx.collection(name).doc('b').get()).data).toBeNull();
  expect(await balance(name, 'a')).toBe(100);
  expect(await balance(name, 'b')).toBe(0);
  await tx.commit();
  expect(await balance(name, 'a')).toBe(1);
  expect((await t.db.collection(name).doc('b').get()).data).toEqual([]);
});

test('throwing inside runTransaction rolls back and rejects with the thrown error', async () => {
  const name = await accounts();
  const _ = t.db.command;
  const err = await rejection(
    t.db.runTransaction(async (tx: any) => {
      await tx
        .collection(name)
        .doc('a')
        .update({ balance: _.inc(-50) });
      await tx.collection(name).add({ _id: 'ghost' });
      throw new Error('insufficient funds');
    }),
  );
  expect(err.message).toBe('insufficient funds');
  expect(await balance(name, 'a')).toBe(100);
  expect((await t.db.collection(name).doc('ghost').get()).data).toEqual([]);
});

test('transaction.rollback(reason) rolls back and runTransaction rejects with the reason', async () => {
  const name = await accounts();
  const err = await rejection(
    t.db.runTransaction(async (tx: any) => {
      await tx.collection(name).doc('b').update({ balance: 999 });
      await tx.rollback({ code: 'CUSTOM', message: 'nope' });
    }),
  );
  expect(err).toEqual({ code: 'CUSTOM', message: 'nope' });
  expect(await balance(name, 'b')).toBe(0);
});

test('startTransaction + rollback() discards the writes', async () => {
  const name = await accounts();
  const tx = await t.db.startTransaction();
  await tx.collection(name).doc('a').set({ balance: 5 });
  await tx.rollback();
  expect(await balance(name, 'a')).toBe(100);
});

test('concurrent read-modify-write transactions conflict and runTransaction retries them', async () => {
  const name = await t.newCollection('counter');
  await t.db.collection(name).add({ _id: 'n', value: 0 });
  let calls = 0;
  let arrived = 0;
  let release!: () => void;
  const bothRead = new Promise<void>((r) => (release = r));
  const increment = () =>
    t.db.runTransaction(async (tx: any) => {
      calls++;
      const cur = (await tx.collection(name).doc('n').get()).data.value;
      if (calls <= 2) {
        // first attempts: make sure both transactions read the same value before writing
        if (++arrived === 2) release();
        await bothRead;
      }
      await tx
        .collection(name)
        .doc('n')
        .update({ value: cur + 1 });
      return cur;
    });
  const seen = await Promise.all([increment(), increment()]);
  expect(calls).toBeGreaterThan(2);
  expect((await t.db.collection(name).doc('n').get()).data[0].value).toBe(2);
  expect(seen.sort()).toEqual([0, 1]);
});

test('a second transaction writing a document already written by an open one gets DATABASE_TRANSACTION_CONFLICT', async () => {
  const name = await accounts();
  const t1 = await t.db.startTransaction();
  const t2 = await t.db.startTransaction();
  await t1.collection(name).doc('a').update({ balance: 1 });
  const err = await rejection(t2.collection(name).doc('a').update({ balance: 2 }));
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  await t1.commit();
  expect(await balance(name, 'a')).toBe(1);
});

test('commit conflicts when a document read by the transaction changed meanwhile', async () => {
  const name = await accounts();
  const tx = await t.db.startTransaction();
  const a = (await tx.collection(name).doc('a').get()).data;
  await t.db.collection(name).doc('a').update({ balance: 7 }); // outside the transaction
  await tx.collection(name).doc('b').update({ balance: a.balance });
  const err = await rejection(tx.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balance(name, 'a')).toBe(7);
  expect(await balance(name, 'b')).toBe(0);
});

test('two "create if absent" transactions: the one that commits second conflicts', async () => {
  const name = await accounts();
  const t1 = await t.db.startTransaction();
  const t2 = await t.db.startTransaction();
  // Both look the document up by _id and find nothing.
  expect((await t1.collection(name).doc('new').get()).data).toBeNull();
  expect((await t2.collection(name).doc('new').get()).data).toBeNull();
  await t1.collection(name).doc('new').set({ owner: 't1' });
  await t1.commit();
  // t1's write lock is gone, so t2's write is accepted, but its snapshot saw no document.
  await t2.collection(name).doc('new').set({ owner: 't2' });
  const err = await rejection(t2.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await t.db.collection(name).doc('new').get()).data[0]).toMatchObject({ owner: 't1' });
});

test('where().update() inside a transaction callback is not part of it', async () => {
  const name = await accounts();
  const _ = t.db.command;
  await rejection(
    t.db.runTransaction(async (tx: any) => {
      await tx
        .collection(name)
        .doc('a')
        .update({ balance: _.inc(-1) });
      // Query.update() sends no transactionId: applied immediately, survives the rollback.
      await tx
        .collection(name)
        .where({ _id: 'b' })
        .update({ balance: _.inc(5) });
      throw new Error('abort');
    }),
  );
  expect(await balance(name, 'a')).toBe(100);
  expect(await balance(name, 'b')).toBe(5);
});

test('a unique-index violation at commit aborts the whole transaction', async () => {
  const users = t.db.collection('tx_users');
  await users.add({ _id: 'u1', phone: '100' });
  const err = await rejection(
    t.db.runTransaction(async (tx: any) => {
      await tx.collection('tx_users').add({ _id: 'u2', phone: '200' });
      await tx.collection('tx_users').add({ _id: 'u3', phone: '100' });
    }),
  );
  expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await users.where({ _id: t.db.command.in(['u2', 'u3']) }).get()).data).toEqual([]);
});

test('transactions expire after 30 s', async () => {
  const name = await accounts();
  const tx = await t.db.startTransaction();
  await tx.collection(name).doc('a').update({ balance: 0 });
  now += 31_000;
  const err = await rejection(tx.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(await balance(name, 'a')).toBe(100);
  // its lock is gone: another transaction can write the document
  const tx2 = await t.db.startTransaction();
  await tx2.collection(name).doc('a').update({ balance: 42 });
  await tx2.commit();
  expect(await balance(name, 'a')).toBe(42);
});
