/**
 * E2E harness: runs the same server `npm start` runs (scripts/local-cloud/start.ts) as a child
 * process on free ports with a fresh data folder, and drives Debian's Chromium with
 * playwright-core.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { callerOpenid, findLeaks } from '../scenarios/leaks';

const ROOT = join(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface RunningApp {
  url: string;
  dbUrl: string;
  dataDir: string;
  output: () => string;
  /** Ctrl-C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(join(ROOT, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first');
  const dataDir = mkdtempSync(join(tmpdir(), 'union-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/local-cloud/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_CLOUD_PORT: '0', LOCAL_DB_PORT: '0', LOCAL_CLOUD_DATA: dataDir, LOG_LEVEL: 'error', ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let url = '';
  let dbUrl = '';
  while (Date.now() < deadline) {
    const m = /H5 演示：\s+(http:\/\/\S+?)\/?\s/.exec(out);
    const d = /数据库接口：\s+(http:\/\/\S+)/.exec(out);
    if (m && d) {
      url = m[1];
      dbUrl = d[1];
      break;
    }
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`local cloud did not start in time:\n${out}`);
  }
  return {
    url,
    dbUrl,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * The leak check (tests/scenarios/leaks.ts, docs/security.md) on every function answer the pages
 * receive: findings are collected as they arrive and fail the test file in its afterAll.
 */
const leaks: string[] = [];
if (typeof afterAll === 'function') {
  afterAll(() => {
    if (leaks.length) throw new Error(`leak check (e2e): ${[...new Set(leaks)].join('; ')}`);
  });
}

function watchForLeaks(context: BrowserContext): void {
  context.on('response', (response) => {
    const m = /\/api\/functions\/([^/?#]+)/.exec(response.url());
    if (!m) return;
    const request = response.request();
    let action = '?';
    try {
      action = String((JSON.parse(request.postData() ?? '{}') as { action?: unknown }).action ?? '?');
    } catch {
      // not a JSON call: the function answers BAD_REQUEST, nothing to scan for
    }
    response.json().then(
      (body: unknown) => {
        for (const leak of findLeaks(body, callerOpenid(request.headers()), `${m[1]}.${action}`)) leaks.push(`${m[1]}.${action}: ${leak}`);
      },
      () => undefined, // not JSON (a closed page, an aborted request)
    );
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page. */
export async function openPhone(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  watchForLeaks(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * A new phone page acting as `persona` (set in localStorage before the app's first load; later
 * switches go through the 切换身份 sheet or `actAs`), opened at `#path`.
 */
export async function openAs(
  browser: Browser,
  app: Pick<RunningApp, 'url'>,
  persona: string,
  path: string,
  options: { deviceScaleFactor?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
  });
  watchForLeaks(context);
  await context.addInitScript((p) => {
    if (!window.localStorage.getItem('localPersona')) window.localStorage.setItem('localPersona', p);
  }, persona);
  const page = await context.newPage();
  await page.goto(`${app.url}/#${path}`);
  return page;
}

/** Switch an open page to another persona and open `#hash` with a fresh load. */
export async function actAs(page: Page, app: Pick<RunningApp, 'url'>, persona: string, hash: string): Promise<void> {
  await page.evaluate((p) => window.localStorage.setItem('localPersona', p), persona);
  await page.goto(`${app.url}/#${hash}`);
  await page.reload();
}

/** With E2E_SHOTS=<dir>, save a full-page screenshot (after the page transition settles). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: options.fullPage ?? true });
}

export interface E2E {
  app: RunningApp;
  browser: Browser;
}

/**
 * The usual setup of an e2e file: the server `npm start` runs and Chromium, started before the
 * file's tests and stopped after them. Read `e2e.app` / `e2e.browser` inside tests and hooks.
 */
export function useAppAndBrowser(env: Record<string, string> = {}): E2E {
  const e2e = {} as E2E;
  beforeAll(async () => {
    e2e.app = await startApp(env);
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.app?.stop();
  });
  return e2e;
}

/** Tap the confirm button of the open Taro.showModal (H5 renders it as plain DOM). */
export async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro-model__confirm:visible').click();
}
