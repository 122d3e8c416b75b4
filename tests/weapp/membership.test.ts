/**
 * Membership in the weapp runtime against a local cloud:
 * 陈晓 joins (the ID check character is checked on the page) → 周海燕 approves on the review page →
 * 陈晓's card page shows the card number and a QR code of a live token, which the page replaces
 * by itself a minute later (timers and the cloud's clock moved together).
 * Then 周海燕 imports members from files picked in a WeChat chat (`chooseMessageFile`): a UTF-8
 * CSV read on the phone, an .xlsx sent to the function as base64.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qrMatrix } from '../../miniprogram/components/qrMatrix';
import { withCheckChar } from '../../shared/member/idNumber';
import { TEMPLATE_HEADER_CELLS, xlsxWorkbook } from '../scenarios/importFiles';
import { weappSuite } from './harness/suite';
import type { WeappPage } from './harness/page';

const files = mkdtempSync(join(tmpdir(), 'weapp-files-'));

const suite = weappSuite({ afterAll: () => jest.useRealTimers() });

/** Rebuild each QR row's modules from its hard-stop gradient (dark start/end pairs), as a scanner reads them. */
function qrModules(page: WeappPage): boolean[][] {
  return page.all('.qr-code__row').map((row) => {
    const style = row.getAttribute('style') ?? '';
    const cell = Number(/height:\s*(\d+)px/.exec(style)?.[1] ?? 1);
    const stops = [...style.matchAll(/#(000000|ffffff) (\d+)px/g)].map((m) => ({ dark: m[1] === '000000', at: Number(m[2]) }));
    const modules: boolean[] = [];
    for (let i = 0; i + 1 < stops.length; i += 2) {
      for (let k = 0; k < Math.round((stops[i + 1].at - stops[i].at) / cell); k++) modules.push(stops[i].dark);
    }
    return modules;
  });
}

function lastToken(): string {
  const res = suite.mp.results('member.cardToken').at(-1);
  if (!res?.ok) throw new Error(`no card token: ${JSON.stringify(res)}`);
  return (res.data as { token: string }).token;
}

/** Move the phone's timers and the cloud's clock forward together, a second at a time. */
async function elapse(ms: number): Promise<void> {
  const now = Date.now();
  await suite.cloud.setClock(new Date(now + ms));
  for (let t = 0; t < ms; t += 1000) {
    jest.advanceTimersByTime(1000);
    await suite.mp.idle();
  }
  await suite.mp.current.waitFor('.qr-code__row');
}

const ID_NUMBER = withCheckChar('33020619920315123');

it('a worker joins, the district union approves, and the card shows a QR code that refreshes itself', async () => {
  suite.mp.as('guest');
  const join = await suite.mp.open('/packages/member/join/index');
  await join.input('.field-realName wx-input', '陈晓');
  await join.input('.field-idNumber wx-input', ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1'));
  await join.waitForText('身份证号校验位不正确，请核对');
  await join.input('.field-idNumber wx-input', ID_NUMBER);
  await join.input('.field-phone wx-input', '13912345678');
  await join.input('.field-employer wx-input', '宁波北仑港务有限公司');
  await join.tap('.union-option', '宁波北仑港务有限公司工会');
  await join.tap('.tag-option', '一线职工');
  await join.tap('.join-submit');
  await join.waitForText('请先阅读并同意《用户隐私保护指引》');
  await join.tap('.mconsent__box');
  await join.tap('.join-submit');
  const sure = await suite.mp.asks.next('showModal'); // applying cannot be undone: the form asks first
  expect(sure.args).toMatchObject({ title: '提交入会申请', confirmText: '提交' });
  sure.answer({ confirm: true, cancel: false });
  await suite.mp.idle();
  const status = suite.mp.current;
  expect(status.route).toBe('packages/member/status/index');
  await status.waitForText('已提交，待审核');
  expect(status.text()).not.toContain(ID_NUMBER);

  suite.mp.as('district_admin');
  const review = await suite.mp.open('/packages/admin/member/review/index');
  const item = review.get('.am-app', '陈晓');
  await review.tap(item.querySelector('.review-approve')!);
  await review.tap(await review.waitFor('.am-app .review-confirm'));
  const done = await review.waitFor('.am-done', '会员卡号');
  const cardNo = /会员卡号 (NB51\d{8})/.exec(done.textContent ?? '')?.[1];
  expect(cardNo).toMatch(/^NB51\d{8}$/);

  // The card page, with the phone's timers under the test's control from the start.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'performance'], now: Date.now() });
  try {
    await cardRefreshes(cardNo!);
  } finally {
    jest.useRealTimers();
  }
});

async function cardRefreshes(cardNo: string): Promise<void> {
  suite.mp.as('guest');
  const card = await suite.mp.open('/packages/member/card/index');
  await card.waitFor('.mcard__no', cardNo.replace(/(.{4})/g, '$1 ').trim());
  await card.waitFor('.qr-code__row');
  const first = lastToken();
  expect(first).toMatch(new RegExp(`^v1\\.${cardNo}\\.\\d+\\.[A-Za-z0-9_-]{20,}$`));
  expect(qrModules(card)).toEqual(qrMatrix(first).rows);
  await card.waitForText(/\d+ 秒后自动刷新/);

  await elapse(61_000);
  const second = lastToken();
  expect(second).not.toBe(first);
  expect(qrModules(card)).toEqual(qrMatrix(second).rows);
  await suite.mp.close(); // its timers are fake
}

it('the district union imports members from a CSV and an .xlsx picked from a WeChat chat', async () => {
  suite.mp.as('district_admin');
  const page = await suite.mp.open('/packages/admin/member/import/index');

  const csv = join(files, '会员名单.csv');
  writeFileSync(
    csv,
    `${TEMPLATE_HEADER_CELLS.join(',')}\r\n柳青,${withCheckChar('33020619880808123')},13800138000,北仑港务,nb-bl-xq-gw,一线职工\r\n`,
  );
  suite.mp.asks.prepare('chooseMessageFile', { files: [csv] });
  await page.tap('wx-button', '从微信聊天中选择');
  await page.waitForText('已选择：会员名单.csv');
  await page.waitForText('共 1 行：可导入 1 人');
  await page.tap('.import-submit');
  const result = await page.waitFor('.import-result');
  expect(page.get('.am-stat', '新导入').querySelector('.am-stat__value')?.textContent).toBe('1');
  expect(result.textContent).toContain('新导入');
  const pick = suite.mp.asks.log.find((a) => a.api === 'chooseMessageFile');
  expect(pick?.args).toMatchObject({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });

  const xlsx = join(files, '会员名单.xlsx');
  writeFileSync(
    xlsx,
    xlsxWorkbook([
      {
        name: '会员名单',
        rows: [
          { r: 1, cells: TEMPLATE_HEADER_CELLS },
          { r: 2, cells: ['严明', withCheckChar('33020619870707123'), null, null, 'nb-bl-xq-gw', null] },
        ],
      },
    ]),
  );
  suite.mp.asks.prepare('chooseMessageFile', { files: [xlsx] });
  await page.tap('wx-button', '从微信聊天中选择');
  await page.waitForText('已选择：会员名单.xlsx');
  await page.waitForText('共 1 行：可导入 1 人'); // the server's preview of the workbook
  await page.tap('.import-submit');
  await page.waitFor('.import-result');
  await suite.mp.idle();
  expect(page.get('.am-stat', '新导入').querySelector('.am-stat__value')?.textContent).toBe('1');
  // Each file: the server's preview (nothing written) when picked, then the import itself.
  const sent = suite.mp.results('member.adminImport');
  expect(sent.every((r) => r.ok)).toBe(true);
  expect(sent.filter((r) => r.ok && !(r.data as { preview: boolean }).preview)).toHaveLength(2);
  expect(sent.filter((r) => r.ok && (r.data as { preview: boolean }).preview).length).toBeGreaterThanOrEqual(2);
});
