/**
 * QR code modules for <QrCode>, computed with qrcode-generator (pure JS, no eval, MIT). Each
 * row becomes one CSS hard-stop gradient, so a whole code is ~30–40 Views: cheap to render on
 * weapp (small setData) and identical on H5, with no canvas API differences to handle.
 */
import qrcode from 'qrcode-generator';

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrMatrix {
  /** Modules per side. */
  count: number;
  /** rows[r][c] = true for a dark module. */
  rows: boolean[][];
}

/** Encode `text` (UTF-8 bytes) at the smallest version that fits. */
export function qrMatrix(text: string, level: QrLevel = 'M'): QrMatrix {
  const qr = qrcode(0, level);
  // The library's default byte mode keeps only the low 8 bits of each char: hand it UTF-8 bytes.
  qr.addData(utf8ByteString(text), 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const rows: boolean[][] = [];
  for (let r = 0; r < count; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < count; c++) row.push(qr.isDark(r, c));
    rows.push(row);
  }
  return { count, rows };
}

/** Each UTF-8 byte of `text` as one char (0–255). */
export function utf8ByteString(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Runs of equal modules: [dark, length] pairs, left to right. */
export function runsOf(row: readonly boolean[]): Array<[boolean, number]> {
  const runs: Array<[boolean, number]> = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last[0] === dark) last[1] += 1;
    else runs.push([dark, 1]);
  }
  return runs;
}

/**
 * One row as a CSS background: hard colour stops at whole pixels (`cell` px per module), so
 * edges stay sharp for scanners.
 */
export function rowBackground(row: readonly boolean[], cell: number, dark = '#000000', light = '#ffffff'): string {
  const stops: string[] = [];
  let x = 0;
  for (const [isDark, len] of runsOf(row)) {
    const color = isDark ? dark : light;
    stops.push(`${color} ${x}px`, `${color} ${x + len * cell}px`);
    x += len * cell;
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
