/**
 * Friday drops in Chromium: the district admin publishes a drop in the admin pages, the clock
 * moves to the opening, the member taps 抢 on the 福利 tab, sees the code (and QR) in 我的福利,
 * and the admin redeems it — once.
 */
import { openAs, shot, useAppAndBrowser } from './harness';

const e2e = useAppAndBrowser();

async function api<T>(persona: string, action: string, data: unknown): Promise<T> {
  const res = await fetch(`${e2e.app.url}/api/functions/benefit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-persona': persona },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data: T };
  if (!body.ok) throw new Error(JSON.stringify(body));
  return body.data;
}

it('admin publishes, time moves to the opening, the member claims and sees the code, the admin redeems it', async () => {
  const title = `端到端测试流量包 ${Date.now() % 10000}`;
  const admin = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/benefit/create/index');
  await admin.locator('input[name="title"], [name="title"] input').first().fill(title);
  await admin.locator('[name="stock"] input, input[name="stock"]').first().fill('3');
  await shot(admin, 'admin-create');
  await admin.getByText('发布', { exact: true }).click();
  await admin.locator('.bf-claim', { hasText: title }).waitFor();
  await shot(admin, 'admin-list');

  const { drops } = await api<{ drops: Array<{ id: string; title: string; opensAt: number }> }>('district_admin', 'adminList', {});
  const drop = drops.find((d) => d.title === title);
  expect(drop).toBeDefined();

  const member = await openAs(e2e.browser, e2e.app, 'member', '/pages/benefits/index');
  const card = member.locator(`.drop[data-drop="${drop!.id}"]`);
  await card
    .locator('[data-state="not_open"], .drop--not_open')
    .or(card.and(member.locator('[data-state="not_open"]')))
    .first()
    .waitFor();
  await card.getByText('距开抢').waitFor();
  await shot(member, 'benefits-before');

  await fetch(`${e2e.app.url}/api/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at: new Date(drop!.opensAt + 2000).toISOString() }),
  });
  await member.reload();
  const open = member.locator(`.drop[data-drop="${drop!.id}"][data-state="open"]`);
  await open.waitFor();
  await shot(member, 'benefits-open');
  await open.getByText('抢', { exact: true }).click();
  await member.getByText('抢到了').waitFor();
  await shot(member, 'after-claim');
  await member.getByText('去查看', { exact: true }).click();
  const codeEl = member.locator('.bf-claim', { hasText: title }).locator('.bf-code');
  await codeEl.waitFor();
  const code = (await codeEl.textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await member.locator('.bf-claim', { hasText: title }).locator('.qr-code').waitFor();
  await shot(member, 'mine');

  const redeem = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/benefit/redeem/index');
  await redeem.locator('[name="code"] input, input[name="code"]').first().fill(code.toLowerCase());
  await redeem.getByText('核销', { exact: true }).click();
  await redeem.locator('.bf-result--ok', { hasText: '核销成功' }).waitFor();
  await shot(redeem, 'redeem-ok');
  await redeem.locator('[name="code"] input, input[name="code"]').first().fill(code);
  await redeem.getByText('核销', { exact: true }).click();
  await redeem.locator('.bf-result--fail', { hasText: '不能重复使用' }).waitFor();

  await member.reload();
  await member.locator('.bf-claim', { hasText: title }).getByText('已核销').first().waitFor();

  const figures = await openAs(e2e.browser, e2e.app, 'district_admin', `/packages/admin/benefit/figures/index?dropId=${drop!.id}`);
  await figures.getByText('领取趋势', { exact: false }).waitFor();
  await figures.locator('.bf-stat', { hasText: '已核销' }).getByText('1', { exact: true }).waitFor();
  await shot(figures, 'figures');
});
