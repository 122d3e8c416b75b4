/**
 * `wx.createSelectorQuery()` over the current page's rendered DOM. There is no layout here: an
 * element is as wide as the window less the page's 16 px margins, and as high as its inline style
 * says (Taro writes `style="height:200px"`), else 0. A 2d canvas answers `fields({ node: true })`
 * with a FakeCanvasNode that stays the same for that element.
 */
import { WINDOW } from './device';
import type { PhoneHost } from './wx';

const CONTENT_WIDTH = WINDOW.windowWidth - 32;

interface Request {
  selector: string | null;
  all: boolean;
  fields: Record<string, unknown>;
  cb?: (res: unknown) => void;
}

function heightOf(el: Element): number {
  const m = /height:\s*(\d+(?:\.\d+)?)px/.exec(el.getAttribute('style') ?? '');
  return m ? Number(m[1]) : 0;
}

function describe(host: PhoneHost, el: Element, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const width = CONTENT_WIDTH;
  const height = heightOf(el);
  if (fields.id) out.id = el.getAttribute('id') ?? '';
  if (fields.dataset) out.dataset = {};
  if (fields.rect) Object.assign(out, { left: 16, right: 16 + width, top: 0, bottom: height });
  if (fields.size) Object.assign(out, { width, height });
  if (fields.node) {
    out.node = /canvas/i.test(el.tagName) ? host.canvasFor(el) : {};
  }
  if (fields.scrollOffset) Object.assign(out, { scrollLeft: 0, scrollTop: 0, scrollWidth: width, scrollHeight: height });
  return out;
}

export function selectorQuery(host: PhoneHost) {
  const requests: Request[] = [];
  const query = {
    in: () => query,
    select: (selector: string) => nodesRef(selector, false),
    selectAll: (selector: string) => nodesRef(selector, true),
    selectViewport: () => nodesRef(null, false),
    exec(cb?: (res: unknown[]) => void) {
      // WeChat answers after the pending render: next macrotask.
      setTimeout(() => {
        const results = requests.map((r) => {
          let res: unknown;
          if (r.selector === null) res = { width: WINDOW.windowWidth, height: WINDOW.windowHeight, scrollTop: 0, scrollLeft: 0 };
          else if (r.all) res = host.pageQuery(r.selector).map((el) => describe(host, el, r.fields));
          else {
            const el = host.pageQuery(r.selector)[0];
            res = el ? describe(host, el, r.fields) : null;
          }
          r.cb?.(res);
          return res;
        });
        cb?.(results);
      }, 0);
      return query;
    },
  };
  function nodesRef(selector: string | null, all: boolean) {
    const add = (fields: Record<string, unknown>, cb?: (res: unknown) => void) => {
      requests.push({ selector, all, fields, cb });
      return query;
    };
    return {
      fields: (fields: Record<string, unknown>, cb?: (res: unknown) => void) => add(fields, cb),
      boundingClientRect: (cb?: (res: unknown) => void) => add({ id: true, dataset: true, rect: true, size: true }, cb),
      node: (cb?: (res: unknown) => void) => add({ node: true }, cb),
      scrollOffset: (cb?: (res: unknown) => void) => add({ id: true, dataset: true, scrollOffset: true }, cb),
    };
  }
  return query;
}
