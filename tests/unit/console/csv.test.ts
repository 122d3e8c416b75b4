/**
 * The 工会工作台's CSV export (console/src/lib/csv.ts): what Excel needs to open Chinese text by
 * double-click (UTF-8 BOM, CRLF), quoting, and no cell that Excel would run as a formula.
 */
import { csvCell, toCsv } from '../../../console/src/lib/csv';
import { ticketFromQr, consoleQrText } from '../../../shared/member/console';
import { deviceSummary } from '../../../console/src/lib/device';

describe('toCsv', () => {
  it('starts with a BOM, ends rows with CRLF and keeps Chinese text as UTF-8', () => {
    const csv = toCsv(
      ['工会', '会员数'],
      [
        ['北仑区总工会', 12],
        ['新碶街道总工会', 0],
      ],
    );
    expect(csv).toBe('\uFEFF工会,会员数\r\n北仑区总工会,12\r\n新碶街道总工会,0\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('甲,乙')).toBe('"甲,乙"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一行\n两行')).toBe('"一行\n两行"');
    expect(csvCell(null)).toBe('');
  });

  it('never leaves a text cell that Excel would run as a formula; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
  });
});

describe('the sign-in QR payload', () => {
  it('round-trips a ticket and refuses anything else', () => {
    const ticket = '0123456789abcdef0123456789abcdef';
    expect(ticketFromQr(consoleQrText(ticket))).toBe(ticket);
    expect(ticketFromQr(` ${consoleQrText(ticket)}\n`)).toBe(ticket);
    expect(ticketFromQr(ticket)).toBeNull();
    expect(ticketFromQr('YGH-CONSOLE:0123')).toBeNull();
    expect(ticketFromQr('YGH-CONSOLE:0123456789ABCDEF0123456789ABCDEF')).toBeNull();
    expect(ticketFromQr('v1.member-card-token')).toBeNull();
  });
});

describe('deviceSummary', () => {
  it('names the browser and system the admin will see', () => {
    expect(
      deviceSummary(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      ),
    ).toBe('Edge 131 · Windows');
    expect(
      deviceSummary('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15'),
    ).toBe('Safari 17 · macOS');
    expect(
      deviceSummary('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'),
    ).toBe('Chrome 131 · Linux');
    expect(deviceSummary('Mozilla/5.0 (Windows NT 10.0; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox 133 · Windows');
    expect(deviceSummary('curl/8.0')).toBe('浏览器 · 其他系统');
  });
});
