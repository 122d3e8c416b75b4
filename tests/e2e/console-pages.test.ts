/**
 * 工会工作台 pages at 1280×800 as 周海燕 (北仑区总工会), signed in through the QR flow's API:
 * 概览 drilled down to a street union and exported as CSV (BOM, header, the drilled union's
 * rows); 入会审核 in bulk (two approved at once, one rejected with its own reason, each applicant
 * notified); 会员 import by drag-and-drop whose row errors show before anything is written; 发布
 * with the phone preview, then published. Every page is screenshotted under artefacts/console/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AdminListMembersResult } from '../../shared/member/console';
import type { AdminListResult } from '../../shared/content/views';
import type { InboxResult } from '../../shared/notify/schemas';
import { useAppAndBrowser } from './harness';
import { callAs, consoleShot, desktop, sessionFor } from './console';
import { anApplicant, importCsv, newIdNumber, withWrongCheck } from '../scenarios/member';

const e2e = useAppAndBrowser();
let pc: Page;

beforeAll(async () => {
  const token = await sessionFor(e2e.app, 'district_admin');
  pc = await desktop(e2e.browser, e2e.app, token);
  await pc.getByRole('heading', { name: '概览' }).waitFor();
});

it('drills 概览 down the union tree and exports the figures as a CSV Excel opens', async () => {
  await pc.locator('.ov-card__value[data-figure="members"]').waitFor();
  await pc.getByRole('button', { name: '新碶街道总工会 ›' }).click();
  await pc.locator('.crumbs').getByText('新碶街道总工会').waitFor();
  await pc.getByRole('button', { name: '北仑区总工会' }).waitFor(); // the breadcrumb leads back up
  await pc.getByRole('cell', { name: '宁波北仑港务有限公司工会' }).waitFor();
  await consoleShot(pc, '03-overview-drilled');

  const [download] = await Promise.all([pc.waitForEvent('download'), pc.getByRole('button', { name: '导出 CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^概览_新碶街道总工会_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('工会,会员数,待审核入会,新入会,福利场次,发布内容,阅读人次,关注者,暑托班已录取,暑托班候补,疗休养申请,疗休养已批准');
  expect(lines[1]).toMatch(/^新碶街道总工会（合计）,\d+/);
  expect(lines.some((l) => l.startsWith('宁波北仑港务有限公司工会,'))).toBe(true);
});

it('approves two applications at once and rejects one with its own reason; each applicant is told', async () => {
  const people = [anApplicant({ realName: '钱审一' }), anApplicant({ realName: '孙审二' }), anApplicant({ realName: '李审三' })];
  for (const p of people) {
    const res = await callAs(e2e.app, { openid: p.openid }, 'member', 'apply', p.request);
    expect(res.ok).toBe(true);
  }
  await pc.getByRole('link', { name: '入会审核' }).click();
  const row = (name: string) => pc.locator('tr[data-row]', { hasText: name });
  await row('李审三').waitFor();
  await row('钱审一').getByRole('checkbox').check();
  // Keyboard: from the first selected row, arrows move and space selects.
  await row('孙审二').focus();
  await pc.keyboard.press(' ');
  await pc.getByText('已选 2 人').waitFor();
  await consoleShot(pc, '04-review');
  await pc.getByRole('button', { name: '批量通过' }).click();
  await pc.getByText(/^钱审一：已通过，卡号 \S+/).waitFor();
  await pc.getByText(/^孙审二：已通过，卡号 \S+/).waitFor();
  await pc.getByText('已选 0 人').waitFor();
  await row('李审三').getByRole('checkbox').check();
  await pc.getByRole('button', { name: '批量驳回…' }).click();
  await pc.getByRole('button', { name: '还有 1 人未填原因' }).waitFor();
  await pc.getByLabel('李审三 的驳回原因').fill('所填工作单位与所选工会不一致');
  await consoleShot(pc, '05-review-reject');
  await pc.getByRole('button', { name: '确认驳回 1 人' }).click();
  await pc.getByText('李审三：已驳回，已通知申请人').waitFor();
  await row('李审三').waitFor({ state: 'detached' });

  const inboxOf = async (openid: string) => {
    const res = await callAs<InboxResult>(e2e.app, { openid }, 'notify', 'inbox', {});
    if (!res.ok) throw new Error(res.error.code);
    return JSON.stringify(res.data);
  };
  expect(await inboxOf(people[0].openid)).toContain('入会申请已通过');
  expect(await inboxOf(people[1].openid)).toContain('入会申请已通过');
  const rejected = await inboxOf(people[2].openid);
  expect(rejected).toContain('入会申请未通过');
  expect(rejected).toContain('所填工作单位与所选工会不一致');
});

it('shows an import’s row errors before writing anything, then imports the valid rows', async () => {
  await pc.getByRole('link', { name: '会员' }).click();
  await pc.locator('tr[data-row]').first().waitFor();
  await consoleShot(pc, '06-members');
  const count = async () => {
    const res = await callAs<AdminListMembersResult>(e2e.app, { persona: 'district_admin' }, 'member', 'adminListMembers', { limit: 1 });
    if (!res.ok) throw new Error(res.error.code);
    return res.data.total;
  };
  const before = await count();
  const csv = importCsv([
    { realName: '周导一', idNumber: newIdNumber(), unionCode: 'nb-bl-xq-gw', tags: '一线职工' },
    { realName: '吴导二', idNumber: withWrongCheck(newIdNumber()), unionCode: 'nb-bl-xq-gw' },
    { realName: '郑导三', idNumber: newIdNumber(), unionCode: 'nb-hs-nm-ly' },
    { realName: '王导四', idNumber: newIdNumber(), unionCode: 'nb-bl-xq-lh' },
  ]);
  await pc.getByRole('button', { name: '批量导入' }).click();
  // Drag and drop: a drop event carrying the file, as a file manager sends it.
  const transfer = await pc.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '会员名单.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await pc.locator('.dropzone').dispatchEvent('drop', { dataTransfer: transfer });
  await pc.getByText(/共 4 行：可导入 2 人/).waitFor();
  await pc.getByRole('cell', { name: '第 3 行' }).waitFor();
  await pc.getByRole('cell', { name: '第 4 行' }).waitFor();
  await consoleShot(pc, '07-import-preview');
  expect(await count()).toBe(before);
  await pc.getByRole('button', { name: '确认导入 2 人' }).click();
  await pc.getByText(/已导入 2 人/).waitFor();
  expect(await count()).toBe(before + 2);
  await pc.getByRole('button', { name: '完成' }).click();
});

it('writes a post with the phone preview and publishes it', async () => {
  await pc.getByRole('link', { name: '发布' }).click();
  await pc.getByRole('button', { name: '新建' }).click();
  await pc.locator('.pe-title').fill('工作台发布测试：职工书屋开放');
  const body = pc.locator('.ed-body');
  await body.click();
  await pc.keyboard.type('职工书屋本周六起对会员开放。');
  await pc.keyboard.press('Enter');
  await pc.keyboard.type('开放时间');
  await pc.getByRole('button', { name: '小标题' }).click();
  await pc.getByRole('button', { name: '图片' }).click();
  await pc.locator('.ed-url').fill('javascript:alert(1)');
  await pc.getByRole('button', { name: '插入' }).click();
  await pc.getByText('请填写以 http:// 或 https:// 开头的地址').waitFor();
  await pc.locator('.ed-url').fill('https://example.com/library.jpg');
  await pc.getByRole('button', { name: '插入' }).click();

  const preview = pc.locator('.phone');
  await preview.getByText('工作台发布测试：职工书屋开放').waitFor();
  await preview.locator('.preview-body').getByText('职工书屋本周六起对会员开放。').waitFor();
  expect(await preview.locator('.preview-body h2').textContent()).toBe('开放时间');
  expect(await preview.locator('.preview-body img').getAttribute('src')).toBe('https://example.com/library.jpg');
  // The picture went where the caret was: after the heading, not before the first paragraph.
  const order = await preview
    .locator('.preview-body')
    .evaluate((el) => Array.from(el.querySelectorAll('p, h2, img')).map((n) => n.tagName.toLowerCase()));
  expect(order.indexOf('img')).toBeGreaterThan(order.indexOf('h2'));
  // The preview is phone width, as on the phone.
  expect((await preview.locator('.phone__page').boundingBox())?.width).toBe(375);
  await consoleShot(pc, '08-publish-preview');

  await pc.getByRole('button', { name: '立即发布' }).click();
  await pc.getByText('已发布，关注者可以看到了').waitFor();
  const list = await callAs<AdminListResult>(e2e.app, { persona: 'district_admin' }, 'content', 'adminList', { status: 'published' });
  if (!list.ok) throw new Error(list.error.code);
  const post = list.data.items.find((p) => p.title === '工作台发布测试：职工书屋开放');
  expect(post?.status).toBe('published');
  expect(JSON.stringify(post?.body)).toContain('https://example.com/library.jpg');
  await pc.getByRole('button', { name: '返回列表' }).click();
  await pc.getByRole('cell', { name: '工作台发布测试：职工书屋开放' }).waitFor();
  await consoleShot(pc, '09-publish-list');
});

it('lists the subtree’s benefit drops with their figures and exports a drop’s claims', async () => {
  await pc.getByRole('link', { name: '福利' }).click();
  const first = pc.locator('tr[data-row]').first();
  await first.waitFor();
  await first.getByRole('button', { name: '领取情况' }).click();
  await pc.locator('.ov-card__label', { hasText: '已核销' }).waitFor();
  await consoleShot(pc, '10-benefit');
  await pc.getByRole('complementary').getByRole('button', { name: '关闭' }).click();
  const [download] = await Promise.all([pc.waitForEvent('download'), first.getByRole('button', { name: '导出领取记录' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^福利领取明细-.+\.csv$/);
  const text = readFileSync((await download.path())!).toString('utf8');
  expect(text.startsWith('\uFEFF序号,兑换码,会员,获得方式,领取时间,状态,核销时间,过期处理\r\n')).toBe(true);
});
