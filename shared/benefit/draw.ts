/**
 * The reproducible draw (预约抽签). Before registration closes the drop publishes
 * `seedHash = sha256(seed)`; at the opening the draw publishes `seed` and the sorted entrant
 * list. Winners are the `stock` entrants with the smallest `sha256(seed + ":" + entrantKey)`
 * (ties by key), so anyone can recompute them (scripts/recompute-draw.ts) and nobody, not even
 * the union, could pick the seed after seeing who registered.
 *
 * Pure: the SHA-256 function is passed in (node:crypto on the server and in the script).
 */
export type Sha256Hex = (text: string) => string;

export function commitmentOf(seed: string, sha256Hex: Sha256Hex): string {
  return sha256Hex(seed);
}

export function scoreOf(seed: string, entrantKey: string, sha256Hex: Sha256Hex): string {
  return sha256Hex(`${seed}:${entrantKey}`);
}

/** Winners (entrant keys, in draw order) for `places` places. */
export function drawWinners(seed: string, entrants: readonly string[], places: number, sha256Hex: Sha256Hex): string[] {
  const unique = [...new Set(entrants)];
  const scored = unique.map((key) => ({ key, score: scoreOf(seed, key, sha256Hex) }));
  scored.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.slice(0, Math.max(0, places)).map((s) => s.key);
}

export interface DrawCheck {
  commitmentOk: boolean;
  winners: string[];
  matchesPublished: boolean;
}

/** What the recompute script checks: the seed matches the commitment and gives the published winners. */
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
