/**
 * 常见问题 (miniprogram/packages/help/faq/questions.ts) is static text written from the rules: these
 * checks tie its numbers to the code that applies them, its links to real pages, and its search
 * to what a member would type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAQ, searchFaq } from '../../../miniprogram/packages/help/faq/questions';
import { PRIORITY_RULES } from '../../../shared/recuperation/priority';
import { DEFAULT_ATTENDANCE_THRESHOLD } from '../../../shared/daycare/rules';
import { adminCreateRequest } from '../../../shared/benefit/schemas';

const answer = (id: string) => {
  const item = FAQ.flatMap((t) => t.items).find((i) => i.id === id);
  if (!item) throw new Error(`no FAQ item ${id}`);
  return item.a.join('');
};

it('covers what members ask about: 入会, 会员卡, 周五福利, 暑托班, 疗休养, 长辈模式, 注销与隐私', () => {
  expect(FAQ.map((t) => t.title)).toEqual(['入会', '会员卡', '周五福利', '暑托班', '疗休养', '长辈模式', '账号注销与隐私']);
  const ids = FAQ.flatMap((t) => t.items.map((i) => i.id));
  expect(new Set(ids).size).toBe(ids.length);
});

it('states the recuperation priority points exactly as shared/recuperation/priority.ts scores them', () => {
  const text = answer('recu-score');
  for (const rule of PRIORITY_RULES) expect(text).toContain(`${rule.label} ${rule.points} 分`);
});

it('states the day-care attendance bar and the per-member drop limit as the code applies them', () => {
  expect(answer('daycare-lottery')).toContain(`${Math.round(DEFAULT_ATTENDANCE_THRESHOLD * 100)}%`);
  expect(answer('friday-claim')).toContain(`最多 ${adminCreateRequest.properties.perMemberLimit.maximum} 份`);
});

it('links only to pages the app has (app.config.ts)', () => {
  const config = readFileSync(join(__dirname, '../../../miniprogram/app.config.ts'), 'utf8');
  const main = [...config.matchAll(/'(pages\/[\w/]+)'/g)].map((m) => `/${m[1]}`);
  const sub = [...config.matchAll(/root: '([\w/]+)', pages: \[([^\]]+)\]/g)].flatMap((m) =>
    [...m[2].matchAll(/'([\w/]+)'/g)].map((p) => `/${m[1]}/${p[1]}`),
  );
  const links = FAQ.flatMap((t) => t.items.flatMap((i) => (i.link ? [i.link] : [])));
  expect(links.length).toBeGreaterThan(8);
  for (const link of links) {
    expect([...main, ...sub]).toContain(link.url);
    // A tab page opens only with switchTab.
    expect({ url: link.url, tab: !!link.tab }).toEqual({
      url: link.url,
      tab: link.url.startsWith('/pages/') && link.url !== '/pages/privacy/index',
    });
  }
});

it('search narrows to the items holding every word, and an empty search shows all', () => {
  expect(searchFaq('')).toBe(FAQ);
  const codes = searchFaq('兑换码');
  expect(codes.map((t) => t.key)).toEqual(['friday', 'privacy']); // 注销 voids unused codes
  expect(searchFaq('抽签 候补').flatMap((t) => t.items.map((i) => i.id))).toEqual(['daycare-lottery']);
  expect(searchFaq('注销')[0].items.map((i) => i.id)).toContain('privacy-delete');
  expect(searchFaq('火星签证')).toEqual([]);
});
