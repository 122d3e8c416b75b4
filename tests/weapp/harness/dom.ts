/**
 * jest setupFiles of the `weapp` project: the weapp pages run on Node (jest's `node` environment, so
 * the local cloud, `fetch` and worker threads behave as in production), but miniprogram-simulate
 * renders into a DOM. Give Node's global jsdom's window/document, and jsdom's Event classes in place
 * of Node's own: a tap dispatches jsdom events, and jsdom refuses Node's ("parameter 1 is not of
 * type 'Event'").
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
const g = globalThis as unknown as Record<string, unknown>;
const win = dom.window as unknown as Record<string, unknown>;
g.window = dom.window;
g.document = dom.window.document;
for (const name of [
  'Event',
  'CustomEvent',
  'EventTarget',
  'HTMLElement',
  'Node',
  'Element',
  'TouchEvent',
  'MouseEvent',
  'KeyboardEvent',
  'DocumentFragment',
  'Text',
  'getComputedStyle',
]) {
  if (win[name] !== undefined) g[name] = win[name];
}
