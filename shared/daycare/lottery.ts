/**
 * The day-care lottery, exactly as published (docs/daycare.md, "Lottery"):
 *
 *   1. commitment = SHA-256(seed as UTF-8 text), hex; published when the campaign is created,
 *      before the window opens; the seed (64 hex chars) is published after allocation.
 *   2. For each period × band slot, the entries are the registrations {id, tier}.
 *   3. key(id) = HMAC-SHA256(key = seed as UTF-8 text, message = id as UTF-8 text), hex.
 *   4. Order by tier ascending, then key ascending, then id ascending (ties are impossible in
 *      practice; the last rule only makes the order total).
 *   5. The first `capacity` entries are admitted; the rest form the waitlist in that order.
 *
 * Server-side and script-only (node:crypto): the mini-program never imports this file.
 * scripts/recompute-daycare-lottery.ts re-runs it from the published record.
 */
import { createHash, createHmac } from 'node:crypto';

export interface LotteryEntry {
  id: string;
  tier: number;
}

export interface SlotOutcome {
  admitted: string[];
  waitlist: string[];
}

export function commitmentOf(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

export function lotteryKey(seed: string, id: string): string {
  return createHmac('sha256', Buffer.from(seed, 'utf8')).update(id, 'utf8').digest('hex');
}

export function orderEntries(seed: string, entries: readonly LotteryEntry[]): LotteryEntry[] {
  const keyed = entries.map((e) => ({ e, key: lotteryKey(seed, e.id) }));
  keyed.sort((a, b) => a.e.tier - b.e.tier || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  return keyed.map((k) => k.e);
}

export function allocateSlot(seed: string, capacity: number, entries: readonly LotteryEntry[]): SlotOutcome {
  const ordered = orderEntries(seed, entries).map((e) => e.id);
  return { admitted: ordered.slice(0, capacity), waitlist: ordered.slice(capacity) };
}

/** The published record of one campaign's lottery (what `daycare.lotteryRecord` returns). */
export interface PublishedLottery {
  campaignId: string;
  algorithm: string;
  commitment: string;
  seed: string | null;
  allocatedAt: string | null;
  slots: Array<{ slotId: string; label: string; capacity: number; entries: LotteryEntry[]; admitted: string[]; waitlist: string[] }>;
}

export const ALGORITHM_NAME = 'daycare-lottery-v1: order by (tier asc, HMAC-SHA256(seed, registrationId) hex asc, id asc); first capacity admitted, rest waitlisted';

export interface VerifyReport {
  commitmentOk: boolean;
  slots: Array<{ slotId: string; label: string; ok: boolean; admitted: number; waitlist: number }>;
  ok: boolean;
}

/** Re-run the allocation from the published data and compare with the published result. */
export function verifyPublished(record: PublishedLottery): VerifyReport {
  if (!record.seed) return { commitmentOk: false, slots: [], ok: false };
  const seed = record.seed;
  const commitmentOk = commitmentOf(seed) === record.commitment;
  const slots = record.slots.map((s) => {
    const out = allocateSlot(seed, s.capacity, s.entries);
    const same = JSON.stringify(out.admitted) === JSON.stringify(s.admitted) && JSON.stringify(out.waitlist) === JSON.stringify(s.waitlist);
    return { slotId: s.slotId, label: s.label, ok: same, admitted: out.admitted.length, waitlist: out.waitlist.length };
  });
  return { commitmentOk, slots, ok: commitmentOk && slots.every((s) => s.ok) };
}
