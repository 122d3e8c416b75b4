/**
 * 注销账号 end to end in the H5 build against the real local cloud: 周海燕 (a union admin) is told
 * why she cannot delete her account; 李秀梅 (a member and parent) goes 我的 → 账号与隐私 → 注销账号,
 * reads what is deleted and what the union keeps, types 注销 and is a guest afterwards, her
 * membership still in the roster (unclaimed).
 */
import tcb from '@cloudbase/node-sdk';
import { openAs, shot, useAppAndBrowser } from './harness';
import { personaById } from '../../scripts/local-cloud/demo/personas';

const e2e = useAppAndBrowser();

it('an admin is told what blocks it and nothing happens', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/member/account/index');
  await page.getByText('注销账号', { exact: true }).last().click();
  await page.getByText('暂时不能注销').waitFor();
  await page.locator('.macct__item--block', { hasText: '「北仑区总工会」的管理员' }).waitFor();
  expect(await page.getByText('确认注销').count()).toBe(0);
  await page.context().close();
});

it('a member deletes the account from 我的 and comes back as a guest; the membership stays with the union', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'parent', '/pages/mine/index');
  await page.locator('.link-row', { hasText: '账号与隐私' }).click();
  // 我的 stays underneath in the H5 page stack: look inside the new page only.
  const account = page.locator('.member-account');
  await account.getByText('用户隐私保护指引', { exact: true }).waitFor();
  await account.getByText('注销账号', { exact: true }).last().click();

  await page.getByText('将删除', { exact: true }).waitFor();
  await page.locator('.macct__item', { hasText: '暑托班：孩子信息' }).waitFor();
  await page.locator('.macct__warn', { hasText: '注销不会删除会员身份' }).waitFor();
  await shot(page, 'account-preview');
  await page.getByText('下一步', { exact: true }).click();

  // The button stays disabled until exactly 注销 is typed.
  await page.locator('input[placeholder="注销"]').fill('删除');
  await page.locator('.mbtn.ui-btn--disabled', { hasText: '确认注销' }).waitFor();
  await page.locator('input[placeholder="注销"]').fill('注销');
  await page.locator('.mbtn:not(.ui-btn--disabled)', { hasText: '确认注销' }).click();
  await page.getByText('账号已注销').waitFor();
  await shot(page, 'account-done');

  await page.getByText('返回首页', { exact: true }).click();
  await page.getByText('您好，微信用户').waitFor();

  // The union's roster still has her card, no longer bound to a WeChat account.
  const db = tcb
    .init({ env: 'local', serviceUrl: e2e.app.dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0])
    .database();
  const openid = personaById('parent')!.openid;
  expect((await db.collection('users').doc(openid).get()).data).toEqual([]);
  expect((await db.collection('members').where({ openid }).count()).total).toBe(0);
  expect((await db.collection('members').where({ nameMasked: '李*梅', openid: null }).count()).total).toBe(1);
  await page.context().close();
});
