/**
 * 首页轮播图: what each member sees (own union and the unions above, in order, within the time
 * window), and what an admin may put up, move and take down (own union; the subtree for oversight).
 */
import { givenLocalCloud, type As, type TestCloud } from '../../scenarios/cloud';
import { givenAdminOf } from '../../scenarios/member';
import { formatBusiness } from '../../../shared/time';
import type { AdminBannerResult, AdminBannersResult, BannersResult } from '../../../shared/system/banners';
import type { Result } from '../../../shared/envelope';

let t: TestCloud;
let HAISHU: As;
let STREET: As;
const DISTRICT: As = { persona: 'district_admin' };
const wall = (hoursFromNow: number) => formatBusiness(Date.now() + hoursFromNow * 3600_000, 'YYYY-MM-DD HH:mm');
const banner = (over: Record<string, unknown> = {}) => ({
  unionId: 'nb-bl',
  title: '北仑职工运动会',
  image: 'https://example.org/banner.png',
  link: { kind: 'page', id: 'recuperation' },
  startAt: wall(-1),
  endAt: wall(24 * 7),
  ...over,
});
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const titles = (r: Result<BannersResult>): string[] => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.items.map((b) => b.title);
};

beforeAll(async () => {
  t = await givenLocalCloud();
  HAISHU = { openid: (await givenAdminOf(t, 'nb-hs')).openid };
  STREET = { openid: (await givenAdminOf(t, 'nb-bl-xq')).openid };
});
afterAll(async () => t?.close());

it('a member sees the own chain’s banners, own union first; a guest and a 海曙 member only the city’s', async () => {
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { persona: 'member' }))).toEqual([
    '北仑暑托班开始报名',
    '“奋进北仑”职工健步走',
    '周五福利 每周五 10:00 开抢',
  ]);
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, 'anonymous'))).toEqual(['周五福利 每周五 10:00 开抢']);
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { persona: 'guest' }))).toEqual(['周五福利 每周五 10:00 开抢']);
  await t.db
    .collection('users')
    .doc('o_banner_haishu')
    .set({
      openid: 'o_banner_haishu',
      nameMasked: '海*',
      memberStatus: 'verified',
      unionId: 'nb-hs-nm-ly',
      unionAncestors: ['nb', 'nb-hs', 'nb-hs-nm', 'nb-hs-nm-ly'],
      tags: [],
      cardNo: null,
      adminUnionIds: [],
      follows: [],
    });
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { openid: 'o_banner_haishu' }))).toEqual([
    '周五福利 每周五 10:00 开抢',
  ]);
});

it('an admin puts a banner up for the own union; it shows in its window only, last in the union’s order', async () => {
  const later = await t.call<AdminBannerResult>(
    'system',
    'adminCreateBanner',
    banner({ title: '下周才展示', startAt: wall(48) }),
    DISTRICT,
  );
  expect(later).toMatchObject({ ok: true, data: { banner: { state: 'scheduled', linkLabel: '页面：疗休养' } } });
  const now = await t.call<AdminBannerResult>('system', 'adminCreateBanner', banner(), DISTRICT);
  expect(now).toMatchObject({ ok: true, data: { banner: { state: 'live', sort: 3, unionId: 'nb-bl' } } });
  const seen = titles(await t.call<BannersResult>('system', 'banners', {}, { persona: 'member' }));
  expect(seen).toEqual(['北仑暑托班开始报名', '“奋进北仑”职工健步走', '北仑职工运动会', '周五福利 每周五 10:00 开抢']);
  // A district banner is not seen by a 海曙 member.
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { openid: 'o_banner_haishu' }))).not.toContain('北仑职工运动会');
});

it('moving a banner up changes the carousel order; removing takes it off', async () => {
  const list = await t.call<AdminBannersResult>('system', 'adminBanners', { unionId: 'nb-bl' }, DISTRICT);
  if (!list.ok) throw new Error(JSON.stringify(list));
  const sports = list.data.items.find((b) => b.title === '北仑职工运动会')!;
  // The admin's order holds the banner still to come (下周才展示) as well.
  const once = await t.call<AdminBannersResult>('system', 'adminMoveBanner', { id: sports.id, direction: 'up' }, DISTRICT);
  expect(once.ok && once.data.items.map((b) => b.title)).toEqual([
    '北仑暑托班开始报名',
    '“奋进北仑”职工健步走',
    '北仑职工运动会',
    '下周才展示',
  ]);
  const twice = await t.call<AdminBannersResult>('system', 'adminMoveBanner', { id: sports.id, direction: 'up' }, DISTRICT);
  expect(twice.ok && twice.data.items.map((b) => b.title)).toEqual([
    '北仑暑托班开始报名',
    '北仑职工运动会',
    '“奋进北仑”职工健步走',
    '下周才展示',
  ]);
  // At the top nothing moves.
  const top = await t.call<AdminBannersResult>('system', 'adminMoveBanner', { id: 'bn_seed_bl_daycare', direction: 'up' }, DISTRICT);
  expect(top.ok && top.data.items[0].title).toBe('北仑暑托班开始报名');
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { persona: 'member' })).slice(0, 3)).toEqual([
    '北仑暑托班开始报名',
    '北仑职工运动会',
    '“奋进北仑”职工健步走',
  ]);
  expect(await t.call('system', 'adminRemoveBanner', { id: sports.id }, DISTRICT)).toEqual({ ok: true, data: { removed: true } });
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { persona: 'member' }))).not.toContain('北仑职工运动会');
});

it('an admin cannot put up, move or remove another subtree’s banner, and nothing changes', async () => {
  expect(code(await t.call('system', 'adminCreateBanner', banner(), HAISHU))).toBe('PUBLISH_OWN_UNION_ONLY');
  // A street admin speaks for the street union only, not for the district above it.
  expect(code(await t.call('system', 'adminCreateBanner', banner(), STREET))).toBe('PUBLISH_OWN_UNION_ONLY');
  expect(await t.call('system', 'adminMoveBanner', { id: 'bn_seed_bl_daycare', direction: 'down' }, HAISHU)).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await t.call('system', 'adminRemoveBanner', { id: 'bn_seed_bl_daycare' }, HAISHU)).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  // …and answers a banner of another subtree exactly like one that does not exist.
  expect(await t.call('system', 'adminMoveBanner', { id: 'bn_nope', direction: 'down' }, HAISHU)).toEqual(
    await t.call('system', 'adminMoveBanner', { id: 'bn_seed_bl_daycare', direction: 'down' }, HAISHU),
  );
  expect(code(await t.call('system', 'adminBanners', { unionId: 'nb-bl' }, HAISHU))).toBe('OUT_OF_SCOPE');
  const own = await t.call<AdminBannersResult>('system', 'adminBanners', {}, HAISHU);
  expect(own).toEqual({ ok: true, data: { items: [] } });
  expect(titles(await t.call<BannersResult>('system', 'banners', {}, { persona: 'member' }))[0]).toBe('北仑暑托班开始报名');
  expect(code(await t.call('system', 'adminCreateBanner', banner(), { persona: 'member' }))).toBe('NOT_UNION_ADMIN');
});

it('the link must stay inside the app and open something the members can open', async () => {
  const refused = async (link: unknown) => {
    const r = await t.call('system', 'adminCreateBanner', banner({ link }), DISTRICT);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  };
  await refused({ kind: 'page', id: 'evil' });
  await refused({ kind: 'post', id: 'p_nope' });
  await refused({ kind: 'drop', id: 'd_nope' });
  await refused({ kind: 'url', id: 'x' });
  await refused({ kind: 'page', id: 'https://evil.example' });
  // A post of another subtree (海曙) is not offered to 北仑's members.
  await t.db
    .collection('posts')
    .doc('p_banner_hs')
    .set({
      unionId: 'nb-hs',
      unionName: '海曙区总工会',
      unionAncestors: ['nb', 'nb-hs'],
      kind: 'article',
      title: '海曙文章',
      status: 'published',
    });
  await refused({ kind: 'post', id: 'p_banner_hs' });
  await t.db
    .collection('posts')
    .doc('p_banner_draft')
    .set({ unionId: 'nb-bl', unionName: '北仑区总工会', unionAncestors: ['nb', 'nb-bl'], kind: 'article', title: '草稿', status: 'draft' });
  await refused({ kind: 'post', id: 'p_banner_draft' });
  // A post of the city (above the banner's union) is fine.
  await t.db
    .collection('posts')
    .doc('p_banner_city')
    .set({ unionId: 'nb', unionName: '宁波市总工会', unionAncestors: ['nb'], kind: 'article', title: '市总文章', status: 'published' });
  const city = await t.call<AdminBannerResult>(
    'system',
    'adminCreateBanner',
    banner({ link: { kind: 'post', id: 'p_banner_city' } }),
    DISTRICT,
  );
  expect(city).toMatchObject({ ok: true, data: { banner: { linkLabel: '文章：市总文章' } } });
  if (city.ok) await t.call('system', 'adminRemoveBanner', { id: city.data.banner.id }, DISTRICT);
});

it('bad windows, pictures and too many banners are structured errors and write nothing', async () => {
  const before = (await t.db.collection('banners').count()).total;
  const bad = async (over: Record<string, unknown>, message: RegExp) => {
    const r = await t.call('system', 'adminCreateBanner', banner(over), DISTRICT);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error.message).toMatch(message);
  };
  await bad({ endAt: wall(-2), startAt: wall(-3) }, /晚于当前时间/);
  await bad({ startAt: wall(5), endAt: wall(2) }, /晚于开始展示时间/);
  await bad({ endAt: wall(24 * 100) }, /最长展示/);
  await bad({ image: 'javascript:alert(1)' }, /图片/);
  await bad({ image: 'cloud://env.bucket/covers/nb-hs/202612/p_0123456789ab_0123456789abcdef0123.png' }, /图片/);
  expect((await t.db.collection('banners').count()).total).toBe(before);
  // Up to five banners not yet ended per union.
  const made: string[] = [];
  for (let i = 0; ; i += 1) {
    const r = await t.call<AdminBannerResult>('system', 'adminCreateBanner', banner({ title: `第 ${i} 张` }), DISTRICT);
    if (!r.ok) {
      expect(r.error.message).toMatch(/已有 5 张/);
      break;
    }
    made.push(r.data.banner.id);
  }
  const live = await t.call<AdminBannersResult>('system', 'adminBanners', { unionId: 'nb-bl' }, DISTRICT);
  expect(live.ok && live.data.items.filter((b) => b.state !== 'ended').length).toBe(5);
  for (const id of made) await t.call('system', 'adminRemoveBanner', { id }, DISTRICT);
});
