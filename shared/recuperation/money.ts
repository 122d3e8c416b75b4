/**
 * Money in the recuperation domain is always an integer number of 分 (fen, 1 元 = 100 分): costs,
 * caps, spends and subsidies are stored, compared and summed as integers, so no floating-point
 * rounding ever decides whether a cap is broken. The only rounding step is the 10 % subsidy
 * (see ./subsidy.ts: half up to the nearest 分).
 */
export const FEN_PER_YUAN = 100;

/** 200000 → "2,000 元"; 12345 → "123.45 元". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / FEN_PER_YUAN);
  const cents = abs % FEN_PER_YUAN;
  const whole = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}${cents ? `.${cents.toString().padStart(2, '0')}` : ''} 元`;
}

/**
 * A yuan amount typed by a person ("380", "380.5", "380.50") → fen, or null when it is not a
 * non-negative amount with at most two decimals. Parsed from the text, never through a float.
 */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * FEN_PER_YUAN + Number((m[2] ?? '').padEnd(2, '0'));
}
