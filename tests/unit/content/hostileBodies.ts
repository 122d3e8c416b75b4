/**
 * Hostile rich-text bodies: the corpus both sanitisers are tested against
 * (sanitizers.test.ts) and measured with (scripts/bench/sanitizers.ts). Each stays within
 * content.adminSave's 50,000-character limit.
 */
import sanitize from 'sanitize-html';

export const HOSTILE_BODIES: Record<string, string> = {
  'nested <b> ×16,000': '<b>'.repeat(16_000),
  'nested div ×5,000, closed': `${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}`,
  script: '<script>alert(1)</script><p>正文</p>',
  'split script': '<scr<script>ipt>alert(1)</script>',
  'img onerror': '<img src=x onerror=alert(1)><img src="https://a.example/p.png" onload="alert(1)">',
  'javascript: href': '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a>',
  'entity-encoded scheme':
    '<a href="&#106;avascript:alert(1)">a</a><a href="jav&#x09;ascript:alert(1)">b</a><a href="javascript&colon;alert(1)">c</a>',
  'control chars in scheme': '<IMG SRC="jav\tascript:alert(1)"><a href="java\u0000script:alert(1)">x</a>',
  'style element and attribute':
    '<style>p{background:url(javascript:alert(1))}</style><p style="background:url(javascript:alert(1))">x</p>',
  'svg and math':
    '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg><math><mi href="javascript:alert(1)">m</mi></math>',
  'iframe, object, embed, form':
    '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x"><form action="javascript:alert(1)"><button>b</button></form>',
  'on* everywhere': '<p onclick="alert(1)" onmouseover=alert(1)>x</p><strong ONFOCUS=alert(1) tabindex=1>y</strong>',
  'unclosed tags': '<p><b><i>一<a href="https://a.example" <img src=x onerror=alert(1)>二',
  'comments and CDATA': '<!--<script>alert(1)--><p>x</p><![CDATA[<script>alert(1)</script>]]><!--><img src=x onerror=alert(1)>-->',
  'escaped markup stays text': '&lt;script&gt;alert(1)&lt;/script&gt;<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  'textarea/title raw text': '<textarea><script>alert(1)</script></textarea><title><img src=x onerror=alert(1)></title>',
  'srcset and data URLs':
    '<img src="https://a.example/a.png" srcset="javascript:alert(1) 2x"><img src="data:image/svg+xml,<svg onload=alert(1)>">',
  'huge text': `<p>${'福'.repeat(49_000)}</p>`,
  'many small tags': '<i>x</i>'.repeat(6_000),
  'many attributes': `<p ${Array.from({ length: 3_000 }, (_, i) => `a${i}=1`).join(' ')}>x</p>`,
};

/** Our allow-list (shared/content/richText.ts), for the reference sanitiser and the audit. */
export const TAGS = ['p', 'h2', 'h3', 'strong', 'em', 'ul', 'ol', 'li', 'img', 'a', 'br', 'blockquote'];
export const ATTRS: Record<string, string[]> = { a: ['href'], img: ['src', 'alt'] };

/** sanitize-html configured to the same allow-list as ours. */
export function referenceSanitize(html: string): string {
  return sanitize(html, {
    allowedTags: TAGS,
    allowedAttributes: ATTRS,
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    transformTags: { b: 'strong', i: 'em', h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3', div: 'p', section: 'p', article: 'p' },
  });
}
