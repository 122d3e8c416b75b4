/**
 * Issue #14 "Missing" part 2 in the H5 build against the real local cloud: the home carousel of
 * union banners (pictures served from storage, a tap opens the linked page), a banner the district
 * admin puts up on 工作台 → 首页轮播图 reaching a member's home page, 常见问题 (fold, search) and
 * 联系工会 (the nearest union office, copy the address).
 */
import { openAs, shot, useAppAndBrowser, confirmModal } from './harness';
import { pngBytes } from '../scenarios/images';

const e2e = useAppAndBrowser();

it('a member’s home carousel shows the own district’s banners first, with pictures, and a tap opens the link', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'member', '/pages/index/index');
  const titles = page.locator('.home-banner__title');
  await titles.first().waitFor();
  expect(await titles.allTextContents()).toEqual(['北仑暑托班开始报名', '“奋进北仑”职工健步走', '周五福利 每周五 10:00 开抢']);
  // The seeded pictures load from local storage (naturalWidth > 0 once decoded).
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.home-banner__img img')].every((img) => (img as HTMLImageElement).naturalWidth > 0),
  );
  expect(await page.locator('.home__grid-icon img').count()).toBe(8);
  await shot(page, 'home-carousel');
  await page.locator('.home-banner__slide', { hasText: '北仑暑托班开始报名' }).click();
  await page.waitForURL(/packages\/daycare\/index\/index/);
});

it('the district admin puts up a banner for a page; the member sees it in the carousel; removing takes it off', async () => {
  const admin = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/home/banners/index');
  await admin.locator('.hm-banner__title', { hasText: '北仑暑托班开始报名' }).waitFor();
  // Without a picture nothing is sent.
  await admin.locator('.hm-title input').fill('北仑职工疗休养开始申报');
  await admin.locator('.hm-page-recuperation').click();
  await admin.getByText('添加轮播图', { exact: true }).last().click();
  await admin.locator('.hm-error', { hasText: '请上传轮播图图片' }).waitFor();
  const chooser = admin.waitForEvent('filechooser');
  await admin.getByText('选择图片', { exact: true }).click();
  await (await chooser).setFiles({ name: 'banner.png', mimeType: 'image/png', buffer: pngBytes(150, 60, [40, 120, 200]) });
  await admin.getByText('更换', { exact: true }).waitFor();
  await admin.getByText('添加轮播图', { exact: true }).last().click();
  await admin.locator('.hm-done', { hasText: '「北仑职工疗休养开始申报」已添加' }).waitFor();
  await admin.locator('.hm-banner__title', { hasText: '北仑职工疗休养开始申报' }).waitFor();
  await shot(admin, 'admin-banners');

  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/index/index');
  await member.locator('.home-banner__title', { hasText: '北仑职工疗休养开始申报' }).waitFor();
  await member.locator('.home-banner__slide', { hasText: '北仑职工疗休养开始申报' }).click({ force: true });
  await member.waitForURL(/packages\/recuperation\/index\/index/);

  const row = admin.locator('.hm-banner', { hasText: '北仑职工疗休养开始申报' });
  await row.locator('.hm-remove').click();
  await confirmModal(admin);
  await admin.locator('.hm-banner__title', { hasText: '北仑职工疗休养开始申报' }).waitFor({ state: 'detached' });
  const again = await openAs(e2e.browser, e2e.app, 'member', '/pages/index/index');
  await again.locator('.home-banner__title').first().waitFor();
  expect(await again.locator('.home-banner__title').allTextContents()).not.toContain('北仑职工疗休养开始申报');
});

it('常见问题 folds answers until tapped and searches; 联系工会 shows the nearest office and copies its address', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'guest', '/pages/index/index');
  await page.locator('.home__grid-item', { hasText: '常见问题' }).click();
  const q = page.locator('.help-item__q', { hasText: '兑换码怎么核销？过期了还能用吗？' });
  await q.waitFor();
  await expect(page.getByText('默认为福利结束后 30 天').count()).resolves.toBe(0);
  await q.click();
  await page.getByText('默认为福利结束后 30 天', { exact: false }).waitFor();
  await page.locator('.help-search__input input').fill('注销');
  await page.locator('.help-item__q', { hasText: '怎么注销账号' }).waitFor();
  await expect(page.locator('.help-item__q', { hasText: '怎么加入工会' }).count()).resolves.toBe(0);
  await shot(page, 'help-faq');
  await page.locator('.help-search__input input').fill('火星签证');
  await page.locator('.state__action', { hasText: '联系工会' }).click();
  // A guest gets the top union's office.
  await page.locator('.contact-union', { hasText: '宁波市总工会' }).waitFor();
  await page.getByText('0574-87361234').waitFor();

  const member = await openAs(e2e.browser, e2e.app, 'member', '/packages/help/contact/index');
  await member.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await member.locator('.contact-union', { hasText: '新碶街道总工会' }).waitFor();
  await member.getByText('以下是上级工会的联系方式', { exact: false }).waitFor();
  await member.locator('.contact-copy').click();
  await member.getByText('地址已复制').waitFor();
  await shot(member, 'help-contact');
});
