/**
 * Post bodies are stored as a sanitised node tree, the format Taro's `RichText nodes` renders
 * in both builds (weapp rich-text nodes; the H5 component builds DOM elements from it, text
 * nodes as text). Nothing is ever rendered from raw HTML (no innerHTML/dangerouslySetInnerHTML).
 *
 * The sanitiser is an allow-list over the parsed tree (./html.ts):
 *   tags   p h2 h3 strong em ul ol li img a br blockquote (b→strong, i→em, h1→h2, h4–h6→h3,
 *          div/section/article→p; any other tag is unwrapped: its text stays, the tag goes);
 *   gone   script, style, iframe, object, embed, form controls, svg, math… with all their content;
 *   attrs  img[src] (http/https only) and a[href] (http/https only); every other attribute
 *          (on* handlers, style, class, id, srcset…) is dropped; fixed presentation styles
 *          are added by us, never taken from the input.
 */
import { MAX_PARSE_DEPTH, parseHtml, type HtmlNode, type ParseReport } from './html';

export interface RichElement {
  name: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}
export interface RichTextNode {
  type: 'text';
  text: string;
}
export type RichNode = RichElement | RichTextNode;

const ALLOWED = new Set(['p', 'h2', 'h3', 'strong', 'em', 'ul', 'ol', 'li', 'img', 'a', 'br', 'blockquote']);
const RENAME: Record<string, string> = {
  b: 'strong',
  i: 'em',
  h1: 'h2',
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
  div: 'p',
  section: 'p',
  article: 'p',
};
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'button',
  'input',
  'form',
  'title',
  'head',
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'audio',
  'video',
  'canvas',
  'portal',
]);
const BLOCK = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote']);

/** Presentation we add (weapp rich-text has no page CSS for these tags). */
const STYLE: Record<string, string> = {
  p: 'margin:0 0 12px;line-height:1.75;',
  h2: 'font-size:18px;font-weight:bold;margin:16px 0 8px;',
  h3: 'font-size:16px;font-weight:bold;margin:12px 0 6px;',
  blockquote: 'margin:8px 0;padding:4px 12px;border-left:3px solid #d7000f;color:#666;',
  img: 'max-width:100%;height:auto;display:block;margin:8px 0;',
  a: 'color:#1f6fd1;',
  ul: 'padding-left:20px;margin:0 0 12px;',
  ol: 'padding-left:20px;margin:0 0 12px;',
};

const MAX_DEPTH = 12;
const MAX_NODES = 4000;

/** An http(s) URL without quotes, spaces, angle brackets or control characters; otherwise null. */
export function safeUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so
  // strip them before looking at the scheme, then require an allowed one.
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url.length > 1000) return null;
  if (!/^https?:\/\/[^\s"'<>`\\]+$/i.test(url)) return null;
  return url;
}

interface Budget {
  nodes: number;
  changed: boolean;
}

function clean(nodes: HtmlNode[], depth: number, budget: Budget): RichNode[] {
  const out: RichNode[] = [];
  for (const node of nodes) {
    if (budget.nodes >= MAX_NODES) {
      budget.changed = true;
      break;
    }
    if (node.type === 'text') {
      if (node.text) {
        budget.nodes++;
        const last = out[out.length - 1];
        if (last && 'type' in last) last.text += node.text;
        else out.push({ type: 'text', text: node.text });
      }
      continue;
    }
    if (DROP_WITH_CONTENT.has(node.name)) {
      budget.changed = true;
      continue;
    }
    const name = RENAME[node.name] ?? node.name;
    if (!ALLOWED.has(name) || depth >= MAX_DEPTH) {
      if (!RENAME[node.name]) budget.changed = true;
      out.push(...clean(node.children, depth, budget)); // unwrap: keep the text, lose the tag
      continue;
    }
    const attrs: Record<string, string> = {};
    const given = Object.keys(node.attrs);
    if (name === 'img') {
      const src = safeUrl(node.attrs.src);
      if (!src) {
        budget.changed = true;
        continue;
      }
      attrs.src = src;
      if (node.attrs.alt) attrs.alt = node.attrs.alt.slice(0, 100);
    } else if (name === 'a') {
      const href = safeUrl(node.attrs.href);
      if (href) attrs.href = href;
    }
    if (given.some((k) => !(k in attrs) && !(name === 'img' && k === 'alt'))) budget.changed = true;
    if (STYLE[name]) attrs.style = STYLE[name];
    budget.nodes++;
    const el: RichElement = { name };
    if (Object.keys(attrs).length) el.attrs = attrs;
    if (name !== 'img' && name !== 'br') {
      const children = clean(node.children, depth + 1, budget);
      if (children.length) el.children = children;
    }
    out.push(el);
  }
  return out;
}

/** Group top-level inline runs into paragraphs, drop blank text between blocks. */
function blockify(nodes: RichNode[]): RichNode[] {
  const out: RichNode[] = [];
  let run: RichNode[] = [];
  const flush = () => {
    const meaningful = run.some((n) => !('type' in n) || n.text.trim() !== '');
    if (meaningful) out.push({ name: 'p', attrs: { style: STYLE.p }, children: run });
    run = [];
  };
  for (const n of nodes) {
    if (!('type' in n) && BLOCK.has(n.name)) {
      flush();
      out.push(n);
    } else if (!('type' in n) && n.name === 'img') {
      flush();
      out.push(n);
    } else {
      run.push(n);
    }
  }
  flush();
  return out;
}

/** Plain text typed without tags: one paragraph per non-empty line. */
function paragraphsFromText(text: string): RichNode[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ name: 'p', attrs: { style: STYLE.p }, children: [{ type: 'text', text: line }] }));
}

export interface SanitizeResult {
  nodes: RichNode[];
  /** True when something in the input was removed or rewritten. */
  changed: boolean;
  /**
   * True when tags were nested deeper than the parser keeps (MAX_PARSE_DEPTH): no editor makes
   * that, so the body is a paste gone wrong or an attack, and callers refuse it.
   */
  tooDeep: boolean;
}

export { MAX_PARSE_DEPTH };

export function sanitizeHtml(input: string): SanitizeResult {
  const report: ParseReport = { tooDeep: false };
  const parsed = parseHtml(input, report);
  const hasElements = parsed.some((n) => n.type === 'element');
  if (!hasElements)
    return {
      nodes: paragraphsFromText(parsed.map((n) => (n.type === 'text' ? n.text : '')).join('')),
      changed: false,
      tooDeep: report.tooDeep,
    };
  const budget: Budget = { nodes: 0, changed: false };
  return { nodes: blockify(clean(parsed, 0, budget)), changed: budget.changed || report.tooDeep, tooDeep: report.tooDeep };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** The stored tree back to HTML for the editor (our presentation styles left out). */
export function toHtml(nodes: RichNode[]): string {
  return nodes
    .map((n) => {
      if ('type' in n) return escapeText(n.text);
      const attrs = Object.entries(n.attrs ?? {})
        .filter(([k]) => k !== 'style')
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      if (n.name === 'img' || n.name === 'br') return `<${n.name}${attrs}>`;
      const inner = toHtml(n.children ?? []);
      return `<${n.name}${attrs}>${inner}</${n.name}>${BLOCK.has(n.name) ? '\n' : ''}`;
    })
    .join('');
}

/** The text of a tree (for summaries and search), whitespace collapsed. */
export function plainText(nodes: RichNode[], max = 200): string {
  const parts: string[] = [];
  const walk = (list: RichNode[]) => {
    for (const n of list) {
      if ('type' in n) parts.push(n.text);
      else {
        walk(n.children ?? []);
        if (BLOCK.has(n.name) || n.name === 'br') parts.push(' ');
      }
    }
  };
  walk(nodes);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return Array.from(text).slice(0, max).join('');
}
