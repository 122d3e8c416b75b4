/**
 * The one seeded lottery behind both public draws: benefit 预约抽签 (shared/benefit/draw.ts) and
 * day-care 摇号 (shared/daycare/lottery.ts). Documented once in docs/lotteries.md; checked by
 * one script, scripts/verify-lottery.ts.
 *
 *   1. The union commits to a secret seed before anyone can register: commitment = SHA-256(seed).
 *   2. After registration closes the seed is published with the entries.
 *   3. Each entry gets a score derived from the seed and its public id; entries are ordered by
 *      (tier ascending, score ascending, id ascending). Entries without tiers are all tier 0.
 *   4. The first `places` entries win; the rest, in that order, form the waitlist.
 *
 * The score is the one thing the two published record formats name differently, and both stay
 * verifiable: `draw-v1` (benefit) scores SHA-256(seed + ":" + id); `daycare-lottery-v1` scores
 * HMAC-SHA256(key = seed, message = id). Pure: the hash functions are passed in (node:crypto on
 * the server and in the script; shared/ runs in the mini-program too, which has no Node built-ins).
 */
export type Sha256Hex = (text: string) => string;
export type HmacSha256Hex = (key: string, text: string) => string;

export interface LotteryHashes {
  sha256Hex: Sha256Hex;
  hmacSha256Hex: HmacSha256Hex;
}

export type ScoreRule = 'draw-v1' | 'daycare-lottery-v1';

export interface RankedEntry {
  id: string;
  tier?: number;
}

export function commitmentOf(seed: string, sha256Hex: Sha256Hex): string {
  return sha256Hex(seed);
}

export function scoreOf(
  rule: ScoreRule,
  seed: string,
  id: string,
  hashes: Pick<LotteryHashes, 'sha256Hex'> & Partial<LotteryHashes>,
): string {
  if (rule === 'draw-v1') return hashes.sha256Hex(`${seed}:${id}`);
  if (!hashes.hmacSha256Hex) throw new Error('daycare-lottery-v1 needs an HMAC-SHA256');
  return hashes.hmacSha256Hex(seed, id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The entries in lottery order (tier, score, id), each with its score. */
export function rank<E extends RankedEntry>(entries: readonly E[], score: (id: string) => string): Array<{ entry: E; score: string }> {
  const scored = entries.map((entry) => ({ entry, score: score(entry.id) }));
  scored.sort((a, b) => (a.entry.tier ?? 0) - (b.entry.tier ?? 0) || cmp(a.score, b.score) || cmp(a.entry.id, b.entry.id));
  return scored;
}

/** Winners (first `places`) and the waitlist, both in lottery order. */
export function allocate<E extends RankedEntry>(
  entries: readonly E[],
  places: number,
  score: (id: string) => string,
): { winners: E[]; waitlist: E[] } {
  const ordered = rank(entries, score).map((s) => s.entry);
  const n = Math.max(0, places);
  return { winners: ordered.slice(0, n), waitlist: ordered.slice(n) };
}
