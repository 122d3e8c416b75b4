/**
 * 抽签复核 in the browser: the check scripts/verify-lottery.ts makes (shared/benefit/draw.ts
 * verifyDraw), run here on the published record. verifyDraw takes a synchronous SHA-256 and the
 * browser's is asynchronous, so every hash it will ask for (the seed, and seed:key per entrant)
 * is computed first with crypto.subtle and then served from a table.
 */
import { verifyDraw, type DrawCheck } from '../../../shared/benefit/draw';
import type { DrawProof } from '../../../shared/benefit/schemas';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function checkDraw(proof: DrawProof & { seed: string }): Promise<DrawCheck> {
  const inputs = [proof.seed, ...proof.entrants.map((key) => `${proof.seed}:${key}`)];
  const table = new Map<string, string>();
  await Promise.all(inputs.map(async (text) => table.set(text, await sha256Hex(text))));
  const lookup = (text: string) => {
    const hex = table.get(text);
    if (hex === undefined) throw new Error('hash not prepared');
    return hex;
  };
  return verifyDraw(
    { seed: proof.seed, seedHash: proof.seedHash, entrants: proof.entrants, stock: proof.stock, winners: proof.winners },
    lookup,
  );
}
