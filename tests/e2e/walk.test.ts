/**
 * The every-page walk: each route of app.config.ts, as the persona it is meant for, in normal
 * mode and in 长辈模式. On every page: no console error, buttons with visible text, no text cut
 * off or wider than the phone, no raw strings (undefined, null, NaN, [object …], hex ids), axe-core
 * finds no serious or critical accessibility problem (contrast included), and 长辈模式 meets the
 * MIIT sizes. With the functions failing, no page is left on its loading skeleton. Screenshots of
 * every page in both modes go to test-artifacts/screens/ (git-ignored) for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { useAppAndBrowser } from './harness';
import { inspectPage } from './walk/inspect';
import { WALK_ROUTES, type WalkRoute } from './walk/routes';

const e2e = useAppAndBrowser();
const ROOT = join(__dirname, '../..');
const SHOTS = join(ROOT, 'test-artifacts/screens');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Pages visited at once (each in its own browser context). */
const PARALLEL = 4;
/** About 50 pages per test: on an idle machine a mode takes well under a minute; a loaded CI runner needs more. */
const WALK_TIMEOUT_MS = 600_000;

type Mode = 'normal' | 'elder';

async function openRoute(
  browser: Browser,
  url: string,
  route: WalkRoute,
  mode: Mode,
  failFunctions = false,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  await context.addInitScript(
    ([persona, elder]) => {
      window.localStorage.setItem('localPersona', persona);
      window.localStorage.setItem('elderMode', JSON.stringify({ data: elder ? 'on' : 'off' }));
    },
    [route.persona, mode === 'elder'] as const,
  );
  if (failFunctions) await context.route('**/api/functions/**', (r) => r.fulfill({ status: 502, body: 'bad gateway' }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text().slice(0, 200));
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${String(err).slice(0, 200)}`));
  await page.goto(`${url}/#/${route.path}${route.query ? `?${route.query}` : ''}`);
  return { page, errors };
}

/** Until the page has rendered and no skeleton is left (or the time is up). */
async function settle(page: Page): Promise<boolean> {
  await page.locator('.taro_page .page').first().waitFor({ timeout: 15_000 });
  const done = await page
    .waitForFunction(() => !document.querySelector('.taro_page:not([style*="display: none"]) .skeleton'), undefined, { timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  await page.waitForTimeout(300); // charts and countdowns draw after the data
  return done;
}

async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const res = await axe.run(
      // The H5 demo's 切换身份 tools are not part of the mini-program.
      { include: [['.taro_page']], exclude: [['.persona-fab'], ['.persona-mask']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
    );
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return (
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      // Taro's H5 router makes each page a scrolling <div class="taro_page"> without a tabindex; the
      // weapp scrolls natively. Only that container is let off this rule, never an element of ours.
      .map((v) =>
        v.id === 'scrollable-region-focusable' ? { ...v, targets: v.targets.filter((t) => !/^#\\\/(pages|packages)\\\//.test(t)) } : v,
      )
      .filter((v) => v.targets.length > 0)
      .map((v) => `axe ${v.impact} ${v.id} (${v.help}): ${v.targets.join(' | ')}`)
  );
}

function shotName(route: WalkRoute): string {
  return `${route.path
    .replace(/^(pages|packages)\//, '')
    .replace(/\/index$/, '')
    .replace(/\//g, '-')}--${route.persona}.png`;
}

async function inPool<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

it('the route table covers every page in app.config.ts', () => {
  const config = readFileSync(join(ROOT, 'miniprogram/app.config.ts'), 'utf8');
  const main = [...config.matchAll(/'(pages\/[\w/]+)'/g)].map((m) => m[1]);
  const sub = [...config.matchAll(/root:\s*'([\w/]+)',\s*pages:\s*\[([^\]]+)\]/g)].flatMap((m) =>
    [...m[2].matchAll(/'([\w/]+)'/g)].map((p) => `${m[1]}/${p[1]}`),
  );
  const walked = new Set(WALK_ROUTES.map((r) => r.path));
  expect([...new Set([...main, ...sub])].filter((p) => !walked.has(p))).toEqual([]);
});

describe.each(['normal', 'elder'] as const)('every page in %s mode', (mode) => {
  it(
    'has no console error, no unreadable or cut-off text, no raw strings and no serious axe violation',
    async () => {
      mkdirSync(join(SHOTS, mode), { recursive: true });
      const problems: string[] = [];
      await inPool(WALK_ROUTES, PARALLEL, async (route) => {
        const where = `${mode} ${route.persona} ${route.path}`;
        const { page, errors } = await openRoute(e2e.browser, e2e.app.url, route, mode);
        try {
          if (!(await settle(page))) problems.push(`${where}: still loading after 10 s`);
          const found = [...(await page.evaluate(inspectPage, { elder: mode === 'elder' })), ...(await axeProblems(page))];
          await page.screenshot({ path: join(SHOTS, mode, shotName(route)), fullPage: true });
          for (const e of errors) problems.push(`${where}: console error: ${e}`);
          for (const p of found) problems.push(`${where}: ${p}`);
        } catch (err) {
          problems.push(`${where}: ${String(err).split('\n')[0]}`);
        } finally {
          await page.context().close();
        }
      });
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );
});

it(
  'no page is left loading when the functions fail: it says so and offers a way on',
  async () => {
    const problems: string[] = [];
    await inPool(WALK_ROUTES, PARALLEL, async (route) => {
      const { page } = await openRoute(e2e.browser, e2e.app.url, route, 'normal', true);
      try {
        if (!(await settle(page))) problems.push(`${route.path}: stuck on its loading skeleton when the server fails`);
        const text = await page.locator('.taro_page .page').first().innerText();
        if (text.replace(/\s+/g, '').length < 4) problems.push(`${route.path}: blank when the server fails`);
      } catch (err) {
        problems.push(`${route.path}: ${String(err).split('\n')[0]}`);
      } finally {
        await page.context().close();
      }
    });
    expect(problems).toEqual([]);
  },
  WALK_TIMEOUT_MS,
);
