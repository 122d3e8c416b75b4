/**
 * Full-width ASCII forms (U+FF01–U+FF5E: "３３０２", "ＮＢ５１", "ｘ", typed on a Chinese keyboard)
 * to their ASCII characters; everything else unchanged.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
