/**
 * Venues and search in the H5 build against the real local cloud:
 * 周海燕 publishes a drop with its 兑换地点 on 发布福利 → 王建国 sees it on the card with 查看位置,
 * which in a browser (no WeChat map) opens AMap's marker page at the position in a new tab;
 * the seeded film drop too. Then 活动 → 搜索: a blank search is answered on the page, 电影
 * finds this week's drop and the post, and the drop row leads to the 福利 tab.
 */
import type { Page } from 'playwright-core';
import { confirmModal, openAs, shot, useAppAndBrowser } from './harness';

const e2e = useAppAndBrowser();

/** Record window.open instead of opening a tab (the sandbox has no internet). */
async function recordOpens(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __opened: string[] };
    w.__opened = [];
    window.open = ((url?: string | URL) => {
      w.__opened.push(String(url));
      return null;
    }) as typeof window.open;
  });
}
const opened = (page: Page) => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);

it('a drop published with its venue shows where to redeem; 查看位置 opens the map at the position', async () => {
  const title = '港城音乐节门票 e2e';
  const admin = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/benefit/create/index');
  await admin.locator('input[placeholder="如：10GB 流量包"]').fill(title);
  await admin.locator('input[placeholder="如：北仑区职工服务中心"]').fill('宁波文化广场大剧院');
  await admin.getByText('发布', { exact: true }).click();
  // Half a venue is answered on the page before anything is sent.
  await admin.getByText('请填写兑换地址（至少 4 个字）').waitFor();
  await confirmModal(admin);
  await admin.locator('input[placeholder="如：北仑区明州路 600 号一楼"]').fill('鄞州区宁穿路 1900 号');
  await admin.locator('input[placeholder="如：周一至周五 9:00–17:00"]').fill('演出日 18:00–21:00');
  await admin.locator('input[placeholder="选填，如：0574-86881234"]').fill('0574-87001234');
  await admin.locator('input[placeholder="选填，如：29.9003"]').fill('29.8601');
  await admin.locator('input[placeholder="选填，如：121.8447"]').fill('121.6022');
  await shot(admin, 'venues-admin-create');
  await admin.getByText('发布', { exact: true }).click();
  await admin.getByText('已发布').first().waitFor();

  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/benefits/index');
  const card = member.locator('.drop', { hasText: title });
  await card.waitFor();
  await card.getByText('宁波文化广场大剧院').waitFor();
  await card.getByText('时间：演出日 18:00–21:00').waitFor();
  await card.getByText('电话：0574-87001234').waitFor();
  await shot(member, 'venues-drop-card');
  await recordOpens(member);
  await card.getByText('查看位置', { exact: true }).click();
  await member.waitForFunction(() => (window as unknown as { __opened: string[] }).__opened.length > 0);
  expect(await opened(member)).toHaveLength(1);
  const url = new URL((await opened(member))[0]);
  expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker');
  expect(url.searchParams.get('position')).toBe('121.6022,29.8601');
  expect(url.searchParams.get('name')).toBe('宁波文化广场大剧院');

  // The seeded film drop says where to redeem, and the 流量 drop (sent to the phone) does not.
  const film = member.locator('.drop', { hasText: '0元看大片' });
  await film.getByText('宁波鄞州万达影城').waitFor();
  expect(await member.locator('.drop', { hasText: '10GB 通用流量包' }).locator('.venue').count()).toBe(0);
});

it("搜索 on the 活动 tab finds this week's drop and the post, and the drop leads to 福利", async () => {
  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/activities/index');
  await member.getByText('搜索活动、资讯、福利', { exact: true }).click();
  const input = member.locator('input[placeholder="搜索活动、资讯、福利"]');
  await input.waitFor();
  await member.getByText('输入关键词开始搜索').waitFor();
  await member.locator('.sr-go').click();
  await member.getByText('请输入要找的内容，如：观影、疗休养、北仑').waitFor();

  await input.fill('电影');
  await member.locator('.sr-go').click();
  const drop = member.locator('.sr-drop', { hasText: '0元看大片' });
  await drop.waitFor();
  await member.locator('.sr-post .post-card', { hasText: '电影票限量免费领' }).waitFor();
  await shot(member, 'venues-search');

  await input.fill('没有这个词');
  await member.locator('.sr-go').click();
  await member.getByText('本周没有相关的福利').waitFor();
  await member.getByText('没有相关的活动或资讯').waitFor();

  await input.fill('电影');
  await member.locator('.sr-go').click();
  await member.locator('.sr-drop', { hasText: '0元看大片' }).click();
  await member.locator('.drop', { hasText: '0元看大片' }).waitFor();
  expect(member.url()).toContain('#/pages/benefits/index');
});
