/**
 * Membership end to end in the H5 build against the real local cloud:
 * 陈晓 (guest) fills the join form → 周海燕 (北仑区总工会) approves it in the review list →
 * 陈晓 sees the card number and a QR code that encodes a valid card token (checked module by
 * module, then verified on the admin's 会员卡核验 page). Afterwards the plain ID number typed into
 * the form must appear nowhere in the data folder (SQLite file and WAL, read as bytes) nor in
 * the server's output.
 * Then 周海燕 suspends 王建国's card on 会员卡管理 and reinstates it; 王建国's card page follows.
 * Finally she adds a tag to his card and finds the change in the card's 变更记录.
 * Finally 周海燕 imports members on 批量导入会员: a UTF-8 CSV is checked on the page, an .xlsx and a GBK
 * CSV are uploaded as files and checked by the function.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAs, useAppAndBrowser, confirmModal } from './harness';
import { withCheckChar } from '../../shared/member/idNumber';
import { qrMatrix } from '../../miniprogram/components/qrMatrix';
import { encodeGbk, TEMPLATE_HEADER_CELLS, xlsxWorkbook } from '../scenarios/importFiles';

const e2e = useAppAndBrowser();

const ID_NUMBER = withCheckChar('33020619920315123');
const PHONE = '13912345678';

/** Taro H5 wraps each native input; the placeholder is on both, so aim at the native one. */
function textbox(page: Page, placeholder: string) {
  return page.locator(`input[placeholder="${placeholder}"]`);
}

async function switchPersona(page: Page, name: string): Promise<void> {
  await page.getByText('切换身份', { exact: true }).click();
  await page.locator('.persona-item', { hasText: name }).click();
}

/** Rebuild each QR row's modules from its hard-stop gradient (colour start, colour end pairs). */
async function renderedModules(page: Page): Promise<boolean[][]> {
  return page.$$eval('.qr-code .qr-code__row', (rows) =>
    rows.map((row) => {
      const el = row as HTMLElement;
      const cell = el.getBoundingClientRect().height;
      const stops = [...el.style.backgroundImage.matchAll(/rgb\((\d+), (\d+), (\d+)\) (\d+)px/g)].map((m) => ({
        dark: m[1] === '0',
        at: Number(m[4]),
      }));
      const modules: boolean[] = [];
      for (let i = 0; i + 1 < stops.length; i += 2) {
        const n = Math.round((stops[i + 1].at - stops[i].at) / cell);
        for (let k = 0; k < n; k++) modules.push(stops[i].dark);
      }
      return modules;
    }),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

it('a worker joins, the district union approves, the card shows a working QR code, and the ID number is never stored', async () => {
  // 1. 陈晓 (not a member) fills the join form.
  const worker = await openAs(e2e.browser, e2e.app, 'guest', '/packages/member/join/index');
  await worker.getByText('提交入会申请').waitFor();
  await textbox(worker, '与身份证一致').fill('陈晓');
  // A wrong check character is caught on the page before anything is sent.
  await textbox(worker, '18 位居民身份证号').fill(ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1'));
  await worker.getByText('身份证号校验位不正确，请核对').waitFor();
  await textbox(worker, '18 位居民身份证号').fill(ID_NUMBER);
  await worker.getByText('身份证号校验位不正确，请核对').waitFor({ state: 'detached' });
  await textbox(worker, '11 位手机号').fill(PHONE);
  await textbox(worker, '单位全称').fill('宁波北仑港务有限公司');
  await textbox(worker, '输入单位或工会名称搜索').fill('港务');
  await worker.locator('.union-option', { hasText: '宁波北仑港务有限公司工会' }).click();
  await worker.locator('.mpicked', { hasText: '宁波北仑港务有限公司工会' }).waitFor();
  await worker.locator('.tag-option', { hasText: '一线职工' }).click();
  // Without consent the page refuses.
  await worker.getByText('提交入会申请').click();
  await worker.locator('.mserver-error', { hasText: '请先阅读并同意《用户隐私保护指引》' }).waitFor();
  await worker.locator('.mconsent__box').click();
  await worker.getByText('提交入会申请').click();
  // A confirmation names the union that will review it.
  await worker.getByText('申请将交给「宁波北仑港务有限公司工会」审核', { exact: false }).waitFor();
  await confirmModal(worker);

  // The status page: submitted, reviewed by the chosen union.
  await worker.locator('.mstatus__badge', { hasText: '已提交，待审核' }).waitFor();
  await worker.getByText('您的入会申请由「宁波北仑港务有限公司工会」审核，请耐心等待').waitFor();
  await worker.getByText('3302**********').first().waitFor();

  // 2. 周海燕 (北仑区总工会) approves it.
  await switchPersona(worker, '周海燕');
  await worker.goto(`${e2e.app.url}/#/packages/admin/member/review/index`);
  const item = worker.locator('.am-app', { hasText: '陈晓' });
  await item.waitFor();
  await item.getByText(PHONE.slice(0, 3) + '****' + PHONE.slice(7)).waitFor();
  await item.locator('.review-approve').click();
  await item.locator('.review-confirm').click();
  const done = item.locator('.am-done');
  await done.waitFor();
  const cardNo = /会员卡号 (NB51\d{8})/.exec((await done.textContent()) ?? '')?.[1];
  expect(cardNo).toMatch(/^NB51\d{8}$/);

  // 3. 陈晓 sees the card: number, union and a QR code of a live token.
  await switchPersona(worker, '陈晓');
  await worker.goto(`${e2e.app.url}/#/packages/member/card/index`);
  await worker.locator('.mcard__no', { hasText: cardNo!.replace(/(.{4})/g, '$1 ').trim() }).waitFor();
  await worker.locator('.mcard__union', { hasText: '宁波北仑港务有限公司工会' }).waitFor();
  await worker.getByText('二维码每分钟自动刷新，截图无效').waitFor();
  await worker.getByText(/\d+ 秒后自动刷新/).waitFor();
  const qr = worker.locator('.qr-code');
  await qr.waitFor();
  const token = (await qr.getAttribute('data-text')) ?? '';
  expect(token).toMatch(new RegExp(`^v1\\.${cardNo}\\.\\d+\\.[A-Za-z0-9_-]{20,}$`));
  const expected = qrMatrix(token);
  expect(expected.count).toBeGreaterThanOrEqual(25);
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThan(150);
  expect(await renderedModules(worker)).toEqual(expected.rows);
  if (process.env.E2E_SCREENSHOTS) await worker.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'member-card.png') });

  // 4. The district admin's verify page accepts the token shown on the card.
  const staff = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/member/verify/index');
  await staff.locator('.verify-token textarea').fill(token);
  await staff.locator('.verify-submit').click();
  await staff.locator('.verify-result', { hasText: '会员身份有效' }).waitFor();
  await staff.getByText('陈*').waitFor();
  await staff.getByText(cardNo!).waitFor();

  // 5. Privacy: the plain ID number (and phone) reached neither the data folder nor the server output.
  const files = filesUnder(e2e.app.dataDir);
  expect(files.some((f) => /\.(sqlite|db)(-wal)?$/.test(f) || f.endsWith('-wal'))).toBe(true);
  // The search does see stored data: the (plain) card number is there.
  expect(files.some((f) => readFileSync(f).includes(cardNo!))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    expect({ file, id: bytes.includes(ID_NUMBER) }).toEqual({ file, id: false });
    expect({ file, phone: bytes.includes(PHONE) }).toEqual({ file, phone: false });
  }
  expect(e2e.app.output()).not.toContain(ID_NUMBER);
  expect(e2e.app.output()).not.toContain(PHONE);
});

it('the district union suspends a card on 会员卡管理: the member sees why and loses the card, until it is reinstated', async () => {
  // 王建国 (member persona) reads his card number off his card.
  const page = await openAs(e2e.browser, e2e.app, 'member', '/packages/member/card/index');
  const cardText = ((await page.locator('.mcard__no').textContent()) ?? '').replace(/\s+/g, '');
  expect(cardText).toMatch(/^NB51\d{8}$/);

  // 周海燕 finds it and suspends it with a reason.
  await switchPersona(page, '周海燕');
  await page.goto(`${e2e.app.url}/#/packages/admin/member/manage/index`);
  await page.locator('.manage-card input, input.manage-card').first().fill(cardText.toLowerCase());
  await page.locator('.manage-find').click();
  const panel = page.locator('.am-member');
  await panel.locator('.manage-status', { hasText: '有效' }).waitFor();
  await panel.locator('.manage-revoke').click();
  await panel.locator('.manage-confirm').click();
  await panel.getByText(/请填写停用原因/).waitFor(); // a reason is required
  await panel.locator('.manage-reason textarea, textarea.manage-reason').first().fill('已调离本单位，会籍转出');
  await panel.locator('.manage-confirm').click();
  await panel.locator('.manage-done', { hasText: '已停用' }).waitFor();
  await panel.locator('.manage-status', { hasText: '已停用' }).waitFor();

  // 王建国: the card says so, with the reason, and shows no QR code.
  await switchPersona(page, '王建国');
  await page.goto(`${e2e.app.url}/#/packages/member/card/index`);
  await page.getByText('该会员卡已停用').waitFor();
  await page.getByText(/停用原因：已调离本单位，会籍转出/).waitFor();
  expect(await page.locator('.qr-code').count()).toBe(0);

  // Reinstated: the QR code is back.
  await switchPersona(page, '周海燕');
  await page.goto(`${e2e.app.url}/#/packages/admin/member/manage/index`);
  await page.locator('.manage-card input, input.manage-card').first().fill(cardText);
  await page.locator('.manage-find').click();
  await page.locator('.am-member .manage-restore').click();
  await page.locator('.am-member .manage-confirm').click();
  await page.locator('.am-member .manage-done', { hasText: '已恢复' }).waitFor();
  await switchPersona(page, '王建国');
  await page.goto(`${e2e.app.url}/#/packages/member/card/index`);
  await page.locator('.qr-code').waitFor();
});

it('the district union imports members from an Excel workbook and a GBK CSV on 批量导入会员', async () => {
  const page = await openAs(e2e.browser, e2e.app, 'district_admin', '/packages/admin/member/import/index');
  await page.getByText('选择 Excel 或 CSV 文件').waitFor();
  const input = page.locator('input.import-file-input');
  const imported = async () =>
    Number(await page.locator('.import-result .am-stat', { hasText: '新导入' }).locator('.am-stat__value').textContent());

  // A UTF-8 CSV not in the template is refused on the page: nothing to send.
  await input.setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from('序号,姓名\r\n1,张三\r\n') });
  await page.locator('.import-file-error', { hasText: '表头「序号」不是模板中的列' }).waitFor();
  expect(await page.locator('.import-submit.ui-btn--disabled').count()).toBe(1);

  // An .xlsx: sent as a file; the ID number Excel stored as a number comes back as a row error.
  const okId = withCheckChar('33020619880808123');
  const typedId = withCheckChar('33020619870707123');
  const workbook = xlsxWorkbook([
    {
      name: '会员名单',
      rows: [
        { r: 1, cells: TEMPLATE_HEADER_CELLS },
        { r: 2, cells: ['柳青', okId, { n: '13800138000' }, '北仑港务', 'nb-bl-xq-gw', '一线职工'] },
        { r: 3, cells: ['严明', { n: `${typedId[0]}.${typedId.slice(1, 15)}E+17` }, null, null, 'nb-bl-xq-gw', null] },
      ],
    },
  ]);
  await input.setInputFiles({
    name: '会员名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(workbook),
  });
  await page.getByText('已选择：会员名单.xlsx').waitFor();
  // The preview is the server's dry run: honest about the row it cannot import.
  await page.locator('.import-preview', { hasText: '共 2 行：可导入 1 人，1 行有问题' }).waitFor();
  await page.locator('.import-submit').click();
  await page.locator('.import-result').waitFor();
  expect(await imported()).toBe(1);
  await page
    .locator('.am-rowerr', { hasText: '第 3 行' })
    .getByText('身份证号被 Excel 存成了数字，后几位已丢失，请将该列设为文本格式后重新填写')
    .waitFor();

  // A CSV saved by Excel on Chinese Windows (GBK): also decoded by the function.
  const gbk = encodeGbk(`姓名,身份证号,所属工会编码\r\n方圆,${withCheckChar('33020619860606123')},nb-bl-xq-gw\r\n`);
  await input.setInputFiles({ name: '会员.csv', mimeType: 'text/csv', buffer: Buffer.from(gbk) });
  await page.getByText('已选择：会员.csv').waitFor();
  await page.locator('.import-preview', { hasText: '共 1 行：可导入 1 人' }).waitFor();
  expect(await page.locator('.import-result').count()).toBe(0);
  await page.locator('.import-submit').click();
  await page.locator('.import-result').waitFor();
  expect(await imported()).toBe(1);
  expect(await page.locator('.am-rowerr').count()).toBe(0);
});

it("on 会员卡管理 the district union changes a member's tags and sees the change in the card's history", async () => {
  const page = await openAs(e2e.browser, e2e.app, 'member', '/packages/member/card/index');
  const cardText = ((await page.locator('.mcard__no').textContent()) ?? '').replace(/\s+/g, '');
  await switchPersona(page, '周海燕');
  await page.goto(`${e2e.app.url}/#/packages/admin/member/manage/index`);
  await page.locator('.manage-card input, input.manage-card').first().fill(cardText);
  await page.locator('.manage-find').click();
  // The history brings the current tags (王建国 declared 一线职工 and 高危岗位).
  await page.locator('.manage-tags-current', { hasText: '一线职工、高危岗位' }).waitFor();
  await page.locator('.manage-history-entry', { hasText: '网上入会审核通过' }).waitFor();

  await page.locator('.manage-edit-tags').click();
  // Nothing changed yet: saving is refused on the page.
  await page.locator('.manage-save-tags').click();
  await page.getByText('标签没有变化').waitFor();
  await page.locator('.manage-tag-chip', { hasText: '劳动模范' }).click();
  await page.locator('.manage-save-tags').click();
  await page.getByText('增加：劳动模范').waitFor(); // the second tap says what changes
  await page.locator('.manage-confirm-tags').click();
  await page.locator('.manage-tags-done', { hasText: '标签已更新' }).waitFor();
  await page.locator('.manage-tags-current', { hasText: '一线职工、高危岗位、劳动模范' }).waitFor();
  // The newest history entry is this change, by 周*燕.
  const newest = page.locator('.manage-history-entry').first();
  await newest.getByText('修改标签').waitFor();
  await newest.getByText('操作人：周*燕').waitFor();
  await newest.getByText(/标签：增加 劳动模范（现为：一线职工、高危岗位、劳动模范）/).waitFor();
});
