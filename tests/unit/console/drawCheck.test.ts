/**
 * 在本机复核 on the console: the browser's asynchronous SHA-256 (crypto.subtle) fed to the one
 * verifier (shared/benefit/draw.ts) agrees with a draw made by node:crypto, and catches a seed
 * that does not match its commitment and a winner list that was changed.
 */
import { createHash } from 'node:crypto';
import { commitmentOf, drawWinners } from '../../../shared/benefit/draw';
import type { DrawProof } from '../../../shared/benefit/schemas';
import { checkDraw } from '../../../console/src/lib/drawCheck';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const seed = 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6';
const entrants = Array.from({ length: 40 }, (_, i) => `e${String(i).padStart(3, '0')}`);
const proof: DrawProof & { seed: string } = {
  dropId: 'dtest000001',
  title: '测试抽签',
  seedHash: commitmentOf(seed, sha),
  seed,
  stock: 5,
  entrants,
  winners: drawWinners(seed, entrants, 5, sha),
  myEntrantKey: null,
  drawnAt: 1_800_000_000_000,
};

it('confirms a genuine draw', async () => {
  const check = await checkDraw(proof);
  expect(check).toEqual({ commitmentOk: true, matchesPublished: true, winners: proof.winners });
});

it('catches a changed winner list and a seed that is not the committed one', async () => {
  const loser = entrants.find((e) => !proof.winners.includes(e))!;
  expect(await checkDraw({ ...proof, winners: [loser, ...proof.winners.slice(1)] })).toMatchObject({
    commitmentOk: true,
    matchesPublished: false,
  });
  expect((await checkDraw({ ...proof, seed: `${seed}0` })).commitmentOk).toBe(false);
});
