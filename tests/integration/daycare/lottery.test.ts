import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeHashes } from '../../../cloudfunctions/_lib/hashes';
import { verifyPublished, type PublishedLottery } from '../../../shared/daycare/lottery';
import type { OverviewResult } from '../../../shared/daycare/views';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { fire, givenCampaign, givenFamilies, registrationOf, signUp, unwrap } from '../../scenarios/daycare';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(() => t?.close());

it('the lottery admits by tier, orders by the committed seed, publishes the seed and is reproducible', async () => {
  const c = await givenCampaign(t, { mode: 'lottery', sites: [[{ capacity: 8 }, { capacity: 3, periodName: '第二期' }]] });
  expect(c.commitment).toMatch(/^[0-9a-f]{64}$/);
  const [big, small] = c.sites[0].slotIds;
  // 6 dual-worker (tier 1), 6 single-parent (tier 2), 12 without circumstances (tier 4); one
  // single parent declares hardship too (best tier counts); one declaration is rejected later.
  const kinds = (i: number) => (i < 6 ? ['dual_worker_sme' as const] : i < 12 ? ['single_parent' as const] : []);
  const families = await givenFamilies(t, 24, { summer: c.summer, prefix: 'o_dc_lot', circumstances: kinds });
  const extra = await givenFamilies(t, 5, { summer: c.summer, prefix: 'o_dc_lot2', circumstances: (i) => (i < 2 ? ['hardship'] : []) });
  for (const f of families) expect((await signUp(t, f, big)).ok).toBe(true);
  for (const f of extra) expect((await signUp(t, f, small)).ok).toBe(true);
  expect((await registrationOf(t, families[0]))[0].statusText).toBe('已报名');

  // The union rejects one family's declaration before the close: it drops to the last tier.
  const rejectedReg = (await registrationOf(t, families[1]))[0].id;
  unwrap(
    await t.call(
      'daycare',
      'adminCheckFamily',
      { registrationId: rejectedReg, kind: 'dual_worker_sme', decision: 'rejected' },
      { persona: 'district_admin' },
    ),
  );

  // Before the close: only the commitment is public.
  const before = unwrap(await t.call<PublishedLottery>('daycare', 'lotteryRecord', { campaignId: c.campaignId }, 'anonymous'));
  expect(before.seed).toBeNull();
  expect(before.commitment).toBe(c.commitment);
  expect(await fire(t, 'closeWindows')).toMatchObject({ ok: true, data: { allocated: 0 } });

  await t.setClock(new Date(c.closesAt + 1000));
  expect(await fire(t, 'closeWindows')).toMatchObject({ ok: true, data: { allocated: 1 } });
  expect(await fire(t, 'closeWindows')).toMatchObject({ ok: true, data: { allocated: 0 } }); // once only

  const record = unwrap(await t.call<PublishedLottery>('daycare', 'lotteryRecord', { campaignId: c.campaignId }, 'anonymous'));
  expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
  expect(record.commitment).toBe(c.commitment);
  expect(verifyPublished(record, nodeHashes)).toMatchObject({ ok: true, commitmentOk: true });
  // The published entries carry ids and tiers only: no names.
  expect(JSON.stringify(record)).not.toMatch(/测试孩子/);

  const bigSlot = record.slots.find((s) => s.slotId === big)!;
  const tierOf = new Map(bigSlot.entries.map((e) => [e.id, e.tier]));
  const admittedTiers = bigSlot.admitted.map((id) => tierOf.get(id)!);
  const waitTiers = bigSlot.waitlist.map((id) => tierOf.get(id)!);
  expect(bigSlot.admitted).toHaveLength(8);
  expect(Math.max(...admittedTiers)).toBeLessThanOrEqual(Math.min(...waitTiers));
  // 5 tier-1 families (one rejected) all win; then 3 of the 6 tier-2 families.
  expect(admittedTiers.filter((x) => x === 1)).toHaveLength(5);
  expect(admittedTiers.filter((x) => x === 2)).toHaveLength(3);
  expect(tierOf.get(rejectedReg)).toBe(4);
  const smallSlot = record.slots.find((s) => s.slotId === small)!;
  expect(smallSlot.admitted.slice(0, 2).map((id) => smallSlot.entries.find((e) => e.id === id)!.tier)).toEqual([3, 3]);

  // The repo script reproduces it from the published file (and rejects a tampered one).
  const file = join(t.dataDir, 'lottery.json');
  writeFileSync(file, JSON.stringify(record));
  const script = join(__dirname, '../../../scripts/verify-lottery.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' });
  expect(run.stdout).toContain('结论：公布的结果可由公开数据完全复现');
  expect(run.status).toBe(0);

  // A tampered result or seed fails verification.
  const tampered = {
    ...record,
    slots: record.slots.map((s) => (s.slotId === big ? { ...s, admitted: [...s.waitlist.slice(0, 1), ...s.admitted.slice(1)] } : s)),
  };
  expect(verifyPublished(tampered, nodeHashes).ok).toBe(false);
  writeFileSync(file, JSON.stringify(tampered));
  expect(spawnSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' }).status).toBe(1);
  expect(verifyPublished({ ...record, seed: 'f'.repeat(64) }, nodeHashes).commitmentOk).toBe(false);

  // Parents see the result and the reason; the waitlist is in lottery order.
  const firstWait = bigSlot.waitlist[0];
  const views = await Promise.all(families.map((f) => registrationOf(t, f)));
  const mine = views.map((v) => v[0]);
  const won = mine.filter((v) => v.status === 'admitted');
  expect(won).toHaveLength(8);
  expect(won[0].reason).toMatch(/第\d档.*摇号排序第 \d+ 位，在 8 个名额内，已录取/);
  const first = mine.find((v) => v.id === firstWait)!;
  expect(first.statusText).toBe('候补第 1 位');
  expect(first.reason).toMatch(/8 个名额已满，进入候补；当前候补第 1 位/);

  // The overview shows the published seed and the places left.
  const overview = unwrap(await t.call<OverviewResult>('daycare', 'overview', {}, { openid: families[0].openid }));
  const shown = overview.campaigns.find((x) => x.id === c.campaignId)!;
  expect(shown.phase).toBe('allocated');
  expect(shown.seed).toBe(record.seed);
});

it('sign-ups are refused outside the window', async () => {
  const c = await givenCampaign(t, { mode: 'lottery', sites: [[{ capacity: 2 }]], closesAt: t.cloud.clock.now() + 60_000 });
  const [f] = await givenFamilies(t, 1, { summer: c.summer, prefix: 'o_dc_late' });
  await t.setClock(new Date(c.closesAt + 1));
  const res = await signUp(t, f, c.sites[0].slotIds[0]);
  expect(res).toMatchObject({ ok: false, error: { code: 'DAYCARE_CLOSED' } });
});

it('a draw resumed after a crash counts the offers its first run made: never more places than capacity', async () => {
  const c = await givenCampaign(t, { mode: 'lottery', sites: [[{ capacity: 3 }]] });
  const [slotId] = c.sites[0].slotIds;
  const families = await givenFamilies(t, 6, { summer: c.summer, prefix: 'o_dc_resume' });
  for (const f of families) expect((await signUp(t, f, slotId)).ok).toBe(true);
  await t.setClock(new Date(c.closesAt + 1000));
  const campaignStatus = async () =>
    ((await t.db.collection('daycare_campaigns').doc(c.campaignId).get()).data[0] as { status: string }).status;
  expect(await fire(t, 'closeWindows')).toMatchObject({ ok: true });
  expect(await campaignStatus()).toBe('allocated');

  // An admitted family withdraws: its place is offered to the head of the waitlist.
  const statusOf = async () => {
    const regs = (await t.db.collection('daycare_registrations').where({ slotId }).get()).data as Array<{
      _id: string;
      guardianOpenid: string;
      status: string;
    }>;
    return regs;
  };
  const winner = (await statusOf()).find((r) => r.status === 'admitted')!;
  unwrap(await t.call('daycare', 'cancel', { registrationId: winner._id }, { openid: winner.guardianOpenid }));
  const holding = async () => (await statusOf()).filter((r) => r.status === 'admitted' || r.status === 'offered').length;
  expect(await holding()).toBe(3);

  // What a first run that made that offer and died before marking the campaign done leaves:
  // the next trigger resumes the draw.
  await t.db.collection('daycare_campaigns').doc(c.campaignId).update({ status: 'allocating' });
  expect(await fire(t, 'closeWindows')).toMatchObject({ ok: true, data: { allocated: 1 } });
  expect(await campaignStatus()).toBe('allocated');
  expect(await holding()).toBe(3);
  const slot = (await t.db.collection('daycare_slots').doc(slotId).get()).data[0] as { remaining: number };
  expect(slot.remaining).toBe(0);
});
