/**
 * Per-instance memory of the hot path. A CloudBase instance serves many invocations in turn
 * (and, locally, the host runs every invocation in one process), so what one invocation learnt
 * saves the next one a database request. Nothing here is needed for correctness: the database
 * conditions decide; memory only avoids requests whose answer is already known.
 *
 * - drops: the drop document and its stock shards, reloaded after DROP_TTL_MS. A drop's facts
 *   are immutable once published; the one change, 撤回 (status `cancelled`), is only accepted
 *   until CANCEL_LEAD_MS (shared/benefit/rules.ts) before the opening. `loadedAt` is taken
 *   before the read, and an older copy is served (while one reload is in flight) only while
 *   it is younger than DROP_STALE_MAX_MS, so any copy in use reflects the database as of at
 *   most DROP_STALE_MAX_MS ago and every instance sees a withdrawal well before the opening;
 * - stock gates: per shard, the last known `left` and the number of takes in flight. A take
 *   waits while `inFlight >= known`, so when the last units go no doomed write is sent, and
 *   once every shard is known empty the drop is sold out here without any request;
 * - known claims: what this instance created or read, for same-request retries and
 *   "already claimed" answers at no cost;
 * - member locks: one member's concurrent attempts in this instance run one after the other.
 */
import type { ClaimDoc, DropDoc, StockDoc } from './docs';

export const DROP_TTL_MS = 10_000;
/**
 * A copy older than this is never served, not even while a reload is in flight (callers then
 * wait for the reload). Must stay well under CANCEL_LEAD_MS (shared/benefit/rules.ts).
 */
export const DROP_STALE_MAX_MS = 60_000;
const MAX_KNOWN = 200_000;

export interface ShardGate {
  id: string;
  known: number | null;
  /**
   * The stock document's `taken` counter behind `known`. Take answers can arrive out of order;
   * only an answer with a higher `taken` is newer, so an older, higher `left` never overwrites
   * a lower one (which would let a doomed write through after the last unit went).
   */
  taken: number;
  inFlight: number;
  lastTakenAt: number | null;
  /** Bumped by every completed take: a reload read before a take finished must not overwrite what the take learnt. */
  version: number;
}
export interface DropEntry {
  drop: DropDoc;
  loadedAt: number;
  shards: ShardGate[];
  waiters: Array<() => void>;
  /**
   * When this instance last learnt the stock from the database (a load, a re-read, a take's
   * answer). Units can come back without this instance taking part (the reconcile timer, another
   * instance's give-back), so "sold out" from memory is re-checked once it is older than
   * SOLD_OUT_RECHECK_MS (lib/stock.ts).
   */
  stockSeenAt: number;
}

const drops = new Map<string, DropEntry>();
const known = new Map<string, ClaimDoc[]>();
const locks = new Map<string, Promise<unknown>>();

export function cachedDrop(dropId: string, now: number): DropEntry | undefined {
  const e = drops.get(dropId);
  return e && now - e.loadedAt < DROP_TTL_MS ? e : undefined;
}

/** The entry, older than the TTL but still servable while a reload is in flight (see DROP_STALE_MAX_MS). */
export function staleDrop(dropId: string, now: number): DropEntry | undefined {
  const e = drops.get(dropId);
  return e && now - e.loadedAt < DROP_STALE_MAX_MS ? e : undefined;
}

/**
 * This instance has just withdrawn the drop (benefit.adminCancel): its own copy says so at once.
 * Other instances learn it from their next reload (within DROP_TTL_MS).
 */
export function noteCancelled(dropId: string, fields: Partial<DropDoc>): void {
  const e = drops.get(dropId);
  if (e) e.drop = { ...e.drop, ...fields };
}

/** The gates' versions before a reload's read (see storeDrop). */
export function gateVersions(dropId: string): Map<string, number> {
  return new Map((drops.get(dropId)?.shards ?? []).map((g) => [g.id, g.version]));
}

/**
 * Store a freshly loaded drop. An existing entry is updated in place: takes in flight hold its
 * gate objects, so their counts stay right. A gate takes the fresh `left` only when no take
 * completed since the read was issued (`versionsBefore`); otherwise the take's answer is newer.
 */
export function storeDrop(drop: DropDoc, stock: StockDoc[], now: number, versionsBefore: Map<string, number>): DropEntry {
  const entry = drops.get(drop._id) ?? { drop, loadedAt: now, shards: [], waiters: [], stockSeenAt: now };
  // A withdrawal is final: a reload whose read predates it must not undo what this instance knows.
  if (!(entry.drop.status === 'cancelled' && drop.status !== 'cancelled')) entry.drop = drop;
  entry.loadedAt = now;
  applyStock(entry, stock, now, versionsBefore);
  drops.set(drop._id, entry);
  return entry;
}

/**
 * The shards as read from the database at `readAt` (the time before the read). A gate takes the
 * fresh `left` only when no take completed since the read was issued (`versionsBefore`) and none
 * is in flight; otherwise the take's answer is newer.
 */
export function applyStock(entry: DropEntry, stock: StockDoc[], readAt: number, versionsBefore: Map<string, number>): void {
  const drop = entry.drop;
  entry.stockSeenAt = Math.max(entry.stockSeenAt, readAt);
  for (let i = 0; i < drop.shards; i++) {
    const id = `${drop._id}_s${i}`;
    const doc = stock.find((s) => s._id === id);
    let gate = entry.shards.find((g) => g.id === id);
    if (!gate) {
      gate = { id, known: null, taken: 0, inFlight: 0, lastTakenAt: null, version: 0 };
      entry.shards.push(gate);
    } else if (gate.version !== versionsBefore.get(id) || gate.inFlight > 0) {
      continue;
    }
    gate.known = doc ? doc.left : 0;
    gate.taken = doc?.taken ?? 0;
    gate.lastTakenAt = doc?.lastTakenAt ? new Date(doc.lastTakenAt).getTime() : null;
  }
  wake(entry);
}

/**
 * benefit.list read the drop anyway: keep it if this instance has no copy yet (never overwrite a
 * live one). `readAt` is the time before that read (the copy's age counts from it).
 */
export function primeDrop(drop: DropDoc, stock: StockDoc[], readAt: number): void {
  if (!drops.has(drop._id)) storeDrop(drop, stock, readAt, new Map());
}

/** Sold out as far as this instance knows: every shard's last known `left` is 0. */
export function soldOutAt(entry: DropEntry): number | null | false {
  if (!entry.shards.every((g) => g.known === 0 && g.inFlight === 0)) return false;
  const times = entry.shards.map((g) => g.lastTakenAt ?? 0);
  const max = Math.max(0, ...times);
  return max > 0 ? max : null;
}

/** Wake takes waiting for a gate of this drop (they re-check). */
export function wake(entry: DropEntry): void {
  const waiting = entry.waiters.splice(0);
  for (const w of waiting) w();
}

export function nextChange(entry: DropEntry): Promise<void> {
  return new Promise((resolve) => entry.waiters.push(resolve));
}

const memberKey = (dropId: string, openid: string) => `${dropId}|${openid}`;

export function knownClaims(dropId: string, openid: string): ClaimDoc[] | undefined {
  return known.get(memberKey(dropId, openid));
}

export function rememberClaims(dropId: string, openid: string, claims: ClaimDoc[]): void {
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(memberKey(dropId, openid), claims);
}

/** Run `work` after any earlier attempt of the same member on the same drop in this instance. */
export async function withMemberLock<T>(dropId: string, openid: string, work: () => Promise<T>): Promise<T> {
  const key = memberKey(dropId, openid);
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}
