/**
 * Issue #14 "Missing" part 2 under the weapp runtime (WeChat's wcc templates, Taro's weapp
 * runtime): the home carousel of union banners (a real <swiper>, a tap opens the linked post),
 * the service-grid icons, 联系工会's one-tap call and copy, and 常见问题 folding and search.
 */
import { weappSuite } from './harness/suite';

const suite = weappSuite();

it('the home page shows the member’s union banners in a swiper, own union first; a tap opens the linked post', async () => {
  suite.mp.as('member');
  const home = await suite.mp.open('/pages/index/index');
  await home.waitFor('.home-banner__slide');
  expect(home.all('wx-swiper.home-banner')).toHaveLength(1);
  expect(home.all('.home-banner__title').map((el) => el.textContent)).toEqual([
    '北仑暑托班开始报名',
    '“奋进北仑”职工健步走',
    '周五福利 每周五 10:00 开抢',
  ]);
  // The static welcome banner is gone once banners are there.
  expect(home.find('.home-banner--static')).toBeNull();
  // Every service has a drawn icon, no single-character badge.
  const icons = home.all('.home__grid-icon');
  expect(icons).toHaveLength(8);
  for (const icon of icons) expect(String(home.prop(icon, 'src'))).toMatch(/^data:image\/png;base64,|\.png$/);
  await home.tap(home.get('.home-banner__slide', '奋进北仑'));
  const post = await suite.mp.waitForRoute('packages/content/post/index');
  await post.waitForText('“奋进北仑”职工健步走活动报名啦');
});

it('a guest without banners of an own union sees the city’s; with none at all, the static banner stands in', async () => {
  suite.mp.as('guest');
  const home = await suite.mp.open('/pages/index/index');
  await home.waitFor('.home-banner__slide');
  expect(home.all('.home-banner__title').map((el) => el.textContent)).toEqual(['周五福利 每周五 10:00 开抢']);
  await home.tap(home.get('.home-banner__slide'));
  await suite.mp.waitForRoute('pages/benefits/index');

  await suite.cloud.db.collection('banners').doc('bn_seed_nb_friday').remove();
  const empty = await suite.mp.open('/pages/index/index');
  await empty.waitFor('.hero__title', '甬工惠');
  await empty.settled();
  expect(empty.find('.home-banner__slide')).toBeNull();
});

it('联系工会 shows the nearest union office; 拨打电话 asks WeChat to call it and 复制地址 copies the address', async () => {
  suite.mp.as('member');
  const page = await suite.mp.open('/packages/help/contact/index');
  await page.waitFor('.contact-union', '新碶街道总工会');
  expect(page.text()).toContain('以下是上级工会的联系方式');
  await page.tap('.contact-call');
  const call = await suite.mp.asks.next('makePhoneCall');
  expect(call.args.phoneNumber).toBe('057486861234');
  call.answer({});
  await page.tap('.contact-copy');
  expect(suite.mp.records.filter((r) => r.kind === 'clipboard').map((r) => r.detail)).toEqual(['宁波市北仑区新碶街道新大路 1180 号']);
  expect(suite.mp.toasts().map((t) => t.title)).toContain('地址已复制');
  // Cancelling the call sheet is not an error.
  await page.tap('.contact-call');
  (await suite.mp.asks.next('makePhoneCall')).fail('makePhoneCall:fail cancel');
  await page.settled();
});

it('常见问题 opens an answer on tap, and search keeps only matching questions', async () => {
  suite.mp.as('guest');
  const page = await suite.mp.open('/packages/help/faq/index');
  await page.waitFor('.help-item__q', '周五福利怎么领');
  expect(page.text()).not.toContain('默认在周五 10:00 开抢');
  await page.tap(page.get('.help-item__q', '周五福利怎么领'));
  await page.waitForText('默认在周五 10:00 开抢');
  await page.input('.help-search__input', '抽签 候补');
  // A search shows the matching answers unfolded, and nothing else.
  await page.waitForText('从第一档起依次公开抽签录取');
  expect(page.all('.help-item__q-text').map((el) => el.textContent)).toEqual(['名额不够时怎么抽签？没抽中怎么办？']);
  await page.input('.help-search__input', '火星签证');
  await page.waitFor('.state__title', '没有找到相关问题');
});
