/**
 * Drop loading and the stock: units are taken with ONE conditional update per take,
 * `where({_id: shard, left: _.gt(0)}).updateAndReturn({left: _.inc(-1), lastTakenAt})`,
 * outside any transaction (a hot document under transactions conflicts). The database applies
 * each conditional update atomically, so `left` never goes below zero under any interleaving.
 * A member starts on the shard picked by a hash of the openid and falls back to the others.
 */
import { C } from '../../_lib/collections';
import { retryRefused, TAKE_RETRIES } from '../../_lib/quota';
import type { BaseContext } from '../../_lib/router';
import type { DropDoc, StockDoc } from './docs';
import {
  applyStock,
  cachedDrop,
  gateVersions,
  nextChange,
  soldOutAt,
  staleDrop,
  storeDrop,
  wake,
  type DropEntry,
  type ShardGate,
} from './memory';

/**
 * How long "sold out" from memory is trusted. Units come back without this instance taking part
 * (the reconcile timer returns orphaned units; another instance gives back a unit it could not
 * record), so after this long the next attempt re-reads the shards (1 read, shared by every
 * attempt waiting meanwhile) before saying 已抢完. Cost: at most 2 reads a second per instance
 * while sold-out attempts arrive; gain: returned units are offered within this delay instead of
 * at the next reload (DROP_TTL_MS, 10 s).
 */
export const SOLD_OUT_RECHECK_MS = 500;

const loading = new Map<string, Promise<DropEntry | null>>();

/**
 * The drop with its stock gates: from instance memory, else 2 reads in parallel (drop + shards).
 * One load per drop at a time: concurrent first callers wait for it, and when the copy is only
 * stale (older than the TTL, younger than DROP_STALE_MAX_MS) they keep using it, so a storm
 * never loads the same drop 200 times at once. A drop changes only by 撤回, which closes
 * CANCEL_LEAD_MS before the opening, so a copy this young is right for claims.
 */
export async function loadDrop(ctx: BaseContext, dropId: string): Promise<DropEntry | null> {
  const now = Date.now();
  const hit = cachedDrop(dropId, now);
  if (hit) return hit;
  const stale = staleDrop(dropId, now);
  const inFlight = loading.get(dropId);
  if (inFlight) return stale ?? inFlight;
  const versions = gateVersions(dropId);
  const load = (async () => {
    // Reads: a quota refusal is retried (a refused request did not run).
    const [dropRes, stockRes] = await Promise.all([
      retryRefused(() => ctx.db.collection(C.drops).doc(dropId).get()),
      retryRefused(() => ctx.db.collection(C.dropStock).where({ dropId }).limit(100).get()),
    ]);
    const drop = dropRes.data[0] as DropDoc | undefined;
    return drop ? storeDrop(drop, stockRes.data as StockDoc[], now, versions) : null;
  })();
  loading.set(dropId, load);
  try {
    return await load;
  } finally {
    loading.delete(dropId);
  }
}

function startShard(openid: string, shards: number): number {
  let h = 0;
  for (let i = 0; i < openid.length; i++) h = (h * 31 + openid.charCodeAt(i)) >>> 0;
  return h % shards;
}

/**
 * Take one unit. Returns the shard taken from, or null when every shard is empty (known from
 * memory, or learnt from a conditional update that matched nothing).
 */
export async function takeUnit(ctx: BaseContext, entry: DropEntry, openid: string): Promise<string | null> {
  const _ = ctx.db.command;
  const n = entry.shards.length;
  const first = startShard(openid, n);
  for (;;) {
    let gate: ShardGate | undefined;
    let anyLeft = false;
    for (let k = 0; k < n; k++) {
      const g = entry.shards[(first + k) % n];
      if (g.known === 0 && g.inFlight === 0) continue;
      if (g.known !== 0) anyLeft = true;
      if (g.known === null || g.inFlight < g.known) {
        gate = g;
        break;
      }
    }
    if (!gate) {
      if (!anyLeft && soldOutAt(entry) !== false) return null;
      await nextChange(entry); // every remaining unit is being taken right now: wait for the outcome
      continue;
    }
    gate.inFlight++;
    try {
      // A take refused for the quota did not run, so sending it again cannot take twice. Few
      // retries here: under a saturated quota the held units' inserts should get the requests
      // (they retry longer), and a member refused here is answered BUSY and retries from the phone.
      const res = await retryRefused(
        () =>
          ctx.db
            .collection(C.dropStock)
            .where({ _id: gate!.id, left: _.gt(0) })
            .updateAndReturn({ left: _.inc(-1), taken: _.inc(1), lastTakenAt: ctx.now() }), // the time of the send that ran
        TAKE_RETRIES,
      );
      const doc = (res as { updated?: number; doc?: StockDoc | null }).doc;
      if ((res as { updated?: number }).updated === 1 && doc) {
        const taken = doc.taken ?? 0;
        if (gate.known === null || taken > gate.taken) {
          gate.known = doc.left;
          gate.taken = taken;
          gate.lastTakenAt = new Date(doc.lastTakenAt ?? ctx.now()).getTime();
        }
        return gate.id;
      }
      gate.known = 0; // another instance took the rest
    } finally {
      gate.inFlight--;
      gate.version++;
      entry.stockSeenAt = Date.now();
      wake(entry);
    }
  }
}

const rechecks = new Map<string, Promise<void>>();

/**
 * Before answering 已抢完 from memory: if that memory is older than SOLD_OUT_RECHECK_MS, re-read
 * the shards (one read per instance at a time; attempts arriving meanwhile wait for it).
 */
export async function recheckSoldOut(ctx: BaseContext, entry: DropEntry): Promise<void> {
  const dropId = entry.drop._id;
  let running = rechecks.get(dropId);
  if (!running) {
    const startedAt = Date.now();
    if (startedAt - entry.stockSeenAt < SOLD_OUT_RECHECK_MS) return;
    const versions = gateVersions(dropId);
    running = (async () => {
      const res = await retryRefused(() => ctx.db.collection(C.dropStock).where({ dropId }).limit(100).get());
      applyStock(entry, res.data as StockDoc[], startedAt, versions);
    })();
    rechecks.set(dropId, running);
    running.then(
      () => rechecks.delete(dropId),
      () => rechecks.delete(dropId),
    );
  }
  await running;
}

/** Return a unit taken for an attempt that could not be recorded (the member already had it). */
export async function giveBack(ctx: BaseContext, entry: DropEntry, shardId: string): Promise<void> {
  const _ = ctx.db.command;
  await retryRefused(() =>
    ctx.db
      .collection(C.dropStock)
      .where({ _id: shardId })
      .update({ left: _.inc(1) }),
  );
  const gate = entry.shards.find((g) => g.id === shardId);
  if (gate) {
    if (gate.known !== null) gate.known += 1;
    gate.version++;
  }
  wake(entry);
}
