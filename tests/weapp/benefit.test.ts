/**
 * Friday drops in the weapp runtime against a local cloud: the clock is moved to three seconds
 * before a Friday 10:00 opening, the member watches the native countdown reach zero on 福利, taps
 * 抢, answers the modal with 去查看 and finds the code in 我的福利; the district admin redeems it by
 * scanning (wx.scanCode answered with that code), and a second scan is refused.
 * Also the subscribe-message opt-in: the member allows 领取结果通知 in WeChat's dialog and the
 * function records one message credit.
 */
import { weappSuite } from './harness/suite';

const TEMPLATE_ID = 'tmpl-benefit-result-test';

// The function reads its template ids from the environment.
const suite = weappSuite({ env: { WX_TMPL_BENEFIT_RESULT: TEMPLATE_ID } });

/** The next Friday 10:00 in Beijing (UTC+8, no daylight saving) after `now`, at least a day ahead. */
function nextFriday10(now: number): number {
  const beijing = new Date(now + 8 * 3600_000);
  let days = (5 - beijing.getUTCDay() + 7) % 7;
  if (days === 0) days = 7;
  return Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + days, 2, 0, 0);
}

it('at Friday 10:00 the member claims on 福利, sees the code in 我的福利, and the admin redeems it by scanning', async () => {
  const title = '周五流量包 小程序测试';
  const opensAt = nextFriday10(Date.now());
  const created = await suite.cloud.call<{ dropId: string }>(
    'benefit',
    'adminCreate',
    { unionId: 'nb-bl', title, kind: 'data', mode: 'first_come', opensAt, stock: 3 },
    { persona: 'district_admin' },
  );
  expect(created.ok).toBe(true);

  await suite.cloud.setClock(new Date(opensAt - 3000));
  suite.mp.as('member');
  const benefits = await suite.mp.open('/pages/benefits/index');
  const card = () => benefits.get('.drop', title);
  expect(card().textContent).toContain('距开抢');
  expect(card().querySelector('.drop__btn')?.textContent).toBe('未开始');

  // The native countdown reaches zero on the phone; the card opens without a reload.
  await benefits.waitFor('.drop.drop--open', title, 8000);
  await benefits.tap(card().querySelector('.drop__btn')!, '抢');
  const modal = await suite.mp.asks.next('showModal');
  expect(modal.args).toMatchObject({ title: '抢到了', confirmText: '去查看' });
  modal.answer({ confirm: true, cancel: false });
  await suite.mp.idle();

  const mine = suite.mp.current;
  expect(mine.route).toBe('packages/benefit/mine/index');
  expect(suite.mp.stack.map((p) => p.route)).toEqual(['pages/benefits/index', 'packages/benefit/mine/index']);
  await mine.settled();
  const claim = mine.get('.bf-claim', title);
  const code = claim.querySelector('.bf-code')?.textContent?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(claim.querySelector('.qr-code__row')).not.toBeNull();

  // Back on 福利 the card says so.
  await (suite.mp.fake.wx.navigateBack as () => Promise<unknown>)();
  await suite.mp.idle();
  expect(suite.mp.current.route).toBe('pages/benefits/index');
  await suite.mp.current.waitFor('.drop', new RegExp(`${title}.*查看兑换码`));

  suite.mp.as('district_admin');
  const redeem = await suite.mp.open('/packages/admin/benefit/redeem/index');
  suite.mp.asks.prepare('scanCode', { result: code });
  await redeem.tap('.bf-secondary', '扫码核销');
  await redeem.waitFor('.bf-result--ok', '核销成功');
  expect(suite.mp.asks.log.find((a) => a.api === 'scanCode')?.args).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
  suite.mp.asks.prepare('scanCode', { result: code });
  await redeem.tap('.bf-secondary', '扫码核销');
  await redeem.waitFor('.bf-result--fail', '不能重复使用');

  // A cancelled scan changes nothing.
  suite.mp.asks.prepare('scanCode', { fail: 'scanCode:fail cancel' });
  await redeem.tap('.bf-secondary', '扫码核销');
  await suite.mp.idle();
  expect(redeem.get('.bf-result--fail').textContent).toContain('不能重复使用');

  suite.mp.as('member');
  const after = await suite.mp.open('/packages/benefit/mine/index');
  expect(after.get('.bf-claim', title).textContent).toContain('已核销');
});

it("the member allows 领取结果通知 in WeChat's subscribe dialog and the function keeps one credit", async () => {
  suite.mp.as('member');
  const benefits = await suite.mp.open('/pages/benefits/index');
  await benefits.tap('.benefits__remind');
  const dialog = await suite.mp.asks.next('requestSubscribeMessage');
  expect(dialog.args.tmplIds).toEqual([TEMPLATE_ID]);
  dialog.answer({ [TEMPLATE_ID]: 'accept' });
  await suite.mp.idle();
  expect(suite.mp.toasts().at(-1)?.title).toBe('已订阅领取结果通知');
  const templates = await suite.cloud.call<{ templates: Array<{ key: string; credits: number }> }>(
    'notify',
    'templates',
    { keys: ['benefit_result'] },
    { persona: 'member' },
  );
  expect(templates.ok && templates.data.templates[0].credits).toBe(1);

  // Rejected in the dialog: no credit added, and the page says so.
  await benefits.tap('.benefits__remind');
  (await suite.mp.asks.next('requestSubscribeMessage')).answer({ [TEMPLATE_ID]: 'reject' });
  await suite.mp.idle();
  expect(suite.mp.toasts().at(-1)?.title).toBe('未订阅，可在“消息”中查看结果');
  const again = await suite.cloud.call<{ templates: Array<{ credits: number }> }>(
    'notify',
    'templates',
    { keys: ['benefit_result'] },
    { persona: 'member' },
  );
  expect(again.ok && again.data.templates[0].credits).toBe(1);
});
