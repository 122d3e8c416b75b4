/**
 * Publishing to followers end to end in the H5 build against the real local cloud:
 * 周海燕 (北仑区总工会) publishes an activity with online sign-up → 王建国, who follows his
 * union chain, sees it in the 活动 feed, opens it (the body renders from the sanitised node tree:
 * an injected handler never runs), signs up (the H5 stand-in for WeChat's subscribe dialog
 * appears) → sees it under 我的 → 我的报名, and the in-app 消息 has the result.
 */
import { openAs, shot, useAppAndBrowser, confirmModal } from './harness';

const e2e = useAppAndBrowser();

const TITLE = '北仑区职工羽毛球友谊赛';

it('the district admin publishes an activity; a follower sees it, signs up, and finds it in 我的', async () => {
  const admin = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/content/edit/index?kind=activity');
  await admin.locator('input[placeholder="2–60 个字"]').fill(TITLE);
  await admin
    .locator('textarea[placeholder="请输入正文"]')
    .fill(
      '<p>欢迎职工朋友报名参赛。</p><img src="x" onerror="window.__xss = 1"><p onclick="window.__xss = 2">比赛设男子、女子和混合双打。</p>',
    );
  await admin.locator('input[placeholder="如：北仑区职工文化中心"]').fill('北仑区体育馆');
  await shot(admin, 'content-admin-edit');
  await admin.getByText('立即发布', { exact: true }).click();
  await confirmModal(admin);
  await admin.getByText('发布成功').first().waitFor();

  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/activities/index');
  const card = member.locator('.post-card', { hasText: TITLE });
  await card.waitFor();
  await card.getByText('报名中 · 余50').waitFor();
  await shot(member, 'content-feed');
  await card.click();

  await member.locator('.ct-title', { hasText: TITLE }).waitFor();
  await member.getByText('比赛设男子、女子和混合双打。').waitFor();
  await member.getByText('比赛设男子、女子和混合双打。').click();
  expect(await member.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await member.locator('.ct-body img, .ct-body script').count()).toBe(0);
  await shot(member, 'content-post');

  await member.getByText('立即报名', { exact: true }).click();
  // The H5 stand-in for WeChat's subscribe-message dialog.
  await member.getByText('消息订阅').waitFor();
  await shot(member, 'content-subscribe');
  await member.getByText('允许', { exact: true }).click();
  await member.locator('.ct-state', { hasText: '已报名' }).waitFor();
  await member.getByText('已报 1 / 50 人').waitFor();

  await member.goto(`${e2e.app.url}/#/pages/mine/index`);
  await member.locator('.link-row', { hasText: '我的报名' }).click();
  const mine = member.locator('.my-signup', { hasText: TITLE });
  await mine.waitFor();
  await mine.getByText('已报名').waitFor();
  await shot(member, 'content-mine');

  await member.goto(`${e2e.app.url}/#/packages/content/inbox/index`);
  await member.locator('.ct-notice', { hasText: '活动报名成功' }).waitFor();
  await shot(member, 'content-inbox');
});
