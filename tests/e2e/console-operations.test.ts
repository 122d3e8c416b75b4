/**
 * 工会工作台 → 福利 / 暑托班 / 疗休养 at 1280×800 as 周海燕 (北仑区总工会), signed in through the QR
 * flow's API: a drop published from the form with an uploaded picture; a member's code redeemed
 * and found in the drop's 核销记录 (ordered by time on the server); a table sorted by a column,
 * by mouse and keyboard; a 暑托班 class's 花名册 and its CSV; a 疗休养 applicant approved against
 * the unit's quota. Every new page is screenshotted under artefacts/console/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ClaimView, ListResult } from '../../shared/benefit/schemas';
import type { AdminApplicantsResult } from '../../shared/recuperation/schemas';
import type { AdminListResult } from '../../shared/content/views';
import { useAppAndBrowser } from './harness';
import { callAs, consoleShot, desktop, sessionFor } from './console';

const e2e = useAppAndBrowser();
let pc: Page;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  const token = await sessionFor(e2e.app, 'district_admin');
  pc = await desktop(e2e.browser, e2e.app, token);
  await pc.getByRole('heading', { name: '概览' }).waitFor();
});

async function columnText(table: string, column: number): Promise<string[]> {
  return pc
    .locator(`table[aria-label="${table}"] tbody tr[data-row]`)
    .evaluateAll((rows, i) => rows.map((r) => (r.children[i] as HTMLElement).innerText.trim()), column);
}

it('publishes a drop with an uploaded picture from the form', async () => {
  await pc.getByRole('link', { name: '福利' }).click();
  await pc.locator('tr[data-row]').first().waitFor();
  await pc.getByRole('button', { name: '发布福利' }).click();
  const form = pc.locator('form.bf-create');
  // The function's own validator speaks before anything is sent.
  await form.locator('input[name="title"]').fill('流');
  await form.getByRole('button', { name: '发布', exact: true }).click();
  await form.getByText(/福利名称.*2/).waitFor();
  await form.locator('input[name="title"]').fill('工作台周五流量包 20GB');
  await form.locator('input[type="file"]').setInputFiles({ name: '流量包.png', mimeType: 'image/png', buffer: PNG });
  const img = form.locator('img.picture__img');
  await img.waitFor();
  expect(await img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
  await form.getByLabel('总份数').fill('20');
  await consoleShot(pc, '11-benefit-create');
  await form.getByRole('button', { name: '发布', exact: true }).click();
  await pc.getByText('已发布「工作台周五流量包 20GB」').waitFor();
  await pc.getByRole('cell', { name: '工作台周五流量包 20GB' }).waitFor();
  const list = await callAs<ListResult>(e2e.app, { persona: 'member' }, 'benefit', 'list', {});
  if (!list.ok) throw new Error(list.error.code);
  expect(list.data.drops.find((d) => d.title === '工作台周五流量包 20GB')?.picture).toMatch(
    /^cloud:\/\/.+\/covers\/nb-bl\/\d{6}\/d_[0-9a-f]{12}_[0-9a-f]{20}\.png$/,
  );
});

it('sorts the drops by a column, by mouse and by keyboard', async () => {
  const stock = async () => (await columnText('福利场次', 4)).map(Number);
  const header = pc.locator('table[aria-label="福利场次"] th', { hasText: '数量' });
  await header.getByRole('button').click();
  expect(await header.getAttribute('aria-sort')).toBe('ascending');
  const up = await stock();
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await header.getByRole('button').focus();
  await pc.keyboard.press('Enter');
  expect(await header.getAttribute('aria-sort')).toBe('descending');
  const down = await stock();
  expect(down).toEqual([...up].sort((a, b) => b - a));
  await consoleShot(pc, '12-benefit-sorted');
});

it('redeems a member’s code and shows it in the drop’s 核销记录', async () => {
  const claim = await callAs<ClaimView>(e2e.app, { persona: 'member' }, 'benefit', 'claim', { dropId: 'ddemo0open' });
  if (!claim.ok) throw new Error(claim.error.code);
  await pc.getByRole('button', { name: '核销' }).click();
  await pc.getByLabel('兑换码').fill(claim.data.code.toLowerCase());
  await pc.keyboard.press('Enter');
  await pc.getByText(new RegExp(`核销成功：10GB 通用流量包，会员 \\S+，兑换码 ${claim.data.code}`)).waitFor();
  // The same code again: refused, and that attempt is recorded too.
  await pc.getByLabel('兑换码').fill(claim.data.code);
  await pc.keyboard.press('Enter');
  await pc.getByText(/不能重复使用/).waitFor();
  await consoleShot(pc, '13-benefit-redeem');

  await pc.locator('tr[data-row]', { hasText: '10GB 通用流量包' }).getByRole('button', { name: '领取情况' }).click();
  const panel = pc.getByRole('complementary', { name: '福利详情：10GB 通用流量包' });
  const log = panel.locator('table[aria-label="核销记录"]');
  await log.locator('tr[data-row]').nth(1).waitFor();
  expect(await log.locator('tr[data-row]').evaluateAll((rows) => rows.map((r) => (r.children[2] as HTMLElement).innerText))).toEqual([
    '重复核销（已拒绝）',
    '核销成功',
  ]);
  expect(await log.locator('tr[data-row]').first().locator('td').nth(3).innerText()).toBe('周*燕');
  await consoleShot(pc, '14-benefit-log');
  // Oldest first: the server answers in the other order.
  await log.getByRole('button', { name: /时间/ }).click();
  await log.locator('tr[data-row]').first().getByText('核销成功').waitFor();
  await panel.getByRole('button', { name: '关闭' }).click();
});

it('shows the draw record and how to verify it for a draw drop', async () => {
  const row = pc.locator('tr[data-row]', { hasText: '预约抽签' }).first();
  await row.getByRole('button', { name: '领取情况' }).click();
  const panel = pc.getByRole('complementary');
  await panel.getByRole('heading', { name: '如何验证' }).waitFor();
  await panel.getByText(/^[0-9a-f]{64}$/).waitFor();
  await consoleShot(pc, '15-benefit-draw');
  await panel.getByRole('button', { name: '关闭' }).click();
});

it('opens a 暑托班 class’s 花名册 and exports it', async () => {
  await pc.getByRole('link', { name: '暑托班' }).click();
  const select = pc.getByLabel('暑托班活动');
  await select.waitFor();
  await pc.locator('table[aria-label="班期名额与候补"] tr[data-row]').first().waitFor();
  await consoleShot(pc, '16-daycare');
  const value = await select.locator('option', { hasText: '新碶街道' }).getAttribute('value');
  await select.selectOption(value!);
  const row = pc.locator('table[aria-label="班期名额与候补"] tr[data-row]', { hasText: '一至三年级' });
  await row.getByText('新碶社区文艺暑托班').waitFor();
  await row.getByRole('button', { name: '花名册' }).click();
  const drawer = pc.getByRole('complementary');
  await drawer.locator('tr[data-row]').nth(4).waitFor();
  expect(await drawer.locator('tr[data-row]').count()).toBe(5);
  await consoleShot(pc, '17-daycare-roster');
  const [download] = await Promise.all([pc.waitForEvent('download'), drawer.getByRole('button', { name: '导出花名册' }).click()]);
  const text = readFileSync((await download.path())!).toString('utf8');
  expect(text.startsWith('\uFEFF报名编号,孩子姓名,性别,年级')).toBe(true);
  expect(text.trim().split('\r\n')).toHaveLength(6);
  await drawer.getByRole('button', { name: '关闭' }).click();
});

it('approves a 疗休养 applicant against the unit’s quota', async () => {
  await pc.getByRole('link', { name: '疗休养' }).click();
  await pc.getByLabel('基层工会').waitFor();
  const value = await pc.getByLabel('基层工会').locator('option', { hasText: '宁波北仑港务有限公司工会' }).getAttribute('value');
  await pc.getByLabel('基层工会').selectOption(value!);
  const first = pc.locator('table[aria-label="疗休养申请"] tr[data-row]').first();
  await first.getByText('赵*平').waitFor();
  const approvedBefore = Number(await pc.locator('.ov-card__value[data-figure="已批准"]').innerText());
  await consoleShot(pc, '18-recuperation');
  await first.getByRole('button', { name: '批准', exact: true }).click();
  await pc.getByText('赵*平：已批准').waitFor();
  await pc.locator('.ov-card__value[data-figure="已批准"]', { hasText: String(approvedBefore + 1) }).waitFor();
  const approved = await callAs<AdminApplicantsResult>(e2e.app, { persona: 'district_admin' }, 'recuperation', 'adminApplicants', {
    unionId: value!,
    status: 'approved',
  });
  if (!approved.ok) throw new Error(approved.error.code);
  expect(approved.data.items.map((a) => a.nameMasked)).toContain('赵*平');
  await pc.getByRole('tab', { name: '单位与统计' }).click();
  await pc.locator('table[aria-label="基层工会名额与统计"] tr[data-row]').first().waitFor();
  await consoleShot(pc, '19-recuperation-units');
  await pc.getByRole('tab', { name: '本地行奖励' }).click();
  await pc.locator('table[aria-label="本地行奖励申请"] tr[data-row]').first().waitFor();
  await consoleShot(pc, '20-recuperation-subsidy');
  await pc.getByRole('tab', { name: '批次' }).click();
  await pc.locator('table[aria-label="疗休养批次"] tr[data-row]').first().waitFor();
  await consoleShot(pc, '21-recuperation-batches');
});

it('uploads a post’s cover picture and shows it in the phone preview', async () => {
  await pc.getByRole('link', { name: '发布' }).click();
  await pc.getByRole('button', { name: '新建' }).click();
  await pc.locator('.pe-title').fill('工作台封面测试');
  await pc.locator('.ed-body').click();
  await pc.keyboard.type('封面由工作台上传。');
  await pc.locator('form.form input[type="file"]').first().setInputFiles({ name: '封面.png', mimeType: 'image/png', buffer: PNG });
  const cover = pc.locator('.phone img.phone__cover');
  await cover.waitFor();
  expect(await cover.getAttribute('src')).toMatch(/^\/api\/storage\/covers\/nb-bl\/\d{6}\/p_[0-9a-f]{12}_[0-9a-f]{20}\.png$/);
  expect(await cover.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  await consoleShot(pc, '22-publish-cover');
  await pc.getByRole('button', { name: '保存草稿' }).click();
  await pc.getByText('已保存草稿').waitFor();
  const list = await callAs<AdminListResult>(e2e.app, { persona: 'district_admin' }, 'content', 'adminList', { status: 'draft' });
  if (!list.ok) throw new Error(list.error.code);
  expect(list.data.items.find((p) => p.title === '工作台封面测试')?.cover).toMatch(/^cloud:\/\/.+\/covers\/nb-bl\//);
});
