/**
 * The claim path's copy of a drop (cloudfunctions/benefit/lib/stock.ts loadDrop + lib/memory.ts)
 * and the 撤回 lead time that relies on it: a copy is reused for DROP_TTL_MS, an older one is
 * served only while a reload is in flight and only while younger than DROP_STALE_MAX_MS, so a
 * withdrawal reaches every instance long before CANCEL_LEAD_MS runs out. The database here is
 * an in-memory stand-in whose reads can be held back, to put a reload "in flight".
 */
import { CANCEL_LEAD_MS } from '../../../shared/benefit/rules';
import type { BaseContext } from '../../../cloudfunctions/_lib/router';
import type { DropDoc } from '../../../cloudfunctions/benefit/lib/docs';
import { DROP_STALE_MAX_MS, DROP_TTL_MS, noteCancelled } from '../../../cloudfunctions/benefit/lib/memory';
import { loadDrop } from '../../../cloudfunctions/benefit/lib/stock';

interface Store {
  drop: Partial<DropDoc>;
  reads: number;
  /** While set, reads wait for it. */
  hold: Promise<void> | null;
}

function fakeCtx(store: Store): BaseContext {
  const read = async <T>(value: () => T): Promise<{ data: T[] }> => {
    store.reads++;
    if (store.hold) await store.hold;
    return { data: [value()] };
  };
  const db = {
    collection: () => ({
      doc: () => ({ get: () => read(() => ({ ...store.drop })) }),
      where: () => ({ limit: () => ({ get: async () => ({ data: (await read(() => null)).data.filter(Boolean) }) }) }),
    }),
  };
  return { db, now: () => new Date(Date.now()) } as unknown as BaseContext;
}

let clock = 1_800_000_000_000;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => {
  jest.restoreAllMocks();
});

function held(store: Store): () => void {
  let release!: () => void;
  store.hold = new Promise((resolve) => {
    release = resolve;
  });
  return () => {
    store.hold = null;
    release();
  };
}

let n = 0;
function newStore(): Store {
  n++;
  return { drop: { _id: `dcache${n}`, status: 'scheduled', shards: 1, mode: 'first_come', perMemberLimit: 1 }, reads: 0, hold: null };
}

test('the lead time outlasts any copy the claim path may use', () => {
  expect(DROP_TTL_MS).toBeLessThan(DROP_STALE_MAX_MS);
  expect(DROP_STALE_MAX_MS).toBeLessThan(CANCEL_LEAD_MS);
});

test('a copy is reused within the TTL, then reloaded; while the reload is in flight a young copy is still served', async () => {
  const store = newStore();
  const ctx = fakeCtx(store);
  const id = store.drop._id as string;
  expect((await loadDrop(ctx, id))?.drop.status).toBe('scheduled');
  const readsAfterLoad = store.reads;

  store.drop = { ...store.drop, status: 'cancelled' };
  clock += DROP_TTL_MS - 1;
  expect((await loadDrop(ctx, id))?.drop.status).toBe('scheduled'); // from memory
  expect(store.reads).toBe(readsAfterLoad);

  clock += 2; // past the TTL
  const release = held(store);
  const reloading = loadDrop(ctx, id);
  expect((await loadDrop(ctx, id))?.drop.status).toBe('scheduled'); // 10 s old: served while the reload runs
  release();
  expect((await reloading)?.drop.status).toBe('cancelled');
  expect((await loadDrop(ctx, id))?.drop.status).toBe('cancelled');
});

test('a copy older than DROP_STALE_MAX_MS is never served: callers wait for the reload and see the withdrawal', async () => {
  const store = newStore();
  const ctx = fakeCtx(store);
  const id = store.drop._id as string;
  expect((await loadDrop(ctx, id))?.drop.status).toBe('scheduled');

  store.drop = { ...store.drop, status: 'cancelled' };
  clock += DROP_STALE_MAX_MS + 1;
  const release = held(store);
  const first = loadDrop(ctx, id);
  const second = loadDrop(ctx, id); // a concurrent claim while the reload is in flight
  let secondSettled = false;
  void second.then(() => {
    secondSettled = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(secondSettled).toBe(false); // not answered from the old copy
  release();
  expect((await first)?.drop.status).toBe('cancelled');
  expect((await second)?.drop.status).toBe('cancelled');
});

test('the instance that withdrew a drop refuses at once, and a reload read before the withdrawal does not undo it', async () => {
  const store = newStore();
  const ctx = fakeCtx(store);
  const id = store.drop._id as string;
  await loadDrop(ctx, id);
  clock += DROP_TTL_MS + 1;
  const release = held(store); // a reload whose read returns the drop as it was before
  const reloading = loadDrop(ctx, id);
  noteCancelled(id, { status: 'cancelled' });
  expect((await loadDrop(ctx, id))?.drop.status).toBe('cancelled');
  release();
  expect((await reloading)?.drop.status).toBe('cancelled');
});
