/**
 * Venues in the weapp runtime (components/VenueCard.tsx): on 福利 the film drop's 兑换地点 opens
 * WeChat's map at its position (wx.openLocation with latitude, longitude, name, address) and
 * 拨打电话 asks WeChat's dialler (wx.makePhoneCall with digits only); a day-care site without a
 * position copies its address instead (wx.setClipboardData). 搜索 finds the drop and the post.
 */
import { weappSuite } from './harness/suite';

const suite = weappSuite();

const FILM = '0元看大片';

it('a drop with a position opens the map there, and 拨打电话 asks the dialler with the number', async () => {
  suite.mp.as('member');
  const benefits = await suite.mp.open('/pages/benefits/index');
  const card = await benefits.waitFor('.drop', FILM);
  expect(card.textContent).toContain('兑换地点');
  expect(card.textContent).toContain('宁波鄞州万达影城');
  expect(card.textContent).toContain('每天 10:00–23:00');
  await benefits.tap(card.querySelector('.venue__btn--map')!, '查看位置');
  await suite.mp.idle();
  const opened = suite.mp.records.filter((r) => r.kind === 'openLocation');
  expect(opened.map((r) => r.detail)).toEqual([
    { latitude: 29.8196, longitude: 121.5589, name: '宁波鄞州万达影城', address: '鄞州区四明中路 999 号 鄞州万达广场 4 楼', scale: 17 },
  ]);

  await benefits.tap(benefits.get('.drop', FILM).querySelector('.venue__btn--call')!, '拨打电话');
  const call = await suite.mp.asks.next('makePhoneCall');
  expect(call.args).toMatchObject({ phoneNumber: '057488263366' });
  call.fail('makePhoneCall:fail cancel'); // the person cancels: nothing else happens
  await suite.mp.idle();
  expect(suite.mp.errors).toEqual([]);
});

it('the 流量 drop (arrives on the phone) has no venue card', async () => {
  suite.mp.as('member');
  const benefits = await suite.mp.open('/pages/benefits/index');
  const card = await benefits.waitFor('.drop', '10GB 通用流量包');
  expect(card.querySelector('.venue')).toBeNull();
});

it('a day-care site without a position copies its address; one with a position opens the map', async () => {
  suite.mp.as('parent');
  const page = await suite.mp.open('/packages/daycare/index/index');
  const site = await page.waitFor('.dc-site', '新碶社区文艺暑托班');
  await page.tap(site.querySelector('.venue__btn--map')!, '复制地址');
  await suite.mp.idle();
  expect(suite.mp.records.filter((r) => r.kind === 'clipboard').at(-1)?.detail).toBe('北仑区新碶街道太河路 66 号 社区活动中心');
  expect(suite.mp.toasts().at(-1)?.title).toBe('地址已复制，可粘贴到地图中查找');

  await page.tap(page.get('.dc-site', '大碶街道文艺暑托班').querySelector('.venue__btn--map')!, '查看位置');
  await suite.mp.idle();
  expect(suite.mp.records.filter((r) => r.kind === 'openLocation').at(-1)?.detail).toMatchObject({
    latitude: 29.8857,
    longitude: 121.7961,
    name: '大碶街道文艺暑托班',
  });
});

it("搜索 from the 活动 tab finds this week's drop and the post, and a blank keyword is answered on the page", async () => {
  suite.mp.as('member');
  const feed = await suite.mp.open('/pages/activities/index');
  await feed.tap('.feed__search');
  await suite.mp.idle();
  expect(suite.mp.current.route).toBe('packages/content/search/index');
  const search = suite.mp.current;
  await search.tap('.sr-go', '搜索');
  await search.waitFor('.sr-problem', '请输入要找的内容');

  await search.input(search.get('.sr-bar').querySelector('wx-input')!, '电影');
  await search.tap('.sr-go', '搜索');
  await search.waitFor('.sr-drop', FILM);
  await search.waitFor('.post-card', '电影票限量免费领');
  await search.settled();
  expect(search.find('.state--error')).toBeNull();
});
