/**
 * What the walk checks on a rendered page, run inside the browser (page.evaluate): buttons
 * without visible text, text cut off or overflowing the phone's width, raw technical strings,
 * and in 长辈模式 the MIIT sizes (text ≥ 18 px, line spacing ≥ 1.3, tap targets ≥ 60 px).
 * Elsewhere buttons are at least 44 px high.
 */
export interface InspectOptions {
  elder: boolean;
}

export function inspectPage({ elder }: InspectOptions): string[] {
  const problems: string[] = [];
  const root = document.querySelector('.taro_page:not([style*="display: none"])') ?? document.body;
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const label = (el: Element) =>
    `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 3).join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
  const alpha = (color: string) => {
    const m = /rgba?\(([^)]+)\)/.exec(color);
    if (!m) return 1;
    const parts = m[1].split(',').map((p) => Number(p.trim()));
    return parts.length === 4 ? parts[3] : 1;
  };

  // Buttons: visible text, never the native disabled="false" (Taro H5 paints it grey or blank).
  for (const b of Array.from(root.querySelectorAll('taro-button-core'))) {
    if (!visible(b)) continue;
    const text = (b as HTMLElement).innerText.trim();
    if (!text) problems.push(`button without text: ${label(b)}`);
    if (alpha(getComputedStyle(b).color) < 0.5) problems.push(`button text nearly invisible: ${label(b)}`);
    if (b.getAttribute('disabled') === 'false') problems.push(`button with disabled="false": ${label(b)}`);
    const r = b.getBoundingClientRect();
    if (elder && (r.height < 59.5 || r.width < 59.5))
      problems.push(`elder tap target ${Math.round(r.width)}×${Math.round(r.height)} < 60: ${label(b)}`);
    if (!elder && r.height < 43.5 && !b.classList.contains('state__retry'))
      problems.push(`tap target ${Math.round(r.height)} px high < 44: ${label(b)}`);
  }

  // Nothing wider than the phone, nothing cut with an ellipsis or clipped.
  const width = document.documentElement.clientWidth;
  for (const el of Array.from(root.querySelectorAll('taro-view-core, taro-text-core'))) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    if (!ownText) continue;
    // A carousel's other slides wait beside the screen by design (the home banners' Swiper).
    const offSlide = !!el.closest('.swiper-slide:not(.swiper-slide-active)');
    if (!offSlide && (r.right > width + 1 || r.left < -1)) problems.push(`text outside the screen: ${label(el)}`);
    const cs = getComputedStyle(el);
    const clips = cs.overflow === 'hidden' || cs.overflowX === 'hidden' || cs.textOverflow === 'ellipsis';
    const h = el as HTMLElement;
    // Normal mode's feed cards are fixed-height previews (virtual list rows) that open the whole
    // post on a tap; 长辈模式 shows them whole, and there they are checked like everything else.
    const preview = !elder && el.closest('.post-card');
    if (!preview && clips && (h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 2))
      problems.push(`text cut off: ${label(el)}`);
    if (elder) {
      const size = parseFloat(cs.fontSize);
      if (size < 17.95) problems.push(`elder text ${size.toFixed(1)} px < 18: ${label(el)}`);
      const lh = cs.lineHeight === 'normal' ? 1.2 * size : parseFloat(cs.lineHeight);
      if (lh / size < 1.29) problems.push(`elder line spacing ${(lh / size).toFixed(2)} < 1.3: ${label(el)}`);
    }
  }

  // Raw strings a person should never read.
  const text = (root as HTMLElement).innerText ?? '';
  const raw = /\bundefined\b|\bnull\b|\bNaN\b|\[object |\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{13,}\b|\bo_local_/i.exec(text);
  if (raw) problems.push(`raw string "${raw[0]}" in: …${text.slice(Math.max(0, raw.index - 20), raw.index + 30).replace(/\s+/g, ' ')}…`);
  return problems;
}
