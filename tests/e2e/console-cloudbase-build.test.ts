/**
 * The CloudBase build of the 工会工作台 (CONSOLE_TARGET=cloudbase) in Chromium, with the real
 * @cloudbase/js-sdk and no network: every request that leaves the page's own origin is recorded
 * and cut off. What must hold: the bundle loads and runs the SDK (init, auth, functions), the
 * console's first act is the SDK's anonymous sign-in for this environment, it never falls back
 * to the local front door, and a platform it cannot reach is the same Chinese NETWORK message
 * the local build shows. (The sign-in with a ticket and calls as the custom user are proven
 * against the functions in tests/integration/member/console-cloudbase-transport.test.ts.)
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { buildConsole } from '../../scripts/build-console';
import { launchBrowser } from './harness';

const ENV_ID = 'union-e2e-7c9d';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

let dir: string;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-cloudbase-'));
  await buildConsole({ quiet: true, target: 'cloudbase', envId: ENV_ID, outDir: dir });
  server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(dir, path.includes('..') ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

it('signs in anonymously to its own environment first, never calls the local route, and shows the NETWORK message when CloudBase is out of reach', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const left: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    left.push(`${route.request().method()} ${url}`);
    return route.abort('internetdisconnected');
  });
  const errors: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${origin}/index.html`);

  await page.getByText('网络不给力，请检查网络后重试').waitFor({ timeout: 60_000 });
  expect(errors).toEqual([]);
  const signIn = left.find((r) => r.includes('/auth/v1/signin/anonymously'));
  expect(signIn).toBeDefined();
  expect(signIn).toContain(ENV_ID);
  // Nothing went to a function before the anonymous sign-in, and nothing to the local front door.
  expect(left.findIndex((r) => /functions|invokeFunction/.test(r))).toBe(-1);
  expect(left.some((r) => r.includes('/api/console/'))).toBe(false);
  await context.close();
}, 120_000);
