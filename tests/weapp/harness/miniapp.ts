/**
 * The weapp build (dist/weapp) running under miniprogram-simulate with WeChat's own template
 * compiler (wcc), one phone per test file:
 *
 *   const mp = await bootWeapp(cloud.cloud.appUrl);        // app.js loaded, App launched
 *   mp.as('member');                                         // whose phone (the OPENID CloudBase sees)
 *   const page = await mp.open('/packages/member/card/index'); // reLaunch; a real page on the stack
 *   await page.tap('.drop__claim'); await mp.idle();
 *
 * Pages are Taro pages (`Page(config)`); simulate only knows `Component`, so each page config is
 * registered as a component whose `attached` runs onLoad(query) and onShow, then onReady on the
 * next macrotask, and whose `detached` runs onUnload. Navigation APIs act on a real page stack
 * (WeChat's rules: a tab page only through switchTab/reLaunch, at most 10 pages).
 * simulate.load registers a path once per process, so each route is loaded once and rendered
 * again for every visit; its Component definition is replayed on later loads of shared
 * components (`comp`), because jest keeps modules cached and webpack runs a module once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import simulate from 'miniprogram-simulate';
import { PERSONAS } from '../../../scripts/local-cloud/demo/personas';
import { Asks } from './asks';
import { FakeCanvasNode } from './canvas';
import { pumpFakeTimers } from './device';
import { WeappPage } from './page';
import { createWx, type FakeWx } from './wx';

export const DIST = resolve(__dirname, '../../../dist/weapp');

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}

export function appJson(): AppJson {
  if (!existsSync(join(DIST, 'app.js'))) {
    throw new Error(
      `${DIST}/app.js is missing: the weapp tests run against the build. Run \`npm run build:weapp\` first (npm test does it).`,
    );
  }
  return JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as AppJson;
}

/** Every page route of app.json: main package first, then each subpackage's. */
export function allRoutes(app = appJson()): string[] {
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
}

export interface Recorded {
  kind: string;
  detail: unknown;
  route: string | null;
}

const simUtils = require('miniprogram-simulate/src/utils') as { runJs: (path: string) => void };
const exparser = require('miniprogram-exparser') as {
  Event: { create(name: string, detail: unknown, opts: unknown): unknown; dispatchEvent(target: unknown, ev: unknown): void };
};

/** simulate.render's result once attached (its typings leave out attach/detach). */
type Comp = ReturnType<typeof simulate.render> & { attach(parent: Element): void; detach(): void; dom: HTMLElement };
type PageInstance = Record<string, unknown> & { route?: string; options?: Record<string, string> };

interface StackEntry {
  route: string;
  query: Record<string, string>;
  comp: Comp;
  instance: PageInstance;
  container: Element;
}

const MAX_STACK = 10;

function parseUrl(url: string, fromRoute: string | null): { route: string; query: Record<string, string> } {
  const [pathPart, search = ''] = url.split('?');
  let route = pathPart;
  if (!route.startsWith('/') && fromRoute) route = join(fromRoute, '..', route);
  route = route.replace(/^\/+/, '');
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  return { route, query };
}

export class Weapp {
  readonly asks = new Asks();
  readonly records: Recorded[] = [];
  /** console.error lines and uncaught errors while the app ran. */
  readonly errors: string[] = [];
  readonly stack: StackEntry[] = [];
  readonly canvases = new Map<Element, FakeCanvasNode>();
  fake!: FakeWx;
  private openid: string | null = null;
  private ids = new Map<string, string>();
  private inflight = 0;
  private opening: { route: string; query: Record<string, string>; instance?: PageInstance } | null = null;
  private readonly routes: Set<string>;
  private readonly tabs: Set<string>;

  constructor(readonly appUrl: string) {
    const app = appJson();
    this.routes = new Set(allRoutes(app));
    this.tabs = new Set((app.tabBar?.list ?? []).map((t) => t.pagePath));
  }

  /** Whose phone this is: a demo persona id, or `{ openid }` for anyone else. Storage starts empty. */
  as(who: string | { openid: string }): this {
    const openid = typeof who === 'string' ? PERSONAS.find((p) => p.id === who)?.openid : who.openid;
    if (!openid) throw new Error(`unknown persona "${String(who)}"`);
    this.openid = openid;
    this.fake.storage.clear();
    this.asks.reset();
    return this;
  }

  get current(): WeappPage {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return new WeappPage(this, top.comp, top.route);
  }

  /** Toasts shown so far (title, icon), oldest first. */
  toasts(): Array<{ title: string; icon?: string }> {
    return this.records.filter((r) => r.kind === 'toast').map((r) => r.detail as { title: string; icon?: string });
  }

  /** Answers to these `fn.action`s are lost on the way back (the call runs on the cloud); see loseAnswers. */
  private readonly losing = new Set<string>();

  /** From now on the phone hears no answer to `fn.action` (the call still runs), until answersArrive. */
  loseAnswers(fnAction: string): void {
    this.losing.add(fnAction);
  }

  answersArrive(fnAction: string): void {
    this.losing.delete(fnAction);
  }

  /** The request ids the app sent to `fn.action`, oldest first. */
  requestIds(fnAction: string): string[] {
    return this.records
      .filter(
        (r) =>
          r.kind === 'callFunction' && `${(r.detail as { name: string }).name}.${(r.detail as { action: string }).action}` === fnAction,
      )
      .map((r) => (r.detail as { requestId: string }).requestId);
  }

  /** The envelopes the app's cloud calls returned, newest last (`fn.action`). */
  results(fnAction: string): Array<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
    return this.records
      .filter(
        (r) =>
          r.kind === 'callFunction' && `${(r.detail as { name: string }).name}.${(r.detail as { action: string }).action}` === fnAction,
      )
      .map((r) => (r.detail as { result: { ok: boolean } }).result);
  }

  /** Wait until the page on top is `route` (a page that navigates after a toast or a timer), settled. */
  async waitForRoute(route: string, timeoutMs = 10_000): Promise<WeappPage> {
    const deadline = performance.now() + timeoutMs;
    while (this.stack[this.stack.length - 1]?.route !== route) {
      if (performance.now() > deadline)
        throw new Error(`the page on top is ${this.stack[this.stack.length - 1]?.route ?? 'none'}, not ${route}, after ${timeoutMs} ms`);
      pumpFakeTimers(20);
      await new Promise((r) => realSetTimeout(r, 20));
    }
    const page = this.current;
    await page.settled();
    return page;
  }

  /** Let cloud calls in flight finish, then close every page (their timers stop): call before the cloud closes. */
  async close(): Promise<void> {
    await this.idle();
    this.unload(this.stack.length);
  }

  /** reLaunch to `url` (a fresh stack, as when the user opens the mini-program there). */
  async open(url: string): Promise<WeappPage> {
    await this.navigate('reLaunch', url);
    const page = this.current;
    await page.settled();
    return page;
  }

  /** Wait until no cloud call is in flight and the pages had a moment to render (twice in a row). */
  async idle(timeoutMs = 15_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2) {
      if (performance.now() > deadline) throw new Error(`still ${this.inflight} cloud call(s) in flight after ${timeoutMs} ms`);
      await new Promise((r) => setImmediate(r));
      pumpFakeTimers(20);
      await new Promise((r) => realSetTimeout(r, 20));
      quiet = this.inflight === 0 ? quiet + 1 : 0;
    }
  }

  // ---- PhoneHost (used by ./wx.ts) ----

  host() {
    return {
      appUrl: this.appUrl,
      asks: this.asks,
      openid: () => this.openid,
      navigate: (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string) => this.navigate(kind, url),
      back: (delta: number) => this.back(delta),
      pageQuery: (selector: string) => {
        const top = this.stack[this.stack.length - 1];
        if (!top) return [];
        return (top.comp as unknown as { querySelectorAll(s: string): Array<{ dom: Element }> })
          .querySelectorAll(selector)
          .map((c) => c.dom);
      },
      canvasFor: (el: Element) => {
        let node = this.canvases.get(el);
        if (!node) this.canvases.set(el, (node = new FakeCanvasNode()));
        return node;
      },
      record: (kind: string, detail: unknown) =>
        this.records.push({ kind, detail, route: this.stack[this.stack.length - 1]?.route ?? null }),
      cloudCall: (delta: 1 | -1) => {
        this.inflight += delta;
      },
      losesAnswer: (fnAction: string) => this.losing.has(fnAction),
    };
  }

  async navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void> {
    const from = this.stack[this.stack.length - 1]?.route ?? null;
    const { route, query } = parseUrl(url, from);
    delete query.__key_; // Taro's marker for its own router
    if (!this.routes.has(route)) throw { errMsg: `${kind}:fail page "${route}" is not found` };
    const isTab = this.tabs.has(route);
    if ((kind === 'navigateTo' || kind === 'redirectTo') && isTab) throw { errMsg: `${kind}:fail can not ${kind} a tabbar page` };
    if (kind === 'switchTab' && !isTab) throw { errMsg: 'switchTab:fail can not switch to no-tabBar page' };
    if (kind === 'navigateTo' && this.stack.length >= MAX_STACK) throw { errMsg: 'navigateTo:fail webview count limit exceed' };
    this.records.push({ kind, detail: url, route: from });
    if (kind === 'navigateTo') this.topHide();
    else if (kind === 'redirectTo') this.unload(1);
    else this.unload(this.stack.length);
    this.mount(route, kind === 'switchTab' ? {} : query);
  }

  async back(delta: number): Promise<void> {
    if (this.stack.length <= 1) throw { errMsg: 'navigateBack:fail cannot navigate back at first page.' };
    this.records.push({ kind: 'navigateBack', detail: delta, route: this.stack[this.stack.length - 1].route });
    this.unload(Math.min(delta, this.stack.length - 1));
    const top = this.stack[this.stack.length - 1];
    (top.instance.onShow as () => void)?.call(top.instance);
  }

  private topHide(): void {
    const top = this.stack[this.stack.length - 1];
    if (top) (top.instance.onHide as () => void)?.call(top.instance);
  }

  private unload(count: number): void {
    for (let i = 0; i < count; i++) {
      const entry = this.stack.pop();
      if (!entry) return;
      entry.comp.detach();
      for (const [el] of this.canvases) if (entry.container.contains(el)) this.canvases.delete(el);
    }
  }

  private mount(route: string, query: Record<string, string>): void {
    let id = this.ids.get(route);
    if (!id) {
      id = simulate.load(join(DIST, route), { compiler: 'official', rootPath: DIST });
      this.ids.set(route, id);
    }
    const comp = simulate.render(id) as Comp;
    const container = document.createElement('page-container');
    document.body.appendChild(container);
    this.opening = { route, query };
    comp.attach(container);
    const instance = this.opening.instance;
    this.opening = null;
    if (!instance) throw new Error(`page ${route} did not attach`);
    this.stack.push({ route, query, comp, instance, container });
  }

  /** Called from a page's `attached`: the route being opened. */
  takeOpening(instance: PageInstance): { route: string; query: Record<string, string> } {
    if (!this.opening) throw new Error('a page attached outside navigation');
    this.opening.instance = instance;
    return this.opening;
  }

  dispatch(el: Element, name: string, detail: unknown = {}): void {
    const target = (el as unknown as { __wxElement?: unknown }).__wxElement;
    if (!target) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered WeChat node`);
    exparser.Event.dispatchEvent(
      target,
      exparser.Event.create(name, detail, {
        originalEvent: new CustomEvent(name),
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: {}, changedTouches: {} },
      }),
    );
  }
}

const realSetTimeout = setTimeout;
let booted: Weapp | null = null;

/** Load dist/weapp/app.js once per test file (jest module registry) and launch the App. */
export async function bootWeapp(appUrl: string): Promise<Weapp> {
  if (booted) throw new Error('bootWeapp: one app per test file (simulate registers each page once per process)');
  const mp = new Weapp(appUrl);
  booted = mp;
  const g = globalThis as unknown as Record<string, unknown>;
  mp.fake = createWx(mp.host());
  g.wx = mp.fake.wx;
  g.__wxConfig = { envVersion: 'release', platform: 'ios', ...appJson() };
  let app: Record<string, (...args: unknown[]) => void> | null = null;
  g.App = (config: Record<string, (...args: unknown[]) => void>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => mp.stack.map((e) => e.instance);

  // Replay a file's Component definition when simulate loads it again (see header).
  const definitions = new Map<string, unknown>();
  let running: string | null = null;
  // simulate prefixes every class with the component's tag ("main--page"); WeChat scopes styles
  // without renaming, and the tests select by the class names the JSX gives: no prefix.
  const register = g.Component as (options: unknown) => void;
  const simulateComponent = (options: unknown) => {
    const o = options as { options?: Record<string, unknown> };
    register({ ...o, options: { ...(o.options ?? {}), classPrefix: '' } });
  };
  g.Component = (options: unknown) => {
    if (running) definitions.set(running, options);
    simulateComponent(options);
  };
  simUtils.runJs = (filePath: string) => {
    const known = definitions.get(filePath);
    if (known) return simulateComponent(known);
    running = filePath;
    try {
      require(filePath);
    } finally {
      running = null;
    }
  };
  g.Page = (config: Record<string, unknown>) => (g.Component as (o: unknown) => void)(pageAsComponent(mp, config));

  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    mp.errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
    consoleError(...args);
  };
  process.on('unhandledRejection', (reason) =>
    mp.errors.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : JSON.stringify(reason)}`),
  );

  require(join(DIST, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
  (app as Record<string, (o: unknown) => void>).onLaunch?.call(app, launch);
  (app as Record<string, (o: unknown) => void>).onShow?.call(app, launch);
  return mp;
}

function pageAsComponent(mp: Weapp, config: Record<string, unknown>) {
  const methods: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v;
  return {
    data: (config.data as object) ?? {},
    behaviors: config.behaviors,
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        const { route, query } = mp.takeOpening(this);
        this.route = route;
        this.__route__ = route;
        this.options = query;
        (this.onLoad as (q: unknown) => void)?.call(this, { ...query });
        (this.onShow as () => void)?.call(this);
        realSetTimeout(() => (this.onReady as () => void)?.call(this), 0);
      },
      detached(this: PageInstance) {
        (this.onUnload as () => void)?.call(this);
      },
    },
  };
}
