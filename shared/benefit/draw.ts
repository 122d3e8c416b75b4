/**
 * The reproducible draw (预约抽签), the seeded lottery of shared/lottery.ts with score rule
 * `draw-v1`: before registration closes the drop publishes `seedHash = sha256(seed)`; at the
 * opening the draw publishes `seed` and the sorted entrant list. Winners are the `stock`
 * entrants with the smallest `sha256(seed + ":" + entrantKey)` (ties by key), so anyone can
 * recompute them (scripts/verify-lottery.ts) and nobody, not even the union, could pick the
 * seed after seeing who registered.
 *
 * Pure: the SHA-256 function is passed in (node:crypto on the server and in the script).
 */
import { allocate, commitmentOf as commitment, scoreOf as score, type Sha256Hex } from '../lottery';

export type { Sha256Hex };

export function commitmentOf(seed: string, sha256Hex: Sha256Hex): string {
  return commitment(seed, sha256Hex);
}

export function scoreOf(seed: string, entrantKey: string, sha256Hex: Sha256Hex): string {
  return score('draw-v1', seed, entrantKey, { sha256Hex });
}

/** Winners (entrant keys, in draw order) for `places` places. */
export function drawWinners(seed: string, entrants: readonly string[], places: number, sha256Hex: Sha256Hex): string[] {
  const unique = [...new Set(entrants)].map((id) => ({ id }));
  return allocate(unique, places, (id) => scoreOf(seed, id, sha256Hex)).winners.map((e) => e.id);
}

export interface DrawCheck {
  commitmentOk: boolean;
  winners: string[];
  matchesPublished: boolean;
}

/** What the verifier checks: the seed matches the commitment and gives the published winners. */
export function verifyDraw(
  input: { seed: string; seedHash: string; entrants: readonly string[]; stock: number; winners: readonly string[] },
  sha256Hex: Sha256Hex,
): DrawCheck {
  const winners = drawWinners(input.seed, input.entrants, input.stock, sha256Hex);
  const published = [...input.winners];
  return {
    commitmentOk: commitmentOf(input.seed, sha256Hex) === input.seedHash,
    winners,
    matchesPublished: winners.length === published.length && winners.every((w, i) => w === published[i]),
  };
}
