/**
 * Where to redeem (兑换地点) travels from 发布福利 to the drop card, the claim and 我的福利 without
 * costing the claim a request; 剩余 N 份 comes from the list's own stock read; benefit.search finds
 * the drops the caller may see by a literal keyword, and refuses blank or bad input with nothing
 * changed.
 */
import type { ClaimView, ListResult, MyClaimsResult, SearchResult } from '../../../shared/benefit/schemas';
import { C } from '../../../cloudfunctions/_lib/collections';
import type { TestCloud } from '../../scenarios/cloud';
import {
  ancestorsOf,
  callBenefit,
  cancelAs,
  claimAs,
  DISTRICT_ADMIN,
  givenBenefitCloud,
  givenDrop,
  givenMembers,
  OTHER_UNION,
  passFor,
} from '../../scenarios/benefit';

const VENUE = {
  name: '北仑区职工服务中心',
  address: '北仑区明州路 600 号一楼大厅',
  hours: '周一至周五 9:00–17:00',
  location: { lat: 29.9003, lng: 121.8447 },
  phone: '0574-86881234',
};

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

async function listAs(openid: string): Promise<ListResult> {
  const res = await t.call<ListResult>('benefit', 'list', {}, { openid });
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}
async function search(keyword: unknown, as: Parameters<typeof callBenefit>[3]) {
  return (await callBenefit<SearchResult>(t, 'search', { keyword }, as)).result;
}
const found = (r: Awaited<ReturnType<typeof search>>) => (r.ok ? r.data.drops.map((d) => d.title) : r.error.code);

test('the venue set at creation is on the card, in the claim (still 2 requests) and in 我的福利', async () => {
  const now = Date.now();
  const { dropId } = await givenDrop(t, {
    stock: 20,
    title: '健身月卡体验券',
    kind: 'gym',
    venue: VENUE,
    opensAt: now + 60_000,
    closesAt: now + 86400_000,
  });
  const [m] = await givenMembers(t, 1);
  const card = (await listAs(m)).drops.find((d) => d.id === dropId)!;
  expect(card.venue).toEqual(VENUE);
  const pass = await passFor(t, m, dropId);
  await t.setClock(new Date(now + 2 * 60_000));
  try {
    await claimAs(t, (await givenMembers(t, 1))[0], dropId); // loads the drop into instance memory
    const claimed = await claimAs(t, m, dropId, { pass });
    expect(claimed.result.ok).toBe(true);
    expect(claimed.db).toEqual({ total: 2, reads: 0, writes: 2 });
    expect((claimed.result as { data: ClaimView }).data.venue).toEqual(VENUE);
    const mine = await t.call<MyClaimsResult>('benefit', 'myClaims', {}, { openid: m });
    expect(mine.ok && mine.data.claims.find((c) => c.dropId === dropId)?.venue).toEqual(VENUE);
    // 剩余 N 份: the list's stock read already carries the sum after the two claims.
    expect((await listAs(m)).drops.find((d) => d.id === dropId)?.left).toBe(18);
  } finally {
    await t.setClock(new Date());
  }
});

test('a drop without a venue says so (null), and optional parts stay null', async () => {
  const { dropId } = await givenDrop(t, { stock: 5, title: '话费充值券 30 元', kind: 'phone' });
  const { dropId: bare } = await givenDrop(t, {
    stock: 5,
    title: '体检套餐券',
    kind: 'other',
    venue: { name: '北仑体检中心', address: '北仑区新碶街道长江路 1 号', hours: '每天 8:00–11:00' },
  });
  const [m] = await givenMembers(t, 1);
  const drops = (await listAs(m)).drops;
  expect(drops.find((d) => d.id === dropId)?.venue).toBeNull();
  expect(drops.find((d) => d.id === bare)?.venue).toEqual({
    name: '北仑体检中心',
    address: '北仑区新碶街道长江路 1 号',
    hours: '每天 8:00–11:00',
    location: null,
    phone: null,
  });
});

test('a bad venue is a structured error in Chinese and creates nothing', async () => {
  const before = (await t.db.collection(C.drops).count()).total;
  const bad = [
    { ...VENUE, name: '   ' },
    { ...VENUE, location: { lat: 121.8, lng: 29.9 } }, // swapped
    { name: VENUE.name, address: VENUE.address }, // no hours
    { ...VENUE, phone: '110' },
    { ...VENUE, extra: 1 },
  ];
  for (const venue of bad) {
    const res = await t.call(
      'benefit',
      'adminCreate',
      { unionId: 'nb-bl', title: '错误地点', kind: 'film', stock: 5, mode: 'first_come', venue },
      DISTRICT_ADMIN,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(res.ok ? '' : res.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect((await t.db.collection(C.drops).count()).total).toBe(before);
});

test('search finds by title, union and venue, within what the caller may see', async () => {
  const { dropId } = await givenDrop(t, {
    stock: 8,
    title: '港城音乐节门票',
    kind: 'other',
    venue: { ...VENUE, name: '宁波文化广场大剧院' },
  });
  const [m] = await givenMembers(t, 1);
  expect(found(await search('音乐节', { openid: m }))).toEqual(['港城音乐节门票']);
  expect(found(await search('文化广场', { openid: m }))).toEqual(['港城音乐节门票']);
  const hit = await search('音乐节', { openid: m });
  expect(hit.ok && hit.data.drops[0]).toMatchObject({ id: dropId, left: 8, mode: 'first_come', venue: { name: '宁波文化广场大剧院' } });
  // A member of 海曙 does not see 北仑's drop, and a guest sees only the city-wide ones.
  const [outsider] = await givenMembers(t, 1, { unionId: OTHER_UNION });
  expect(found(await search('音乐节', { openid: outsider }))).toEqual([]);
  expect(found(await search('音乐节', { persona: 'guest' }))).toEqual([]);
  expect(found(await search('电影', { persona: 'guest' }))).toEqual(['0元看大片 · 周末电影票']);
  // 北仑区总工会 matches every drop of that union the member sees (by union name).
  const byUnion = await search('北仑区总工会', { openid: m });
  expect(byUnion.ok && byUnion.data.drops.length).toBeGreaterThan(1);
});

test('the keyword is literal text: regular-expression characters neither fail nor match everything', async () => {
  await givenDrop(t, { stock: 3, title: '亲子游(周末) 门票', kind: 'park' });
  const [m] = await givenMembers(t, 1);
  expect(found(await search('(周末)', { openid: m }))).toEqual(['亲子游(周末) 门票']);
  for (const k of ['.*', '[', '\\', '^$', '周末|x', '游.周']) expect(found(await search(k, { openid: m }))).toEqual([]);
});

test('a withdrawn drop is not found', async () => {
  const { dropId } = await givenDrop(t, { stock: 3, title: '即将撤回的读书卡' });
  const [m] = await givenMembers(t, 1);
  expect(found(await search('读书卡', { openid: m }))).toEqual(['即将撤回的读书卡']);
  expect((await cancelAs(t, dropId, '供应商无法供货')).result.ok).toBe(true);
  expect(found(await search('读书卡', { openid: m }))).toEqual([]);
});

test('blank, too long or malformed keywords are structured errors', async () => {
  const [m] = await givenMembers(t, 1);
  for (const keyword of ['', '   ', 'x'.repeat(31), 42, null]) {
    const r = await search(keyword, { openid: m });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(r.ok ? '' : r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  const extra = (await callBenefit(t, 'search', { keyword: '电影', cursor: 'x' }, { openid: m })).result;
  expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});

test('the drop card a member of another chain cannot see stays out of search even when a drop document names their union', async () => {
  // A drop of 海曙 written directly (the district admin of 北仑 may not publish there).
  const ancestors = await ancestorsOf(t, 'nb-hs');
  const now = new Date();
  await t.db.collection(C.drops).add({
    _id: 'dhaishuonly01',
    unionId: 'nb-hs',
    unionName: '海曙区总工会',
    unionAncestors: ancestors,
    title: '海曙专属观影券',
    kind: 'film',
    picture: null,
    stock: 5,
    perMemberLimit: 1,
    mode: 'first_come',
    requiredTags: [],
    opensAt: new Date(now.getTime() + 3600_000),
    closesAt: new Date(now.getTime() + 86400_000),
    redeemBy: new Date(now.getTime() + 30 * 86400_000),
    registerOpensAt: null,
    registerClosesAt: null,
    expiryPolicy: 'report',
    venue: null,
    shards: 1,
    seedHash: null,
    status: 'scheduled',
    createdBy: 'x',
    createdAt: now,
  });
  const [m] = await givenMembers(t, 1);
  expect(found(await search('海曙', { openid: m }))).toEqual([]);
  const [hs] = await givenMembers(t, 1, { unionId: OTHER_UNION });
  expect(found(await search('海曙', { openid: hs }))).toEqual(['海曙专属观影券']);
});
