import { checkCharFor, checkIdNumber, normalizeIdNumber, withCheckChar } from '../../../shared/member/idNumber';

describe('ID number checksum (GB 11643)', () => {
  it('accepts the standard examples, including a final X', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ valid: true, normalized: '11010519491231002X', birthDate: '1949-12-31' });
    expect(checkIdNumber('440524188001010014')).toEqual({ valid: false, problem: 'birthDate' }); // the GB example: born 1880, before our 1900 floor
    expect(checkIdNumber(withCheckChar('44052419800101001'))).toMatchObject({ valid: true, birthDate: '1980-01-01' });
  });

  it('accepts a lower-case x, spaces and full-width digits, normalized to one form', () => {
    expect(checkIdNumber(' 11010519491231002x ')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(checkIdNumber('110105 19491231 002X')).toMatchObject({ valid: true });
  });

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ valid: false, problem: 'checksum' });
    expect(
      checkIdNumber(withCheckChar('44052419800101001').slice(0, 17) + (withCheckChar('44052419800101001').endsWith('5') ? '6' : '5')),
    ).toEqual({ valid: false, problem: 'checksum' });
  });

  it('rejects wrong length, letters, and a leading zero region', () => {
    for (const bad of ['', '11010519491231002', '11010519491231002XX', '1101051949123100AX', '010105194912310021', '11010519491231X021']) {
      expect(checkIdNumber(bad)).toEqual({ valid: false, problem: 'format' });
    }
  });

  it('rejects birth dates that do not exist, before 1900 or in the future', () => {
    const build = (date: string) => withCheckChar(`330206${date}123`);
    expect(checkIdNumber(build('19900230'))).toEqual({ valid: false, problem: 'birthDate' }); // 30 Feb
    expect(checkIdNumber(build('19901301'))).toEqual({ valid: false, problem: 'birthDate' }); // month 13
    expect(checkIdNumber(build('19900100'))).toEqual({ valid: false, problem: 'birthDate' }); // day 0
    expect(checkIdNumber(build('19010229'))).toEqual({ valid: false, problem: 'birthDate' }); // not a leap year
    expect(checkIdNumber(build('20000229'))).toMatchObject({ valid: true }); // leap year
    expect(checkIdNumber(build('18991231'))).toEqual({ valid: false, problem: 'birthDate' });
    expect(checkIdNumber(build('20300101'), '2026-05-01')).toEqual({ valid: false, problem: 'birthDate' });
    expect(checkIdNumber(build('20260501'), '2026-05-01')).toMatchObject({ valid: true });
  });

  it('checks the birth date before the checksum, so the message names the real problem', () => {
    expect(checkIdNumber('330206199002301230')).toEqual({ valid: false, problem: 'birthDate' });
  });

  it('withCheckChar builds valid numbers and checkCharFor can yield X', () => {
    expect(checkCharFor('11010519491231002')).toBe('X');
    expect(checkIdNumber(withCheckChar('33020619850312101')).valid).toBe(true);
    expect(() => withCheckChar('123')).toThrow();
  });
});

describe('ID number region code (issue 11)', () => {
  it('refuses a region whose province does not exist', () => {
    for (const region of ['999999', '100000', '190101', '660101', '900101', '840101']) {
      expect([region, checkIdNumber(withCheckChar(`${region}19900101123`))]).toEqual([region, { valid: false, problem: 'region' }]);
    }
  });

  it('accepts every province-level code, and the whole-province codes of residence permits', () => {
    for (const region of ['110105', '330206', '650102', '710000', '810000', '820000', '830000', '540102']) {
      expect([region, checkIdNumber(withCheckChar(`${region}19900101123`)).valid]).toEqual([region, true]);
    }
  });
});
