import { csvCell, CsvError, parseCsv } from '../../../shared/member/csv';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('RFC 4180 CSV reader', () => {
  it('reads simple records with CRLF, LF and CR line ends', () => {
    expect(fields('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('strips a UTF-8 BOM', () => {
    expect(fields('\uFEFF姓名,身份证号\r\n')).toEqual([['姓名', '身份证号']]);
  });

  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('"王,建国","说""你好""","第一行\r\n第二行"\r\nx,y,z')).toEqual([
      ['王,建国', '说"你好"', '第一行\r\n第二行'],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(fields('a,,c,\r\n,,,')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
    expect(fields('""')).toEqual([['']]);
  });

  it('numbers records as spreadsheet rows: a multi-line cell is one row, blank lines count', () => {
    const recs = parseCsv('h1,h2\r\n"a\nb",1\r\n\r\nc,2\r\n');
    expect(recs.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('reports an unclosed quote and text after a closing quote with the row', () => {
    expect(() => parseCsv('a,b\r\n"open,c')).toThrow(CsvError);
    try {
      parseCsv('a\r\nb\r\n"x"y,z');
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).row).toBe(3);
      expect((e as CsvError).message).toContain('第 3 行');
    }
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(fields('ab"c,d')).toEqual([['ab"c', 'd']]);
  });

  it('round-trips cells that need quoting', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\r\nlines'];
    expect(fields(values.map(csvCell).join(','))).toEqual([values]);
  });

  it('an empty input has no records', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('\r\n\r\n')).toEqual([]);
  });
});
