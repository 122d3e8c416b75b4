/** The QR component's pure part: module matrix and the per-row hard-stop gradients. */
import qrcode from 'qrcode-generator';
import { qrMatrix, rowBackground, runsOf, utf8ByteString } from '../../../miniprogram/components/qrMatrix';

const TOKEN = 'v1.NB5100000042.1767225600.q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C';

it('encodes a card token as a square matrix with the three finder patterns', () => {
  const m = qrMatrix(TOKEN);
  expect(m.count).toBeGreaterThanOrEqual(25);
  expect(m.rows).toHaveLength(m.count);
  for (const row of m.rows) expect(row).toHaveLength(m.count);
  // Finder pattern corners: top-left, top-right, bottom-left start with 7 dark modules.
  expect(m.rows[0].slice(0, 7)).toEqual(Array(7).fill(true));
  expect(m.rows[0].slice(-7)).toEqual(Array(7).fill(true));
  expect(m.rows[m.count - 1].slice(0, 7)).toEqual(Array(7).fill(true));
  expect(m.rows[1].slice(0, 7)).toEqual([true, false, false, false, false, false, true]);
});

it('matches the library given the same bytes, and different texts give different codes', () => {
  const ref = qrcode(0, 'M');
  ref.addData(TOKEN, 'Byte');
  ref.make();
  const m = qrMatrix(TOKEN);
  expect(m.count).toBe(ref.getModuleCount());
  for (let r = 0; r < m.count; r++) for (let c = 0; c < m.count; c++) expect(m.rows[r][c]).toBe(ref.isDark(r, c));
  expect(qrMatrix(TOKEN.replace('42', '43')).rows).not.toEqual(m.rows);
});

it('turns non-ASCII text into UTF-8 bytes', () => {
  expect(utf8ByteString('abc')).toBe('abc');
  expect([...utf8ByteString('工')].map((c) => c.charCodeAt(0))).toEqual([0xe5, 0xb7, 0xa5]);
  expect([...utf8ByteString('😀')].map((c) => c.charCodeAt(0))).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  expect(() => qrMatrix('甬工惠会员')).not.toThrow();
});

it('draws a row as runs with whole-pixel hard stops', () => {
  const row = [true, true, false, true];
  expect(runsOf(row)).toEqual([
    [true, 2],
    [false, 1],
    [true, 1],
  ]);
  expect(rowBackground(row, 5)).toBe(
    'linear-gradient(to right, #000000 0px, #000000 10px, #ffffff 10px, #ffffff 15px, #000000 15px, #000000 20px)',
  );
});
