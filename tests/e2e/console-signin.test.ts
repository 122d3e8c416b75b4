/**
 * 工会工作台 sign-in by scan at 1280×800: the console shows a QR code; a phone page in the H5 demo
 * as 周海燕 (district admin) plays the scanning mini-program on 扫码登录工作台 (pasting the code, as
 * the H5 demo does instead of Taro.scanCode), sees the device and union and confirms; the console
 * then opens 概览 as her. On 我的 → 已登录的工作台 she ends that session and the console returns to
 * the QR code on its next action. A member (not an admin) cannot confirm.
 */
import { openAs, useAppAndBrowser } from './harness';
import { consoleShot, desktop } from './console';

const e2e = useAppAndBrowser();

it('signs the console in by scanning with the admin’s phone and signs it out from the phone', async () => {
  const pc = await desktop(e2e.browser, e2e.app);
  await pc.getByRole('img', { name: '登录二维码' }).waitFor();
  await consoleShot(pc, '01-login');
  await pc.getByText('本地演示：无法扫码？').click();
  const code = (await pc.locator('.login__code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^YGH-CONSOLE:[0-9a-f]{32}$/);

  // A member who is not an admin scans it: refused, and the console keeps waiting.
  const member = await openAs(e2e.browser, e2e.app, 'member', '/packages/admin/member/console/index');
  await member.locator('.console-code textarea').fill(code);
  await member.getByText('下一步', { exact: true }).click();
  await member.getByText('仅工会管理员可以执行此操作').waitFor();

  const phone = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/member/console/index');
  await phone.locator('.console-code textarea').fill(code);
  await phone.getByText('下一步', { exact: true }).click();
  await phone.getByText('电脑端请求登录工会工作台').waitFor();
  await phone.getByText(/^Chrome \d+ · Linux$/).waitFor();
  await phone.getByText('北仑区总工会', { exact: true }).waitFor();
  await pc.getByText('已扫码，请在手机上确认登录').waitFor();
  await phone.getByText('确认登录', { exact: true }).click();
  await phone.getByText('已确认登录').waitFor();

  await pc.getByRole('heading', { name: '概览' }).waitFor({ timeout: 15_000 });
  await pc.getByText(/周\*燕 · 北仑区总工会/).waitFor();
  await consoleShot(pc, '02-overview');

  // The same code cannot be used twice.
  await phone.reload();
  await phone.locator('.console-code textarea').fill(code);
  await phone.getByText('下一步', { exact: true }).click();
  await phone.getByText('二维码已失效，请在电脑上刷新二维码后重新扫码').waitFor();

  // 我的 → 已登录的工作台: end it; the console's next call lands on the QR code again.
  await phone.goto(`${e2e.app.url}/#/pages/mine/index`);
  await phone.getByText('已登录的工作台', { exact: true }).click();
  await phone.locator('.console-session').first().waitFor();
  await phone
    .getByText(/Chrome \d+ · Linux/)
    .first()
    .waitFor();
  await phone.locator('.console-revoke').first().click();
  await phone.getByText('没有已登录的工作台').waitFor();

  await pc.getByRole('link', { name: '入会审核' }).click();
  await pc.getByRole('img', { name: '登录二维码' }).waitFor({ timeout: 15_000 });
});
