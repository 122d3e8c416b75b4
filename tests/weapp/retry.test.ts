/**
 * A change whose answer is lost, in the weapp runtime against a local cloud: the page keeps the
 * request id (miniprogram/hooks/useRetrySafeSend.ts), so the next tap repeats the same request and
 * the server applies it once; after a final answer the next tap is a new request.
 * The phone loses the answers on the way back (the call runs on the cloud, wx.cloud.callFunction
 * fails as with no network); the transport's own retries (15 s of the phone's clock, moved by
 * the test) fail too, so the page itself gets NETWORK.
 */
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

async function fillChild(page: WeappPage, name: string): Promise<void> {
  await page.input('.field-name wx-input', name);
  await page.tap('.gender-female');
  await page.tap('.grade-3');
  await page.input('.field-school wx-input', '北仑区新碶小学');
  await page.input('.field-emergencyName wx-input', '李秀梅');
  await page.input('.field-emergencyPhone wx-input', '13805741202');
}

const childIdOf = (answer: { data?: unknown }) => (answer.data as { child: { id: string } }).child.id;

it('a change whose answers were lost is repeated with the same request id and applied once; after the answer the next tap is new', async () => {
  suite.mp.as('parent');
  const children = await suite.mp.open('/packages/daycare/children/index');
  await children.waitFor('.child-card', '李小雨');
  await fillChild(children, '李小安');

  suite.mp.loseAnswers('daycare.addChild');
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'performance'], now: Date.now() });
  await children.tap('.add-child-submit');
  await untilText(children, '网络不给力，请检查网络后重试');
  const lost = suite.mp.requestIds('daycare.addChild');
  expect(lost.length).toBeGreaterThan(1); // the transport retried on its own, with the same id
  expect(new Set(lost).size).toBe(1);
  const applied = suite.mp.results('daycare.addChild');
  expect(applied[0]).toMatchObject({ ok: true }); // the cloud did add the child
  expect(new Set(applied.map(childIdOf)).size).toBe(1);

  // The network is back: the next tap repeats the open request, and the cloud answers with the same child.
  suite.mp.answersArrive('daycare.addChild');
  await children.tap('.add-child-submit');
  await children.waitFor('.child-card', '李小安');
  expect(suite.mp.requestIds('daycare.addChild').at(-1)).toBe(lost[0]);
  const repeat = suite.mp.results('daycare.addChild').at(-1)!;
  expect(repeat).toMatchObject({ ok: true });
  expect(childIdOf(repeat)).toBe(childIdOf(applied[0]));
  expect(children.all('.child-card').filter((c) => c.textContent?.includes('李小安'))).toHaveLength(1);

  // That was a final answer: the same form sent again is a new request (a second child).
  await fillChild(children, '李小安');
  await children.tap('.add-child-submit');
  await suite.mp.idle();
  const ids = suite.mp.requestIds('daycare.addChild');
  expect(ids.at(-1)).not.toBe(lost[0]);
  const second = suite.mp.results('daycare.addChild').at(-1)!;
  expect(second).toMatchObject({ ok: true });
  expect(childIdOf(second)).not.toBe(childIdOf(applied[0]));
});
