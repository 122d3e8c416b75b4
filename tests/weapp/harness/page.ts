/**
 * One open page of the weapp, as a test reads and drives it: text, elements by CSS selector
 * (Taro renders `class` and `id` as given in the JSX), taps and input events dispatched through
 * WeChat's event system (exparser), so Taro's own handlers run as on a phone.
 */
import type simulate from 'miniprogram-simulate';
import { pumpFakeTimers } from './device';
import type { Weapp } from './miniapp';

type Comp = ReturnType<typeof simulate.render> & { dom: HTMLElement };

const realSetTimeout = setTimeout;
const sleep = (ms: number) =>
  new Promise((r) => {
    pumpFakeTimers(ms);
    realSetTimeout(r, ms);
  });

export class WeappPage {
  constructor(
    readonly mp: Weapp,
    readonly comp: Comp,
    readonly route: string,
  ) {}

  get root(): Element {
    return this.comp.dom as unknown as Element;
  }

  /** The page's visible text, whitespace collapsed. */
  text(): string {
    return (this.root.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  all(selector: string): Element[] {
    return [...this.root.querySelectorAll(selector)];
  }

  /** The first element matching `selector` whose text contains `hasText` (if given). */
  find(selector: string, hasText?: string | RegExp): Element | null {
    return this.all(selector).find((el) => matches(el.textContent ?? '', hasText)) ?? null;
  }

  get(selector: string, hasText?: string | RegExp): Element {
    const el = this.find(selector, hasText);
    if (!el)
      throw new Error(
        `${this.route}: no ${selector}${hasText ? ` with text ${String(hasText)}` : ''}. Page text: ${this.text().slice(0, 600)}`,
      );
    return el;
  }

  /** Wait until `selector` (with `hasText`) is on the page. */
  async waitFor(selector: string, hasText?: string | RegExp, timeoutMs = 10_000): Promise<Element> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const el = this.find(selector, hasText);
      if (el) return el;
      if (performance.now() > deadline) return this.get(selector, hasText);
      await sleep(20);
    }
  }

  async waitForText(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!matches(this.text(), text)) {
      if (performance.now() > deadline)
        throw new Error(`${this.route}: text ${String(text)} did not appear. Page text: ${this.text().slice(0, 800)}`);
      await sleep(20);
    }
  }

  async waitForGone(selector: string, timeoutMs = 10_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.find(selector)) {
      if (performance.now() > deadline) throw new Error(`${this.route}: ${selector} still there after ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  /** Loaded: nothing in flight, no skeleton (aria-busy) left. */
  async settled(timeoutMs = 15_000): Promise<void> {
    await this.mp.idle(timeoutMs);
    await this.waitForGone('[aria-busy="true"]', timeoutMs);
    await this.mp.idle(timeoutMs);
  }

  /** A property as the page set it on the WeChat node (`disabled`, `value`…): wcc does not put them in the DOM. */
  prop(el: Element, name: string): unknown {
    const attrs =
      (el as unknown as { __wxElement?: { _vt?: { attrs?: Array<{ name: string; value: unknown }> } } }).__wxElement?._vt?.attrs ?? [];
    return attrs.find((a) => a.name === name)?.value;
  }

  /**
   * What a <rich-text> shows: simulate does not render the native component, so read its `nodes`
   * (WeChat's node tree) and collect the text, and every attribute name used, for checks.
   */
  richText(el: Element): { text: string; attributes: string[]; tags: string[] } {
    const out = { text: '', attributes: [] as string[], tags: [] as string[] };
    const walk = (nodes: unknown): void => {
      if (typeof nodes === 'string') {
        out.text += nodes;
        return;
      }
      // The template engine hands arrays over as index-keyed objects.
      const list = Object.values(
        (nodes ?? {}) as Record<
          string,
          { type?: string; text?: string; name?: string; attrs?: Record<string, unknown>; children?: unknown }
        >,
      );
      for (const n of list) {
        if (n.type === 'text') out.text += n.text ?? '';
        if (n.name) out.tags.push(n.name);
        out.attributes.push(...Object.keys(n.attrs ?? {}));
        if (n.children) walk(n.children);
      }
    };
    walk(this.prop(el, 'nodes'));
    return out;
  }

  /** Tap an element (selector with optional text, or the element itself). As in WeChat, a disabled button ignores it. */
  async tap(target: string | Element, hasText?: string | RegExp): Promise<void> {
    const el = typeof target === 'string' ? this.get(target, hasText) : target;
    const button = el.closest('wx-button');
    if (button && this.prop(button, 'disabled') === true)
      throw new Error(`${this.route}: tapped a disabled button (${button.textContent})`);
    this.mp.dispatch(el, 'tap', { x: 0, y: 0 });
    await sleep(0);
  }

  /** Type into an <input>/<textarea>: WeChat sends `input` with detail.value (then blur). */
  async input(target: string | Element, value: string): Promise<void> {
    const el = typeof target === 'string' ? this.get(target) : target;
    const field = /^(wx-)?(input|textarea)$/i.test(el.tagName) ? el : (el.querySelector('input, textarea, wx-input, wx-textarea') ?? el);
    this.mp.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await sleep(0);
    this.mp.dispatch(field, 'blur', { value });
    await sleep(0);
  }

  /** A picker/switch/checkbox-group change: WeChat sends `change` with detail.value. */
  async change(target: string | Element, value: unknown): Promise<void> {
    const el = typeof target === 'string' ? this.get(target) : target;
    this.mp.dispatch(el, 'change', { value });
    await sleep(0);
  }

  /** Run the page's pull-down refresh, as the user's pull does. */
  async pullDown(): Promise<void> {
    const top = this.mp.stack[this.mp.stack.length - 1];
    (top.instance.onPullDownRefresh as (() => void) | undefined)?.call(top.instance);
    await this.mp.idle();
  }

  async reachBottom(): Promise<void> {
    const top = this.mp.stack[this.mp.stack.length - 1];
    (top.instance.onReachBottom as (() => void) | undefined)?.call(top.instance);
    await this.mp.idle();
  }
}

function matches(text: string, want?: string | RegExp): boolean {
  if (want === undefined) return true;
  const flat = text.replace(/\s+/g, ' ');
  return typeof want === 'string' ? flat.includes(want) : want.test(flat);
}
