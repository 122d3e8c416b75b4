/**
 * 网上入会 whose answers are lost, in the weapp runtime against a local cloud: the application is
 * filed on the cloud, the phone hears nothing (the transport's own retries, same request id, are
 * lost too) and shows 网络不给力. When the network is back the next tap repeats the same request
 * (no second confirmation) and the cloud answers it with the filed application, so the page goes
 * on to the status page instead of saying the application is already pending.
 */
import { withCheckChar } from '../../shared/member/idNumber';
import { weappSuite } from './harness/suite';
import type { WeappPage } from './harness/page';

const suite = weappSuite({ afterAll: () => jest.useRealTimers() });
afterEach(() => jest.useRealTimers());

/** Move the phone's timers a second at a time until the page shows `text` (the transport's retries run meanwhile). */
async function untilText(page: WeappPage, text: string, maxMs = 30_000): Promise<void> {
  for (let t = 0; t < maxMs && !page.text().includes(text); t += 1000) {
    jest.advanceTimersByTime(1000);
    await suite.mp.idle();
  }
  expect(page.text()).toContain(text);
}

it('an application whose answers were lost is sent again with the same request id and answered with the filed application', async () => {
  suite.mp.as('guest');
  const join = await suite.mp.open('/packages/member/join/index');
  await join.input('.field-realName wx-input', '陈晓');
  await join.input('.field-idNumber wx-input', withCheckChar('33020619920315123'));
  await join.input('.field-phone wx-input', '13912345678');
  await join.input('.field-employer wx-input', '宁波北仑港务有限公司');
  await join.tap('.union-option', '宁波北仑港务有限公司工会');
  await join.tap('.mconsent__box');

  suite.mp.loseAnswers('member.apply');
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'performance'], now: Date.now() });
  await join.tap('.join-submit');
  (await suite.mp.asks.next('showModal')).answer({ confirm: true, cancel: false });
  await untilText(join, '网络不给力');
  const lost = suite.mp.requestIds('member.apply');
  expect(new Set(lost).size).toBe(1);
  const filed = suite.mp.results('member.apply');
  expect(filed[0]).toMatchObject({ ok: true }); // the cloud did file it

  // The network is back: the next tap is the same request, and its answer is the filed application.
  suite.mp.answersArrive('member.apply');
  await join.tap('.join-submit');
  await suite.mp.idle();
  expect(suite.mp.requestIds('member.apply').at(-1)).toBe(lost[0]);
  const repeat = suite.mp.results('member.apply').at(-1)!;
  expect(repeat).toEqual(filed[0]);
  jest.useRealTimers();
  const status = suite.mp.current;
  expect(status.route).toBe('packages/member/status/index');
  await status.waitForText('已提交，待审核');
});
