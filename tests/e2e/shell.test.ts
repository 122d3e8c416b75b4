import { openPhone, useAppAndBrowser } from './harness';

const e2e = useAppAndBrowser();

it('the home page shows live data from the local cloud and follows the chosen persona', async () => {
  const page = await openPhone(e2e.browser, e2e.app.url);
  // The member's carousel: 北仑区总工会's banners before the city's (the static banner only stands in).
  await page.locator('.home-banner__title', { hasText: '北仑暑托班开始报名' }).first().waitFor();
  for (const service of ['入会', '会员卡', '周五福利', '暑托班', '疗休养', '常见问题', '联系工会']) {
    await page.locator('.home__grid-title', { hasText: service }).first().waitFor();
  }
  // The default persona is the verified member; the strip data came through the system function.
  await page.getByText('您好，王*国').waitFor();
  await page.getByText('本周五 10:00 流量包').first().waitFor();

  await page.getByText('切换身份', { exact: true }).click();
  await page.locator('.persona-item', { hasText: '陈晓' }).click();
  await page.getByText('您好，陈*').waitFor();
  await page.getByText('未入会职工').first().waitFor();

  await page.getByText('切换身份', { exact: true }).click();
  await page.locator('.persona-item', { hasText: '周海燕' }).click();
  await page.getByText('北仑区总工会管理员').first().waitFor();
});

it('the privacy guide is reachable and lists what is collected', async () => {
  const page = await openPhone(e2e.browser, `${e2e.app.url}/#/pages/privacy/index`);
  await page.locator('.privacy__h1', { hasText: '用户隐私保护指引' }).waitFor();
  await page.getByText('我们收集哪些信息').waitFor();
  await page.locator('.privacy__field-name', { hasText: 'OpenID' }).waitFor();
});

it('stops cleanly on Ctrl-C', async () => {
  const code = await e2e.app.stop();
  // On failure, show what the server printed while stopping.
  expect({ code, output: code === 0 ? '' : e2e.app.output().slice(-3000) }).toEqual({ code: 0, output: '' });
  expect(e2e.app.output()).toContain('已停止');
});
