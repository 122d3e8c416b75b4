/**
 * Re-run a day-care lottery from its published record and check it against the published
 * result (docs/daycare.md, "Lottery"). Anyone can do this: the record is public.
 *
 *   npx tsx scripts/recompute-daycare-lottery.ts record.json
 *   npx tsx scripts/recompute-daycare-lottery.ts --campaign <id> [--url http://127.0.0.1:8787]
 *
 * `record.json` is what `daycare.lotteryRecord` returns (the `data` of the envelope, or the
 * whole envelope). With --campaign it is fetched from a running local cloud (or any deployment
 * exposing the same HTTP front door). Exit code 0 when everything matches, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { commitmentOf, orderEntries, verifyPublished, type PublishedLottery } from '../shared/daycare/lottery';

async function loadRecord(args: string[]): Promise<PublishedLottery> {
  const i = args.indexOf('--campaign');
  if (i >= 0) {
    const u = args.indexOf('--url');
    const base = u >= 0 ? args[u + 1] : 'http://127.0.0.1:8787';
    const res = await fetch(`${base}/api/functions/daycare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-persona': 'anonymous' },
      body: JSON.stringify({ action: 'lotteryRecord', data: { campaignId: args[i + 1] } }),
    });
    const body = (await res.json()) as { ok: boolean; data?: PublishedLottery; error?: { message: string } };
    if (!body.ok || !body.data) throw new Error(`读取摇号记录失败：${body.error?.message ?? res.status}`);
    return body.data;
  }
  if (!args[0]) throw new Error('用法：recompute-daycare-lottery.ts <record.json> | --campaign <id> [--url <地址>]');
  const raw = JSON.parse(readFileSync(args[0], 'utf8')) as { data?: PublishedLottery } & PublishedLottery;
  return raw.data ?? raw;
}

async function main(): Promise<void> {
  const record = await loadRecord(process.argv.slice(2));
  if (!record.seed) {
    console.log(`活动 ${record.campaignId} 尚未摇号。种子承诺（SHA-256）：${record.commitment}`);
    process.exit(1);
  }
  console.log(`活动：${record.campaignId}`);
  console.log(`算法：${record.algorithm}`);
  console.log(`种子：${record.seed}`);
  console.log(`承诺：${record.commitment}  SHA-256(种子) = ${commitmentOf(record.seed)}`);
  const report = verifyPublished(record);
  console.log(report.commitmentOk ? '✓ 种子与事先公布的承诺一致' : '✗ 种子与承诺不一致');
  for (const s of record.slots) {
    const checked = report.slots.find((x) => x.slotId === s.slotId)!;
    const tiers = orderEntries(record.seed, s.entries).map((e) => e.tier);
    const counts = [...new Set(tiers)].map((t) => `第${t}档 ${tiers.filter((x) => x === t).length}`).join('，');
    console.log(`${checked.ok ? '✓' : '✗'} ${s.label}：报名 ${s.entries.length}（${counts || '无'}），名额 ${s.capacity}，录取 ${checked.admitted}，候补 ${checked.waitlist}`);
  }
  console.log(report.ok ? '结论：公布的结果可由公开数据完全复现。' : '结论：复现结果与公布结果不一致！');
  process.exit(report.ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
