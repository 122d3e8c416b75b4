/**
 * The native drop countdown (miniprogram/native/countdown), rendered with miniprogram-simulate.
 * Fake timers drive both setInterval and Date.now, so "one tick per second" is exact.
 */
import path from 'path';
import simulate from 'miniprogram-simulate';

const COMPONENT = path.resolve(__dirname, '../../miniprogram/native/countdown/index');
const T0 = Date.UTC(2026, 6, 3, 1, 59, 0); // 2026-07-03 09:59:00 Beijing

type Comp = ReturnType<typeof simulate.render>;

function text(comp: Comp): string {
  return comp.dom!.textContent!.replace(/\s+/g, '');
}

describe('native countdown', () => {
  let id: string;
  beforeAll(() => {
    id = simulate.load(COMPONENT);
  });
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  function mount(props: Record<string, unknown>) {
    const comp = simulate.render(id, props);
    comp.attach(document.createElement('parent-wrapper'));
    return comp;
  }

  it('shows the time left with the prefix, and ticks once per second', () => {
    const comp = mount({ target: T0 + 65_000 });
    expect(text(comp)).toBe('距开抢00时01分05秒');
    jest.advanceTimersByTime(1000);
    expect(text(comp)).toBe('距开抢00时01分04秒');
    jest.advanceTimersByTime(5000);
    expect(text(comp)).toBe('距开抢00时00分59秒');
    comp.detach();
  });

  it('shows days when more than a day is left, and a custom prefix', () => {
    const comp = mount({ target: T0 + 2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000, prefix: '距报名' });
    expect(text(comp)).toBe('距报名2天03时04分05秒');
    comp.detach();
  });

  it('uses the server clock: now = Date.now() + serverOffset', () => {
    // The server is 30 s ahead of this phone.
    const comp = mount({ target: T0 + 60_000, serverOffset: 30_000 });
    expect(text(comp)).toBe('距开抢00时00分30秒');
    comp.detach();
  });

  it('fires finish exactly once at zero and then shows 已开抢', () => {
    const comp = mount({ target: T0 + 3_000 });
    const onFinish = jest.fn();
    comp.instance.triggerEvent = ((orig) =>
      function (this: unknown, name: string, detail: unknown) {
        if (name === 'finish') onFinish(detail);
        return orig.call(comp.instance, name, detail);
      })(comp.instance.triggerEvent);
    jest.advanceTimersByTime(2000);
    expect(onFinish).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1000);
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish).toHaveBeenCalledWith({ target: T0 + 3_000 });
    expect(text(comp)).toBe('已开抢');
    jest.advanceTimersByTime(10_000);
    expect(onFinish).toHaveBeenCalledTimes(1);
    comp.detach();
  });

  it('delivers finish to a parent listening with bind:finish', () => {
    const parentId = simulate.load({
      usingComponents: { countdown: id },
      template: '<countdown target="{{target}}" server-offset="{{offset}}" bind:finish="onFinish" />',
      data: { target: T0 + 2_000, offset: 1_000, finishedAt: 0 },
      methods: {
        onFinish(this: { setData(d: object): void }, e: { detail: { target: number } }) {
          this.setData({ finishedAt: e.detail.target });
        },
      },
    });
    const parent = simulate.render(parentId);
    parent.attach(document.createElement('parent-wrapper'));
    // server-offset (kebab-case in WXML, as Taro writes it) reaches the serverOffset property.
    expect(text(parent)).toBe('距开抢00时00分01秒');
    jest.advanceTimersByTime(1000);
    expect(parent.data.finishedAt).toBe(T0 + 2_000);
    expect(text(parent)).toBe('已开抢');
    parent.detach();
  });

  it('only sends the fields that changed to setData', () => {
    const comp = mount({ target: T0 + 3_600_000 + 5_000 });
    const calls: object[] = [];
    const setData = comp.instance.setData.bind(comp.instance);
    comp.instance.setData = (d: object) => {
      calls.push(d);
      setData(d);
    };
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual([{ seconds: '04' }]);
    comp.detach();
  });

  it('stops ticking when detached', () => {
    const comp = mount({ target: T0 + 60_000 });
    comp.detach();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does nothing until a target is known, then starts when it arrives', () => {
    const comp = mount({ target: 0 });
    expect(jest.getTimerCount()).toBe(0);
    comp.setData({ target: T0 + 10_000 });
    expect(text(comp)).toBe('距开抢00时00分10秒');
    expect(jest.getTimerCount()).toBe(1);
    comp.detach();
  });
});
