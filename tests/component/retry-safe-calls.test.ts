/**
 * The request ids of the mini-program's changes (miniprogram/hooks/useRetrySafeSend.ts), the hooks
 * rendered with react-dom in jsdom: a tap whose answer was lost repeats the same request id (the
 * server applies it at most once), any final answer ends it, and the next tap is a new request.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Result } from '../../shared/envelope';
import { useRetrySafeCalls, useRetrySafeSend, type RetrySafeCalls } from '../../miniprogram/hooks/useRetrySafeSend';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Answer = { ok: true } | { code: string };
const refusal = (code: string): Answer => ({ code });
const OK: Answer = { ok: true };

/** A server that records the request id of each call and answers as told. */
function server() {
  const ids: string[] = [];
  const call =
    (answer: Answer) =>
    async (requestId: string): Promise<Result<{ n: number }>> => {
      ids.push(requestId);
      return 'ok' in answer
        ? { ok: true, data: { n: ids.length } }
        : { ok: false, error: { code: answer.code as never, message: `答复 ${answer.code}` } };
    };
  return { ids, call };
}

let root: Root | null = null;
let container: HTMLElement | null = null;

function mount<T>(useHook: () => T): () => T {
  let latest: T;
  function Probe() {
    latest = useHook();
    return null;
  }
  container = document.createElement('div');
  root = createRoot(container);
  act(() => root!.render(createElement(Probe)));
  return () => latest;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container = null;
});

async function tap<T>(calls: RetrySafeCalls, call: (id: string) => Promise<Result<T>>, key?: string): Promise<Result<T>> {
  let res!: Result<T>;
  await act(async () => {
    res = await calls.run(call, key);
  });
  return res;
}

describe('useRetrySafeCalls', () => {
  it('repeats the same id while the answer is lost, and takes a new one after the answer', async () => {
    const hook = mount(() => useRetrySafeCalls());
    const s = server();
    await tap(hook(), s.call(refusal('NETWORK')));
    await tap(hook(), s.call(refusal('NETWORK')));
    await tap(hook(), s.call(OK));
    await tap(hook(), s.call(OK));
    expect(s.ids[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(s.ids[1]).toBe(s.ids[0]);
    expect(s.ids[2]).toBe(s.ids[0]);
    expect(s.ids[3]).not.toBe(s.ids[0]);
  });

  it('ends the request on a refusal or a server failure: the next tap is a new request', async () => {
    const hook = mount(() => useRetrySafeCalls());
    const s = server();
    await tap(hook(), s.call(refusal('FORBIDDEN')));
    await tap(hook(), s.call(refusal('INTERNAL')));
    await tap(hook(), s.call(refusal('BUSY')));
    await tap(hook(), s.call(OK));
    expect(new Set(s.ids).size).toBe(4);
  });

  it('says whether a request is open, per key, and keys do not share ids', async () => {
    const hook = mount(() => useRetrySafeCalls());
    const s = server();
    expect(hook().pending()).toBe(false);
    await tap(hook(), s.call(refusal('NETWORK')), 'site');
    expect(hook().pending('site')).toBe(true);
    expect(hook().pending('slot')).toBe(false);
    expect(hook().pending()).toBe(false);
    await tap(hook(), s.call(OK), 'slot');
    await tap(hook(), s.call(OK), 'site');
    expect(s.ids[1]).not.toBe(s.ids[0]);
    expect(s.ids[2]).toBe(s.ids[0]);
    expect(hook().pending('site')).toBe(false);
  });

  it('forget drops an open request: changed content is a new request', async () => {
    const hook = mount(() => useRetrySafeCalls());
    const s = server();
    await tap(hook(), s.call(refusal('NETWORK')));
    act(() => hook().forget());
    expect(hook().pending()).toBe(false);
    await tap(hook(), s.call(OK));
    expect(s.ids[1]).not.toBe(s.ids[0]);
  });

  it('a late answer to a forgotten request leaves the newer open request alone', async () => {
    const hook = mount(() => useRetrySafeCalls());
    const ids: string[] = [];
    let answerFirst!: (r: Result<null>) => void;
    let first!: Promise<Result<null>>;
    act(() => {
      first = hook().run((id) => {
        ids.push(id);
        return new Promise((resolve) => (answerFirst = resolve));
      });
    });
    act(() => hook().forget());
    await tap(hook(), async (id) => {
      ids.push(id);
      return { ok: false, error: { code: 'NETWORK', message: '网络' } } as Result<null>;
    });
    await act(async () => {
      answerFirst({ ok: true, data: null });
      await first;
    });
    expect(hook().pending()).toBe(true);
    await tap(hook(), async (id) => {
      ids.push(id);
      return { ok: true, data: null } as Result<null>;
    });
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe(ids[1]);
  });

  it('keeps the request open on the codes the page names (the benefits page: BUSY, NETWORK, INTERNAL)', async () => {
    const hook = mount(() => useRetrySafeCalls(['BUSY', 'NETWORK', 'INTERNAL']));
    const s = server();
    await tap(hook(), s.call(refusal('BUSY')), 'drop-1');
    await tap(hook(), s.call(refusal('INTERNAL')), 'drop-1');
    await tap(hook(), s.call(refusal('DROP_SOLD_OUT')), 'drop-1');
    await tap(hook(), s.call(OK), 'drop-1');
    expect(s.ids[1]).toBe(s.ids[0]);
    expect(s.ids[2]).toBe(s.ids[0]);
    expect(s.ids[3]).not.toBe(s.ids[0]);
  });
});

describe('useRetrySafeSend', () => {
  it('is busy while sending, shows the message of a failure, returns the data of a success', async () => {
    const hook = mount(() => useRetrySafeSend());
    const s = server();
    let release!: () => void;
    let sending!: Promise<{ n: number } | null>;
    act(() => {
      sending = hook().send(async (id) => {
        await new Promise<void>((resolve) => (release = resolve));
        return s.call(refusal('NETWORK'))(id);
      });
    });
    expect(hook().busy).toBe(true);
    await act(async () => {
      release();
      expect(await sending).toBeNull();
    });
    expect(hook().busy).toBe(false);
    expect(hook().error).toBe('答复 NETWORK');

    let data: { n: number } | null = null;
    await act(async () => {
      data = await hook().send(s.call(OK));
    });
    expect(data).toEqual({ n: 2 });
    expect(hook().error).toBeNull();
    expect(s.ids[1]).toBe(s.ids[0]);

    await act(async () => {
      await hook().send(s.call(refusal('FORBIDDEN')));
    });
    expect(hook().error).toBe('答复 FORBIDDEN');
    await act(async () => {
      await hook().send(s.call(OK));
    });
    expect(new Set(s.ids).size).toBe(3);
  });
});
