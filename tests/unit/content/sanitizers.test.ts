/**
 * Our sanitiser (shared/content/richText.ts) and sanitize-html, a well-kept allow-list
 * sanitiser, against the same hostile bodies, judged by an independent HTML parser
 * (htmlparser2): only allowed tags, only http(s) URLs, no other attributes. The decision this
 * test backs (docs/content.md, "Body safety"): both are safe on every body; ours also bounds the
 * depth of what it keeps (sanitize-html passes 16,000 nested tags through, and its output is a
 * string we would have to parse again into RichText nodes), so we keep ours.
 * Speed: scripts/bench/sanitizers.ts.
 */
import { Parser } from 'htmlparser2';
import { sanitizeHtml, toHtml, type RichNode } from '../../../shared/content/richText';
import { ATTRS, HOSTILE_BODIES, referenceSanitize, TAGS } from './hostileBodies';

/** What an independent parser finds unsafe in HTML output, and how deep it nests. */
function audit(html: string): { unsafe: string[]; depth: number } {
  const unsafe: string[] = [];
  let open = 0;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!TAGS.includes(name)) unsafe.push(`<${name}>`);
        for (const [k, v] of Object.entries(attrs)) {
          if (!(ATTRS[name] ?? []).includes(k)) unsafe.push(`${name}[${k}]`);
          // A URL with a scheme other than http(s) (javascript:, data:, vbscript:…); the browser
          // ignores control characters and spaces in a scheme, so they are ignored here too.
          else if (
            (k === 'href' || k === 'src') &&
            /^[a-z][a-z0-9+.-]*:/i.test(v.replace(/[\u0000-\u0020]/g, '')) &&
            !/^https?:/i.test(v.replace(/[\u0000-\u0020]/g, ''))
          ) {
            unsafe.push(`${name}[${k}=${v.slice(0, 30)}]`);
          }
        }
        if (name !== 'img' && name !== 'br') depth = Math.max(depth, ++open);
      },
      onclosetag(name) {
        if (name !== 'img' && name !== 'br') open--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { unsafe, depth };
}

function treeDepth(nodes: RichNode[]): number {
  let max = 0;
  for (const n of nodes) if (!('type' in n)) max = Math.max(max, 1 + treeDepth(n.children ?? []));
  return max;
}

describe.each(Object.entries(HOSTILE_BODIES))('%s', (_name, body) => {
  it('ours: only allowed tags, attributes and URLs, bounded depth', () => {
    const { nodes, tooDeep } = sanitizeHtml(body);
    expect(treeDepth(nodes)).toBeLessThanOrEqual(13);
    const html = toHtml(nodes);
    const found = audit(html);
    expect(found.unsafe).toEqual([]);
    expect(found.depth).toBeLessThanOrEqual(13);
    if (body.startsWith('<b><b>')) expect(tooDeep).toBe(true); // content.adminSave refuses it
  });

  it('sanitize-html: only allowed tags, attributes and URLs', () => {
    const html = referenceSanitize(body);
    expect(audit(html).unsafe).toEqual([]);
  });
});

it('sanitize-html keeps nesting however deep it comes, which our RichText nodes must not', () => {
  expect(audit(referenceSanitize(HOSTILE_BODIES['nested <b> ×16,000'])).depth).toBeGreaterThan(1000);
});
