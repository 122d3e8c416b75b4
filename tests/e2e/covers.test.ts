/**
 * A cover photo end to end in the H5 build: 周海燕 (北仑区总工会) picks a PNG in the activity
 * editor (Taro.chooseImage → the browser's file chooser), it is uploaded to the local cloud's
 * storage through a slot and previewed; she publishes, and 王建国 sees the activity in his 活动
 * feed with the cover actually loaded from /api/storage.
 */
import type { Page } from 'playwright-core';
import { openAs, shot, useAppAndBrowser, confirmModal } from './harness';
import { pngBytes } from '../scenarios/images';

const e2e = useAppAndBrowser();

const TITLE = '北仑区职工摄影展开幕式';

/** Waits until the <img> inside `selector` has decoded a picture; returns its src and width. */
async function loadedImage(page: Page, selector: string): Promise<{ src: string; width: number }> {
  const img = page.locator(`${selector} img`).first();
  await img.waitFor({ state: 'attached' });
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
    await img.elementHandle(),
    { timeout: 15_000 },
  );
  return img.evaluate((el) => ({
    src: (el as HTMLImageElement).currentSrc || (el as HTMLImageElement).src,
    width: (el as HTMLImageElement).naturalWidth,
  }));
}

it('the admin picks a cover photo for an activity; a follower sees it loaded in the feed', async () => {
  const admin = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/content/edit/index?kind=activity');
  await admin.locator('input[placeholder="2–60 个字"]').fill(TITLE);
  await admin.locator('textarea[placeholder="请输入正文"]').fill('<p>欢迎职工朋友前来参观。</p>');
  await admin.locator('input[placeholder="如：北仑区职工文化中心"]').fill('北仑区职工文化中心');

  // A text file renamed .png: the e2e.browser cannot decode it, Taro hands back no file, the admin is
  // told in Chinese and no cover is set.
  let chooser = admin.waitForEvent('filechooser');
  await admin.getByText('选择图片', { exact: true }).click();
  await (await chooser).setFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await admin.getByText('无法读取所选图片，请换一张').waitFor();
  expect(await admin.getByText('更换', { exact: true }).count()).toBe(0);

  chooser = admin.waitForEvent('filechooser');
  await admin.getByText('选择图片', { exact: true }).click();
  await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: pngBytes(64, 40, [30, 120, 200]) });
  await admin.getByText('更换', { exact: true }).waitFor();
  await admin.getByText('移除', { exact: true }).waitFor();
  const preview = await loadedImage(admin, '.img-picker__preview');
  expect(preview.src).toMatch(/\/api\/storage\/covers\/nb-bl\/\d{6}\/p_[0-9a-f]{12}_[0-9a-f]{20}\.png$/);
  expect(preview.width).toBe(64);
  await shot(admin, 'content-admin-cover');

  await admin.getByText('立即发布', { exact: true }).click();
  await confirmModal(admin);
  await admin.getByText('发布成功').first().waitFor();

  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/activities/index');
  const card = member.locator('.post-card', { hasText: TITLE });
  await card.waitFor();
  const cover = await loadedImage(member, `.post-card:has-text("${TITLE}") .post-card__cover`);
  expect(cover.src).toBe(preview.src);
  expect(cover.width).toBe(64);
  await shot(member, 'content-feed-cover');

  // The post itself shows the same photo above its title.
  await card.click();
  const onPost = await loadedImage(member, '.ct-cover');
  expect(onPost).toEqual({ src: preview.src, width: 64 });
});

it('the admin picks a picture for a Friday drop; members see it on the 福利 tab', async () => {
  const title = `带图片的观影券 ${Date.now() % 10000}`;
  const admin = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/benefit/create/index');
  await admin.locator('input[name="title"], [name="title"] input').first().fill(title);
  const chooser = admin.waitForEvent('filechooser');
  await admin.getByText('选择图片', { exact: true }).click();
  await (await chooser).setFiles({ name: 'ticket.png', mimeType: 'image/png', buffer: pngBytes(30, 30, [240, 160, 0]) });
  await admin.getByText('更换', { exact: true }).waitFor();
  const preview = await loadedImage(admin, '.img-picker__preview');
  expect(preview.src).toMatch(/\/api\/storage\/covers\/nb-bl\/\d{6}\/d_[0-9a-f]{12}_[0-9a-f]{20}\.png$/);
  // 移除 then pick again: the preview goes away and comes back with a new upload.
  await admin.getByText('移除', { exact: true }).click();
  expect(await admin.locator('.img-picker__preview').count()).toBe(0);
  const again = admin.waitForEvent('filechooser');
  await admin.getByText('选择图片', { exact: true }).click();
  await (await again).setFiles({ name: 'ticket.png', mimeType: 'image/png', buffer: pngBytes(30, 30, [240, 160, 0]) });
  await admin.getByText('更换', { exact: true }).waitFor();
  const picked = await loadedImage(admin, '.img-picker__preview');
  expect(picked.src).not.toBe(preview.src);
  await admin.getByText('发布', { exact: true }).click();
  await admin.locator('.bf-claim', { hasText: title }).waitFor();

  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/benefits/index');
  const card = member.locator('.drop', { hasText: title });
  await card.waitFor();
  const pic = await loadedImage(member, `.drop:has-text("${title}") .drop__head`);
  expect(pic.src).toBe(picked.src);
  expect(pic.width).toBe(30);
  await shot(member, 'benefits-picture');
});
