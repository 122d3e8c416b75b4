/**
 * The day-care lottery, the seeded lottery of shared/lottery.ts with score rule
 * `daycare-lottery-v1`, exactly as published (docs/lotteries.md):
 *
 *   1. commitment = SHA-256(seed as UTF-8 text), hex; published when the campaign is created,
 *      before the window opens; the seed (64 hex chars) is published after allocation.
 *   2. For each period × band slot, the entries are the registrations {id, tier}.
 *   3. key(id) = HMAC-SHA256(key = seed as UTF-8 text, message = id as UTF-8 text), hex.
 *   4. Order by tier ascending, then key ascending, then id ascending.
 *   5. The first `capacity` entries are admitted; the rest form the waitlist in that order.
 *
 * Pure: the hashes are passed in (cloudfunctions/_lib/hashes.ts on the server and in
 * scripts/verify-lottery.ts).
 */
import { allocate, commitmentOf as commitment, rank, scoreOf, type LotteryHashes } from '../lottery';

export type { LotteryHashes };

export interface LotteryEntry {
  id: string;
  tier: number;
}

export interface SlotOutcome {
  admitted: string[];
  waitlist: string[];
}

export function commitmentOf(seed: string, hashes: Pick<LotteryHashes, 'sha256Hex'>): string {
  return commitment(seed, hashes.sha256Hex);
}

export function lotteryKey(seed: string, id: string, hashes: LotteryHashes): string {
  return scoreOf('daycare-lottery-v1', seed, id, hashes);
}

export function orderEntries(seed: string, entries: readonly LotteryEntry[], hashes: LotteryHashes): LotteryEntry[] {
  return rank(entries, (id) => lotteryKey(seed, id, hashes)).map((r) => r.entry);
}

export function allocateSlot(seed: string, capacity: number, entries: readonly LotteryEntry[], hashes: LotteryHashes): SlotOutcome {
  const out = allocate(entries, capacity, (id) => lotteryKey(seed, id, hashes));
  return { admitted: out.winners.map((e) => e.id), waitlist: out.waitlist.map((e) => e.id) };
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

export const ALGORITHM_NAME =
  'daycare-lottery-v1: order by (tier asc, HMAC-SHA256(seed, registrationId) hex asc, id asc); first capacity admitted, rest waitlisted';

export interface VerifyReport {
  commitmentOk: boolean;
  slots: Array<{ slotId: string; label: string; ok: boolean; admitted: number; waitlist: number }>;
  ok: boolean;
}

/** Re-run the allocation from the published data and compare with the published result. */
export function verifyPublished(record: PublishedLottery, hashes: LotteryHashes): VerifyReport {
  if (!record.seed) return { commitmentOk: false, slots: [], ok: false };
  const seed = record.seed;
  const commitmentOk = commitmentOf(seed, hashes) === record.commitment;
  const slots = record.slots.map((s) => {
    const out = allocateSlot(seed, s.capacity, s.entries, hashes);
    const same = JSON.stringify(out.admitted) === JSON.stringify(s.admitted) && JSON.stringify(out.waitlist) === JSON.stringify(s.waitlist);
    return { slotId: s.slotId, label: s.label, ok: same, admitted: out.admitted.length, waitlist: out.waitlist.length };
  });
  return { commitmentOk, slots, ok: commitmentOk && slots.every((s) => s.ok) };
}
