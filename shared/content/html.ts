/**
 * A small, tolerant HTML parser: text → a tree of elements and text nodes. It is the first half
 * of the body sanitiser (./richText.ts); it never produces HTML, so whatever odd markup it meets
 * (unclosed tags, stray '<', unquoted attributes), the allow-list that follows only ever emits
 * known tags, checked attributes and plain text. Contents of script/style-like elements are
 * captured raw (never parsed as markup) so the sanitiser can drop them whole. Elements nested
 * deeper than MAX_PARSE_DEPTH lose their tag (their text stays): the tree that comes out is at
 * most that deep, so nothing that walks it recursively can overflow the stack, however deep the
 * input nests (16,000 unclosed `<b>` is a few lines of text).
 */
export interface HtmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  type: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is raw text up to the matching end tag. */
export const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'template',
]);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  times: '×',
  yen: '¥',
};

/** Decode character references (named subset, decimal, hex). Unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref.toLowerCase()];
    return named ?? whole;
  });
}

/** Open elements the parser keeps; the sanitiser keeps fewer (richText.ts MAX_DEPTH). */
export const MAX_PARSE_DEPTH = 64;

const NAME_START = /[A-Za-z]/;
const SPACE = /[\s\u0000]/;

/** What the parser had to leave out (the sanitiser refuses such a body rather than guess). */
export interface ParseReport {
  /** Elements were nested deeper than MAX_PARSE_DEPTH. */
  tooDeep: boolean;
}

export function parseHtml(input: string, report?: ParseReport): HtmlNode[] {
  const root: HtmlElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  const pushText = (text: string) => {
    if (!text) return;
    const kids = top().children;
    const last = kids[kids.length - 1];
    if (last && last.type === 'text') last.text += text;
    else kids.push({ type: 'text', text });
  };
  const n = input.length;
  let lower: string | null = null; // the input lower-cased once, for finding raw-text end tags
  let i = 0;

  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt === -1) {
      pushText(decodeEntities(input.slice(i)));
      break;
    }
    if (lt > i) pushText(decodeEntities(input.slice(i, lt)));
    i = lt;
    const next = input[i + 1] ?? '';

    if (input.startsWith('<!--', i)) {
      const end = input.indexOf('-->', i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = input.indexOf('>', i + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (next === '/') {
      const m = /^<\/([A-Za-z][A-Za-z0-9-]*)[^>]*>?/.exec(input.slice(i, i + 200));
      if (!m) {
        // "</" not followed by a name: a bogus comment up to '>'
        const end = input.indexOf('>', i + 2);
        i = end === -1 ? n : end + 1;
        continue;
      }
      const name = m[1].toLowerCase();
      let at = stack.length - 1;
      while (at > 0 && stack[at].name !== name) at--;
      if (at > 0) stack.length = at;
      i += m[0].length;
      continue;
    }
    if (!NAME_START.test(next)) {
      pushText('<');
      i += 1;
      continue;
    }

    // Start tag: name, then attributes.
    let j = i + 1;
    while (j < n && /[A-Za-z0-9-]/.test(input[j])) j++;
    const name = input.slice(i + 1, j).toLowerCase();
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    while (j < n) {
      while (j < n && (SPACE.test(input[j]) || input[j] === '/')) {
        if (input[j] === '/' && input[j + 1] === '>') selfClosing = true;
        j++;
      }
      if (j >= n || input[j] === '>') break;
      let k = j;
      while (k < n && !SPACE.test(input[k]) && input[k] !== '>' && input[k] !== '/' && (input[k] !== '=' || k === j)) k++;
      const attrName = input.slice(j, k).toLowerCase();
      j = k;
      while (j < n && SPACE.test(input[j])) j++;
      let value = '';
      if (input[j] === '=') {
        j++;
        while (j < n && SPACE.test(input[j])) j++;
        const q = input[j];
        if (q === '"' || q === "'") {
          const end = input.indexOf(q, j + 1);
          value = input.slice(j + 1, end === -1 ? n : end);
          j = end === -1 ? n : end + 1;
        } else {
          let e = j;
          while (e < n && !SPACE.test(input[e]) && input[e] !== '>') e++;
          value = input.slice(j, e);
          j = e;
        }
      }
      if (attrName && !(attrName in attrs)) attrs[attrName] = decodeEntities(value);
    }
    i = j < n ? j + 1 : n;
    const el: HtmlElement = { type: 'element', name, attrs, children: [] };
    const tooDeep = stack.length > MAX_PARSE_DEPTH;
    if (tooDeep && report) report.tooDeep = true;
    // Too deep: the tag is dropped and its content lands in the deepest kept element. Raw-text
    // elements are still attached, so the sanitiser drops their content (never shown as text).
    if (!tooDeep || RAW_TEXT.has(name)) top().children.push(el);

    if (RAW_TEXT.has(name) && !selfClosing) {
      // ASCII only: full Unicode lower-casing can change the length ("İ"), and the index found is used on `input`.
      lower ??= input.replace(/[A-Z]+/g, (run) => run.toLowerCase());
      const close = lower.indexOf(`</${name}`, i);
      const end = close === -1 ? n : close;
      if (end > i) el.children.push({ type: 'text', text: input.slice(i, end) });
      const gt = close === -1 ? -1 : input.indexOf('>', close);
      i = close === -1 ? n : gt === -1 ? n : gt + 1;
      continue;
    }
    if (!VOID.has(name) && !selfClosing && !tooDeep) stack.push(el);
  }
  return root.children;
}
