/**
 * Recompute a benefit draw (预约抽签) from its published record and check it:
 *
 *   npx tsx scripts/recompute-draw.ts --file proof.json
 *   npx tsx scripts/recompute-draw.ts --url http://127.0.0.1:8787 --drop <dropId>
 *
 * The record is what benefit.drawProof returns (seedHash published before registration closed;
 * seed, sorted entrant keys and winners published at the draw). Checks that sha256(seed) is the
 * commitment and that the winners follow from the seed and the entrants (shared/benefit/draw.ts).
 * Prints the recomputed winners; exits 1 when anything does not match.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyDraw } from '../shared/benefit/draw';
import type { DrawProof } from '../shared/benefit/schemas';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

async function loadProof(): Promise<DrawProof> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, url: { type: 'string' }, drop: { type: 'string' } } });
  if (values.file) {
    const raw = JSON.parse(readFileSync(values.file, 'utf8')) as DrawProof | { ok: true; data: DrawProof };
    return 'ok' in raw ? raw.data : raw;
  }
  if (values.url && values.drop) {
    const res = await fetch(`${values.url.replace(/\/$/, '')}/api/functions/benefit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-persona': 'anonymous' },
      body: JSON.stringify({ action: 'drawProof', data: { dropId: values.drop } }),
    });
    const body = (await res.json()) as { ok: boolean; data?: DrawProof; error?: { message: string } };
    if (!body.ok || !body.data) throw new Error(body.error?.message ?? '无法读取抽签记录');
    return body.data;
  }
  throw new Error('用法：--file proof.json 或 --url <地址> --drop <福利编号>');
}

async function main(): Promise<void> {
  const proof = await loadProof();
  if (!proof.seed) {
    console.log(`尚未开奖。种子承诺（sha256）：${proof.seedHash}`);
    process.exit(2);
  }
  const check = verifyDraw({ seed: proof.seed, seedHash: proof.seedHash, entrants: proof.entrants, stock: proof.stock, winners: proof.winners }, sha256Hex);
  console.log(JSON.stringify({ dropId: proof.dropId, entrants: proof.entrants.length, places: proof.stock, commitmentOk: check.commitmentOk, matchesPublished: check.matchesPublished, winners: check.winners }, null, 2));
  console.log(check.commitmentOk && check.matchesPublished ? '复核通过：种子与承诺一致，中签名单可由公开数据重算' : '复核失败：公布的数据与重算结果不一致');
  if (!check.commitmentOk || !check.matchesPublished) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
