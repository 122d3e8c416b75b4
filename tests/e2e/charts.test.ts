/**
 * The shared chart component (components/charts, AntV F2) in the real H5 build: the union admin's
 * workbench draws its overview bar chart on a <canvas>, and only union admins are offered the page.
 * Screenshot: test-results/charts-dashboard.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAs, useAppAndBrowser } from './harness';

const SHOTS = join(__dirname, '../../test-results');

const e2e = useAppAndBrowser();

/** A phone page acting as one seeded persona (the H5 demo keeps the choice in localStorage). */

/** Pixels of the chart canvas: how many are painted, and how many are the theme red (#d7000f). */
async function canvasInk(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('taro-canvas-core canvas') as HTMLCanvasElement | null;
    if (!canvas) return null;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted += 1;
      if (Math.abs(data[i] - 215) < 12 && data[i + 1] < 20 && Math.abs(data[i + 2] - 15) < 12) red += 1;
    }
    return { width: canvas.width, height: canvas.height, painted, red };
  });
}

/** F2 renders after the selector query resolves: wait until the red bars are there (or give up). */
async function waitForInk(page: Page) {
  const deadline = Date.now() + 10_000;
  let ink = await canvasInk(page);
  while ((ink?.red ?? 0) <= 500 && Date.now() < deadline) {
    await page.waitForTimeout(100);
    ink = await canvasInk(page);
  }
  expect(ink?.red ?? 0).toBeGreaterThan(500);
  return ink;
}

it('a union admin reaches the workbench from 我的 and sees the overview drawn on a canvas', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'district_admin', '/pages/mine/index', { deviceScaleFactor: 2 });
  await page.locator('.mine__admin', { hasText: '工会工作台' }).click();
  await page.locator('.hero__title', { hasText: '工会工作台' }).waitFor();
  await page.locator('.hero__sub', { hasText: '北仑区总工会管理员' }).waitFor();
  await page.locator('.chart__unit', { hasText: '单位：个 / 人' }).waitFor();
  for (const entry of ['入会审核', '周五福利', '暑托班', '职工疗休养', '活动与资讯']) {
    await page.locator('.admin-dash__entry-title', { hasText: entry }).waitFor();
  }

  // The figure is real data: both stat tiles show the live counts the chart draws.
  const values = await page.locator('.admin-dash__stat-value').allTextContents();
  expect(values).toHaveLength(2);
  for (const v of values) expect(Number(v)).toBeGreaterThan(0);

  // F2 has drawn: a hi-dpi canvas (2× the CSS size) with axes, labels and red bars.
  const ink = await waitForInk(page);
  const box = await page.locator('taro-canvas-core canvas').boundingBox();
  expect(box).not.toBeNull();
  expect(ink!.width).toBe(Math.round(box!.width) * 2);
  expect(ink!.height).toBe(200 * 2);
  expect(ink!.painted).toBeGreaterThan(ink!.red);

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'charts-dashboard.png'), fullPage: true });
  await page.context().close();
});

it('members are not offered the workbench, and opening it directly explains who may use it', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'member', '/pages/mine/index', { deviceScaleFactor: 2 });
  await page.locator('.mine__name').waitFor();
  await page.getByText('用户隐私保护指引', { exact: true }).waitFor();
  expect(await page.locator('.mine__admin').count()).toBe(0);

  await page.goto(`${e2e.app.url}/#/packages/admin/dashboard/index`);
  await page.getByText('仅工会管理员可使用工作台').waitFor();
  expect(await page.locator('taro-canvas-core').count()).toBe(0);
  await page.context().close();
});
