/**
 * Verify a published lottery (docs/lotteries.md): a benefit draw (预约抽签) or a day-care lottery
 * (摇号). Anyone can do this: the records are public.
 *
 *   npx tsx scripts/verify-lottery.ts record.json            (or --file record.json)
 *   npx tsx scripts/verify-lottery.ts --drop <dropId> [--url http://127.0.0.1:8787]
 *   npx tsx scripts/verify-lottery.ts --campaign <campaignId> [--url http://127.0.0.1:8787]
 *
 * A file holds what benefit.drawProof or daycare.lotteryRecord returns (the envelope or its
 * `data`); which one it is follows from its fields. Checks that SHA-256(seed) is the commitment
 * published before registration closed and that the published result follows from the seed and
 * the entries (shared/lottery.ts). Exit code 0 when everything matches, 1 when not, 2 when the
 * record cannot be read or the lottery has not been drawn yet.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeHashes } from '../cloudfunctions/_lib/hashes';
import { verifyDraw } from '../shared/benefit/draw';
import type { DrawProof } from '../shared/benefit/schemas';
import { orderEntries, verifyPublished, type PublishedLottery } from '../shared/daycare/lottery';

type Loaded = { kind: 'draw'; record: DrawProof } | { kind: 'daycare'; record: PublishedLottery };

function classify(raw: unknown): Loaded {
  const data = (raw && typeof raw === 'object' && 'ok' in raw ? (raw as { data?: unknown }).data : raw) as
    Record<string, unknown> | undefined;
  if (data && 'seedHash' in data) return { kind: 'draw', record: data as unknown as DrawProof };
  if (data && 'commitment' in data && 'slots' in data) return { kind: 'daycare', record: data as unknown as PublishedLottery };
  throw new Error('文件不是抽签记录（benefit.drawProof）或摇号记录（daycare.lotteryRecord）');
}

async function fetchRecord(url: string, fn: 'benefit' | 'daycare', action: string, data: object): Promise<unknown> {
  const res = await fetch(`${url.replace(/\/$/, '')}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-persona': 'anonymous' },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`读取记录失败：${body.error?.message ?? res.status}`);
  return body;
}

async function load(): Promise<Loaded> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { file: { type: 'string' }, url: { type: 'string' }, drop: { type: 'string' }, campaign: { type: 'string' } },
  });
  const url = values.url ?? 'http://127.0.0.1:8787';
  if (values.drop) return classify(await fetchRecord(url, 'benefit', 'drawProof', { dropId: values.drop }));
  if (values.campaign) return classify(await fetchRecord(url, 'daycare', 'lotteryRecord', { campaignId: values.campaign }));
  const file = values.file ?? positionals[0];
  if (!file) throw new Error('用法：verify-lottery.ts <记录.json> | --drop <福利编号> | --campaign <活动编号> [--url <地址>]');
  return classify(JSON.parse(readFileSync(file, 'utf8')));
}

function verifyBenefitDraw(proof: DrawProof): boolean {
  if (!proof.seed) {
    console.log(`尚未开奖。种子承诺（SHA-256）：${proof.seedHash}`);
    process.exit(2);
  }
  const check = verifyDraw(
    { seed: proof.seed, seedHash: proof.seedHash, entrants: proof.entrants, stock: proof.stock, winners: proof.winners },
    nodeHashes.sha256Hex,
  );
  console.log(
    JSON.stringify(
      {
        dropId: proof.dropId,
        entrants: proof.entrants.length,
        places: proof.stock,
        commitmentOk: check.commitmentOk,
        matchesPublished: check.matchesPublished,
        winners: check.winners,
      },
      null,
      2,
    ),
  );
  const ok = check.commitmentOk && check.matchesPublished;
  console.log(ok ? '复核通过：种子与承诺一致，中签名单可由公开数据重算' : '复核失败：公布的数据与重算结果不一致');
  return ok;
}

function verifyDaycare(record: PublishedLottery): boolean {
  if (!record.seed) {
    console.log(`活动 ${record.campaignId} 尚未摇号。种子承诺（SHA-256）：${record.commitment}`);
    process.exit(2);
  }
  console.log(`活动：${record.campaignId}`);
  console.log(`算法：${record.algorithm}`);
  console.log(`种子：${record.seed}`);
  const report = verifyPublished(record, nodeHashes);
  console.log(report.commitmentOk ? '✓ 种子与事先公布的承诺一致' : '✗ 种子与承诺不一致');
  for (const s of record.slots) {
    const checked = report.slots.find((x) => x.slotId === s.slotId)!;
    const tiers = orderEntries(record.seed, s.entries, nodeHashes).map((e) => e.tier);
    const counts = [...new Set(tiers)].map((t) => `第${t}档 ${tiers.filter((x) => x === t).length}`).join('，');
    console.log(
      `${checked.ok ? '✓' : '✗'} ${s.label}：报名 ${s.entries.length}（${counts || '无'}），名额 ${s.capacity}，录取 ${checked.admitted}，候补 ${checked.waitlist}`,
    );
  }
  console.log(report.ok ? '结论：公布的结果可由公开数据完全复现。' : '结论：复现结果与公布结果不一致！');
  return report.ok;
}

async function main(): Promise<void> {
  const loaded = await load();
  const ok = loaded.kind === 'draw' ? verifyBenefitDraw(loaded.record) : verifyDaycare(loaded.record);
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
