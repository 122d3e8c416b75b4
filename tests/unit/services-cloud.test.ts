/**
 * services/cloud.ts in the weapp build: Taro.cloud.callFunction's failure shapes are classified
 * (quota → BUSY and retried with the same request id; a server failure → INTERNAL, never
 * described as the network; no answer → NETWORK and retried), with the shared retry policy.
 */
const calls: Array<{ name: string; data: { requestId: string } }> = [];
let script: Array<() => unknown> = [];

jest.mock(
  '@tarojs/taro',
  () => ({
    __esModule: true,
    default: {
      cloud: {
        callFunction: async (req: { name: string; data: { requestId: string } }) => {
          calls.push(req);
          const step = script.shift();
          if (!step) throw new Error('no scripted answer');
          return { result: step() };
        },
      },
    },
  }),
  { virtual: false },
);

process.env.TARO_ENV = 'weapp';
const { callFunction } = require('../../miniprogram/services/cloud') as typeof import('../../miniprogram/services/cloud');

const refuse =
  (errCode: number, errMsg = `cloud.callFunction:fail Error: errCode: ${errCode}`) =>
  () => {
    throw Object.assign(new Error(errMsg), { errCode, errMsg });
  };
const answer = (data: unknown) => () => ({ ok: true, data });

beforeEach(() => {
  calls.length = 0;
  script = [];
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

async function run<T>(p: Promise<T>): Promise<T> {
  // Let the backoff timers fire until the call settles.
  let done = false;
  void p.finally(() => (done = true));
  while (!done) await jest.advanceTimersByTimeAsync(500);
  return p;
}

test('a quota refusal (-501004, -501003) is retried with the SAME request id until the final answer', async () => {
  script = [refuse(-501004), refuse(-501003), answer({ code: 'ABCD' })];
  const waits: number[] = [];
  const res = await run(
    callFunction('benefit', 'claim', { dropId: 'd1' }, { requestId: 'req0000000000001', onWait: (ms) => waits.push(ms) }),
  );
  expect(res).toEqual({ ok: true, data: { code: 'ABCD' } });
  expect(calls.map((c) => c.data.requestId)).toEqual(['req0000000000001', 'req0000000000001', 'req0000000000001']);
  expect(waits).toHaveLength(2);
});

test('a function answering BUSY is retried; a business answer is final', async () => {
  script = [
    () => ({ ok: false, error: { code: 'BUSY', message: '…' } }),
    () => ({ ok: false, error: { code: 'DROP_SOLD_OUT', message: '本次共 2 份，已于 10:00:03 领完' } }),
  ];
  const res = await run(callFunction('benefit', 'claim', {}));
  expect(res).toMatchObject({ ok: false, error: { code: 'DROP_SOLD_OUT' } });
  expect(calls).toHaveLength(2);
  expect(calls[0].data.requestId).toBe(calls[1].data.requestId);
});

test('a server-side failure is INTERNAL (never 网络不给力) and not retried', async () => {
  for (const code of [-504002, -501001, -404011]) {
    calls.length = 0;
    script = [refuse(code)];
    const res = await run(callFunction('benefit', 'claim', {}));
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!res.ok) expect(res.error.message).not.toMatch(/网络/);
    expect(calls).toHaveLength(1);
  }
  // The code only in the message, as some base-library versions report it.
  script = [
    () => {
      throw new Error('cloud.callFunction:fail Error: errCode: -504002 functions execute fail');
    },
  ];
  expect(await run(callFunction('system', 'homeSummary', {}))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
});

test('no answer at all is NETWORK, retried within the budget, then given up', async () => {
  script = Array.from({ length: 50 }, () => () => {
    throw Object.assign(new Error('request:fail timeout'), { errMsg: 'cloud.callFunction:fail request:fail timeout' });
  });
  const res = await run(callFunction('benefit', 'list', {}, { budgetMs: 5_000 }));
  expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
  expect(calls.length).toBeGreaterThan(2);
  expect(calls.length).toBeLessThan(10);
});
