/**
 * 管理员管理 end to end in the H5 build against the real local cloud: 周海燕 (北仑区总工会) opens it
 * from the 工会工作台, picks 宁波北仑港务有限公司工会 by name, looks 王建国's card up and makes him an
 * admin of it (second tap); 王建国 can now open the page and sees himself there; 周海燕 removes him
 * again with a reason (second tap), and his next visit says he is no admin.
 */
import type { Page } from 'playwright-core';
import { actAs, openAs, shot, useAppAndBrowser } from './harness';

const e2e = useAppAndBrowser();

const PAGE = '/packages/admin/member/admins/index';

function textbox(page: Page, placeholder: string) {
  return page.locator(`input[placeholder="${placeholder}"]`);
}

it('the district union appoints the port union chair as its admin and removes him again', async () => {
  // 王建国 reads his card number off his card.
  const page = await openAs(e2e.browser, e2e.app, 'member', '/packages/member/card/index');
  const cardNo = ((await page.locator('.mcard__no').textContent()) ?? '').replace(/\s+/g, '');
  expect(cardNo).toMatch(/^NB51\d{8}$/);

  // 周海燕: from the workbench to 管理员管理; her own union and herself first.
  await actAs(page, e2e.app, 'district_admin', '/packages/admin/dashboard/index');
  await page.locator('.admin-dash__entry', { hasText: '管理员管理' }).click();
  await page.locator('.admins-union', { hasText: '北仑区总工会' }).waitFor();
  await page.locator('.admins-row', { hasText: '周*燕' }).getByText('本人').waitFor();

  // Another union of her district, found by name.
  await page.locator('.admins-change-union').click();
  await textbox(page, '输入工会名称搜索').fill('港务');
  await page.locator('.admins-union-option', { hasText: '宁波北仑港务有限公司工会' }).click();
  await page.locator('.admins-union', { hasText: '宁波北仑港务有限公司工会' }).waitFor();
  await page.locator('.admins-row', { hasText: '陈*华' }).getByText('任职时间未记录（在「管理员管理」启用前设置）').waitFor();
  await page.locator('.admins-count', { hasText: '共 1 位' }).waitFor();

  // 添加管理员: look the card up, then confirm.
  await page.locator('.admins-add').click();
  await textbox(page, '如 NB51 0000 0042').fill(cardNo.toLowerCase());
  await page.locator('.admins-find').click();
  await page.locator('.admins-found', { hasText: '王*国' }).waitFor();
  await page.locator('.admins-appoint-next').click();
  await page.getByText(`将 王*国（${cardNo}）设为「宁波北仑港务有限公司工会」的管理员`, { exact: false }).waitFor();
  await page.locator('.admins-confirm-appoint').click();
  await page.locator('.admins-done', { hasText: '已将 王*国 设为「宁波北仑港务有限公司工会」的管理员' }).waitFor();
  await page.locator('.admins-count', { hasText: '共 2 位' }).waitFor();
  const row = page.locator('.admins-row', { hasText: cardNo });
  await row.getByText(/由 周\*燕 设置/).waitFor();
  await shot(page, 'admins-appointed');

  // 王建国 now administers his union: the page opens on it, with him marked as himself.
  await actAs(page, e2e.app, 'member', PAGE);
  await page.locator('.admins-union', { hasText: '宁波北仑港务有限公司工会' }).waitFor();
  await page.locator('.admins-row', { hasText: cardNo }).getByText('本人').waitFor();

  // 周海燕 removes him: a reason is required, then a second tap.
  await actAs(page, e2e.app, 'district_admin', PAGE);
  await page.locator('.admins-change-union').click();
  await textbox(page, '输入工会名称搜索').fill('港务');
  await page.locator('.admins-union-option', { hasText: '宁波北仑港务有限公司工会' }).click();
  const his = page.locator('.admins-row', { hasText: cardNo });
  await his.locator('.admins-remove').click();
  await his.locator('.admins-remove-next').click();
  await his.getByText(/请填写移除原因/).waitFor();
  await his.locator('.admins-remove-reason textarea, textarea.admins-remove-reason').first().fill('已卸任工会主席');
  await his.locator('.admins-remove-next').click();
  await his.getByText(/将取消 王\*国（NB51\d{8}）在「宁波北仑港务有限公司工会」的管理员身份，原因：已卸任工会主席/).waitFor();
  await his.locator('.admins-confirm-remove').click();
  await page.locator('.admins-done', { hasText: '已取消 王*国 的管理员身份' }).waitFor();
  await page.locator('.admins-count', { hasText: '共 1 位' }).waitFor();
  expect(await page.locator('.admins-row', { hasText: cardNo }).count()).toBe(0);

  // 王建国 is no admin any more.
  await actAs(page, e2e.app, 'member', PAGE);
  await page.getByText('仅工会管理员可以管理管理员').waitFor();
});
