import { parseHtml } from '../../../shared/content/html';
import { plainText, safeUrl, sanitizeHtml, toHtml } from '../../../shared/content/richText';

const json = (html: string) => JSON.stringify(sanitizeHtml(html).nodes);

describe('sanitizeHtml', () => {
  it.each([
    ['script element and its content', '<p>a<script>alert(1)</script>b</p>', ['script', 'alert']],
    ['unclosed script swallows the rest', '<p>ok</p><script>alert(1)', ['script', 'alert']],
    ['uppercase / spaced end tag', '<SCRIPT>alert(1)</SCRIPT >x', ['alert']],
    [
      'event handlers',
      '<p onclick="x()" onmouseover=y()>t</p><img src="https://a.example/i.png" onerror="z()">',
      ['onclick', 'onmouseover', 'onerror', 'x()', 'z()'],
    ],
    [
      'javascript: links, obfuscated',
      '<a href="javascript:alert(1)">a</a><a href="  jav&#x09;ascript:alert(2)">b</a><a href="JAVASCRIPT:alert(3)">c</a>',
      ['javascript', 'alert'],
    ],
    [
      'data: and vbscript: URLs',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>"><a href="vbscript:msgbox">v</a>',
      ['data:', 'vbscript', 'onload'],
    ],
    [
      'style attributes and elements',
      '<p style="background:url(javascript:x)">t</p><style>*{}</style>',
      ['background', 'javascript', '*{}'],
    ],
    [
      'iframes, objects, forms, svg',
      '<iframe src="https://evil.example"></iframe><object data="x"></object><form><input value="pw"></form><svg><circle/></svg>',
      ['iframe', 'evil', 'object', 'form', 'input', 'circle'],
    ],
    [
      'attribute breaking quotes',
      '<a href="https://ok.example/" onclick="1">x</a><img src="https://ok.example/x.png" alt="a" title=\'"><script>\'>',
      ['onclick', 'title', 'script'],
    ],
    ['comments and doctype', '<!DOCTYPE html><!-- <script>alert(1)</script> --><p>t</p>', ['alert', 'doctype']],
  ])('removes %s', (_label, html, forbidden) => {
    const out = json(html).toLowerCase();
    for (const f of forbidden) expect(out).not.toContain(f.toLowerCase());
  });

  it('keeps allowed structure, maps synonyms, adds only our own styles', () => {
    const { nodes, changed } = sanitizeHtml(
      '<h1>标题</h1><p>正文<b>粗</b><i>斜</i><br>换行</p><ul><li>一</li></ul><blockquote>引</blockquote><a href="https://x.example/?a=1&amp;b=2">链接</a>',
    );
    expect(changed).toBe(false);
    const names = nodes.map((n) => ('name' in n ? n.name : 'text'));
    expect(names).toEqual(['h2', 'p', 'ul', 'blockquote', 'p']);
    expect(JSON.stringify(nodes)).toContain('"href":"https://x.example/?a=1&b=2"');
    expect(JSON.stringify(nodes)).toContain('"name":"strong"');
  });

  it('turns plain text into paragraphs and keeps < > as text, not markup', () => {
    const { nodes } = sanitizeHtml('第一段\n\n第二段 a < b > c');
    expect(nodes).toHaveLength(2);
    expect(plainText(nodes)).toBe('第一段 第二段 a < b > c');
  });

  it('bounds nesting depth and node count', () => {
    const deep = '<blockquote>'.repeat(200) + 'x' + '</blockquote>'.repeat(200);
    const depth = (n: unknown, d = 0): number => {
      const kids = (n as { children?: unknown[] }).children ?? [];
      return kids.length ? Math.max(...kids.map((k) => depth(k, d + 1))) : d;
    };
    expect(Math.max(...sanitizeHtml(deep).nodes.map((n) => depth(n)))).toBeLessThanOrEqual(13);
    const many = '<p>x</p>'.repeat(10_000);
    expect(sanitizeHtml(many).nodes.length).toBeLessThanOrEqual(4000);
  });

  it('round-trips through toHtml for the editor without reintroducing markup', () => {
    const first = sanitizeHtml('<p>a &lt;script&gt; b</p><img src="https://x.example/a.png" alt="&quot;x">');
    const again = sanitizeHtml(toHtml(first.nodes));
    expect(again.nodes).toEqual(first.nodes);
    expect(toHtml(first.nodes)).toContain('&lt;script&gt;');
  });
});

describe('safeUrl and the parser', () => {
  it('accepts only http(s)', () => {
    expect(safeUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeUrl('http://a.example')).toBe('http://a.example');
    for (const bad of ['javascript:alert(1)', '//evil.example', 'ftp://x', 'https://a.example/"onload=', ' java\nscript:x', undefined])
      expect(safeUrl(bad)).toBeNull();
  });

  it('parses unquoted and duplicate attributes like a browser (first wins)', () => {
    const [el] = parseHtml('<a href=https://a.example/ href="javascript:x">t</a>');
    expect(el).toMatchObject({ type: 'element', name: 'a', attrs: { href: 'https://a.example/' } });
  });
});
