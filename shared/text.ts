/**
 * Full-width ASCII forms (U+FF01–U+FF5E: "３３０２", "ＮＢ５１", "ｘ", typed on a Chinese keyboard)
 * to their ASCII characters; everything else unchanged.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A whole number with thousands separators ("3,120"), without Intl: toLocaleString depends on
 * Intl, which some WeChat JS runtimes lack (they would print "3120" or throw).
 */
export function groupThousands(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A title in Chinese quotes for a sentence: “title”. Quotes inside the title become the inner
 * kind (‘…’), so “奋进北仑”健步走 reads “‘奋进北仑’健步走”, never ““奋进北仑”健步走”.
 */
export function quoted(title: string): string {
  return `“${title.replace(/[“"]/g, '‘').replace(/”/g, '’')}”`;
}

/**
 * A keyword as a literal regular-expression pattern (for `db.RegExp` searches): what a person
 * types is matched as text, so "(" or ".*" cannot make the query fail or match everything.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
