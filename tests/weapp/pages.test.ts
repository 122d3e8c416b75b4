/**
 * Every page of dist/weapp/app.json (main package and every subpackage) opens in the weapp runtime
 * (WeChat's wcc templates, Taro's weapp runtime) with real data from a seeded local cloud, as the
 * person it is meant for, and
 * - throws nothing and logs no console.error, calls no wx API the harness does not model;
 * - renders something (not an empty page) and leaves no skeleton or error state behind;
 * - survives a pull-down refresh (pages that enable it) and being closed.
 * Pages that need a query get real ids from the seeded data.
 */
import { givenLocalCloud, type TestCloud } from '../scenarios/cloud';
import { allRoutes, bootWeapp, type Weapp } from './harness/miniapp';

let cloud: TestCloud;
let mp: Weapp;
const queries = new Map<string, string>();

/** Whose page it is: admins' pages for the district admin, day-care for a parent, joining for a guest. */
function personaFor(route: string): string {
  if (route.startsWith('packages/admin/')) return 'district_admin';
  if (route === 'packages/daycare/staff/index') return 'member'; // 王建国 is named staff of the 新碶 site
  if (route.startsWith('packages/daycare/')) return 'parent';
  if (['packages/member/join/index', 'packages/member/status/index', 'packages/member/claim/index'].includes(route)) return 'guest';
  return 'member';
}

async function data<T>(fn: string, action: string, payload: object, persona: string): Promise<T> {
  const res = await cloud.call<T>(fn, action, payload, { persona });
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

beforeAll(async () => {
  cloud = await givenLocalCloud();
  mp = await bootWeapp(cloud.cloud.appUrl);
  const { drops } = await data<{ drops: Array<{ id: string }> }>('benefit', 'adminList', {}, 'district_admin');
  const { items: posts } = await data<{ items: Array<{ id: string; kind: string; status: string }> }>(
    'content',
    'adminList',
    {},
    'district_admin',
  );
  const { batches } = await data<{ batches: Array<{ id: string }> }>('recuperation', 'listBatches', {}, 'member');
  const activity = posts.find((p) => p.kind === 'activity' && p.status === 'published') ?? posts[0];
  queries.set('packages/admin/benefit/figures/index', `dropId=${drops[0].id}`);
  queries.set('packages/admin/content/edit/index', `id=${activity.id}`);
  queries.set('packages/admin/content/roster/index', `id=${activity.id}`);
  queries.set('packages/content/post/index', `id=${activity.id}`);
  queries.set('packages/content/union/index', 'id=nb-bl');
  queries.set('packages/content/notice/index', 'id=notice-1');
  queries.set('packages/content/search/index', `q=${encodeURIComponent('电影')}`);
  queries.set('packages/recuperation/batch/index', `id=${batches[0].id}`);
});

afterAll(async () => {
  await mp?.close();
  await cloud?.close();
});

const routes = allRoutes();

it('app.json lists the main package and every subpackage', () => {
  expect(routes.length).toBeGreaterThanOrEqual(44);
  expect(routes).toContain('pages/index/index');
  expect(routes).toContain('packages/admin/dashboard/index');
});

it.each(routes)('%s renders as its user, with no error', async (route) => {
  const errorsBefore = mp.errors.length;
  mp.as(personaFor(route));
  const query = queries.get(route);
  const page = await mp.open(`/${route}${query ? `?${query}` : ''}`);

  const text = page.text();
  expect(text.length).toBeGreaterThan(10);
  expect(page.all('[aria-busy="true"]')).toHaveLength(0);
  expect({ route, errorState: page.find('.state--error')?.textContent ?? null }).toEqual({ route, errorState: null });

  const config = require(`../../dist/weapp/${route}.json`) as { enablePullDownRefresh?: boolean };
  if (config.enablePullDownRefresh) {
    await page.pullDown();
    await page.settled();
    expect(page.find('.state--error')).toBeNull();
  }

  await mp.open('/pages/privacy/index'); // closes the page (onUnload, React unmount)
  expect({ route, errors: mp.errors.slice(errorsBefore) }).toEqual({ route, errors: [] });
  expect({ route, unknownWx: mp.fake.unknown }).toEqual({ route, unknownWx: [] });
  expect({ route, unanswered: mp.asks.pending().map((a) => a.api) }).toEqual({ route, unanswered: [] });
});

it('the harness refuses what WeChat refuses, and an unmodelled wx API throws and is listed', async () => {
  mp.as('member');
  await mp.open('/pages/index/index');
  const wx = mp.fake.wx as Record<string, (o?: object) => Promise<unknown>>;
  await expect(wx.navigateTo({ url: '/pages/mine/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail can not navigateTo a tabbar page' });
  await expect(wx.switchTab({ url: '/packages/member/card/index' })).rejects.toEqual({
    errMsg: 'switchTab:fail can not switch to no-tabBar page',
  });
  await expect(wx.navigateTo({ url: '/packages/nowhere/index' })).rejects.toEqual({
    errMsg: 'navigateTo:fail page "packages/nowhere/index" is not found',
  });
  await expect(wx.navigateBack()).rejects.toEqual({ errMsg: 'navigateBack:fail cannot navigate back at first page.' });
  expect(() => wx.getLocation()).toThrow('wx.getLocation is not modelled by the weapp harness');
  expect(mp.fake.unknown).toEqual(['getLocation']);
  mp.fake.unknown.length = 0;
  // navigateTo then navigateBack: the first page is shown again, with onShow.
  await wx.navigateTo({ url: '/packages/member/card/index' });
  expect(mp.stack.map((p) => p.route)).toEqual(['pages/index/index', 'packages/member/card/index']);
  await wx.navigateBack();
  expect(mp.stack.map((p) => p.route)).toEqual(['pages/index/index']);
});
