import { maskIdNumber, maskName, maskPhone, normalizeName } from '../../../shared/member/mask';

describe('masking', () => {
  it('names keep the first and last character', () => {
    expect(maskName('王建国')).toBe('王*国');
    expect(maskName('陈晓')).toBe('陈*');
    expect(maskName('欧阳建国')).toBe('欧**国');
    expect(maskName('王')).toBe('*');
    expect(maskName('  李秀梅 ')).toBe('李*梅');
    expect(maskName('')).toBe('');
    // Characters outside the BMP count as one character.
    expect(maskName('𠀋建国')).toBe('𠀋*国');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });

  it('ID numbers keep the region prefix and last four', () => {
    expect(maskIdNumber('330206198503121014')).toBe('3302**********1014');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('phones keep 3 + 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('names normalize spaces and middle dots so hashes agree', () => {
    expect(normalizeName('  阿依古丽•买买提 ')).toBe('阿依古丽·买买提');
    expect(normalizeName('John   Smith')).toBe('John Smith');
  });
});
