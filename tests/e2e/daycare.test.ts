/**
 * In Chromium against the real server (seeded demo): 李秀梅 adds a child, signs her up for the
 * oversubscribed lottery slot, the window closes (business clock moved past the close and the
 * timer fired), and she sees the result and the reason.
 */
import { actAs, openPhone, shot, useAppAndBrowser } from './harness';

const e2e = useAppAndBrowser();

async function post(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${e2e.app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

it('a parent adds a child, signs up, the window closes and the result and reason show', async () => {
  const page = await openPhone(e2e.browser, e2e.app.url);
  await actAs(page, e2e.app, 'parent', '/packages/daycare/children/index');

  // Add a child (the guardian consent was given in the seed; the seeded child is 李小雨).
  await page.locator('.child-card', { hasText: '李小雨' }).waitFor();
  await page.locator('.field-name input').fill('李小宇');
  await page.locator('.gender-male').click();
  await page.locator('.grade-2').click();
  await page.locator('.field-school input').fill('北仑区新碶小学');
  await page.locator('.field-emergencyName input').fill('李秀梅');
  await page.locator('.field-emergencyPhone input').fill('13805741202');
  await page.locator('.add-child-submit').click();
  await page.locator('.child-card', { hasText: '李小宇' }).waitFor();
  await shot(page, 'daycare-children');

  // Sign up for 新碶 第一期 一至三年级 (36 families before her, 30 places: a lottery).
  await page.goto(`${e2e.app.url}/#/packages/daycare/index/index`);
  await page.reload();
  const campaign = page.locator('.dc-campaign', { hasText: '北仑区' }).filter({ hasText: '按优先档次摇号' });
  // The seed commitment is one tap away under 如何验证, not in the main view.
  expect(await campaign.locator('.verify__value').count()).toBe(0);
  await campaign.locator('.verify__toggle').click();
  await campaign
    .locator('.verify__item', { hasText: '种子指纹' })
    .locator('.verify__value')
    .filter({ hasText: /^[0-9a-f]{64}$/ })
    .waitFor();
  const slot = campaign
    .locator('.dc-site', { hasText: '新碶街道职工子女暑托班' })
    .locator('.dc-slot-wrap', { hasText: '第一期 · 一至三年级' });
  await slot.getByText('已报名 36').waitFor();
  await slot.locator('.signup-btn').click();
  await shot(page, 'daycare-signup');
  await slot.locator('.dc-child-option', { hasText: '李小宇' }).locator('.choose-child').click();

  const mine = page.locator('.registration', { hasText: '李*宇' });
  await mine.locator('.dc-reg__status', { hasText: '已报名' }).waitFor();
  await mine.locator('.registration__reason', { hasText: '报名截止后按优先档次摇号' }).waitFor();
  await shot(page, 'daycare-registered');

  // The window closes: move the business clock past the close and fire the timer now.
  await post('/api/_local/clock', { offsetMs: 3 * 86400_000 + 10 * 60_000 }); // a fresh server starts at offset 0
  await post('/api/_local/triggers/daycare/closeWindows', {});

  await page.locator('.refresh-registrations').click();
  // She declared 双职工小微企业 (tier 1): 9 tier-1 families for 30 places, so she is admitted.
  await mine.locator('.dc-reg__status', { hasText: '已录取' }).waitFor();
  await mine
    .locator('.registration__reason', { hasText: /第1档·双职工且在小微企业工作；摇号排序第 \d+ 位，在 30 个名额内，已录取/ })
    .waitFor();
  await shot(page, 'daycare-admitted');

  // The seed is now public on the campaign page.
  await page.goto(`${e2e.app.url}/#/packages/daycare/index/index`);
  await page.reload();
  await page.locator('.dc-campaign .verify__toggle').first().click();
  await page.locator('.verify__item', { hasText: '已公布的种子' }).first().waitFor();
});

it('the district admin sees demand vs capacity per slot; the site staff see the roster with full names', async () => {
  const page = await openPhone(e2e.browser, e2e.app.url);
  await actAs(page, e2e.app, 'district_admin', '/packages/admin/daycare/figures/index');
  await page.locator('.admin-campaign', { hasText: '北仑区' }).locator('.dc-campaign__head').click();
  await page
    .locator('.figure-row', { hasText: '新碶街道职工子女暑托班 · 第一期 一至三年级' })
    .getByText(/录取 30/)
    .waitFor();
  await page.locator('.dc-admin-figures canvas').first().waitFor();
  await shot(page, 'daycare-admin-figures');
  // Admin lists show masked names only.
  expect(await page.locator('.dc-admin-figures').innerText()).not.toContain('李小宇');

  await actAs(page, e2e.app, 'member', '/packages/daycare/staff/index');
  await page.locator('.staff-slot', { hasText: '第一期 一至三年级' }).locator('.dc-campaign__head').click();
  await page.locator('.roster-row', { hasText: '李小宇' }).waitFor();
  await shot(page, 'daycare-staff-roster');
});
