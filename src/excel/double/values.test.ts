import { dateToSerial, formatValue, formulaShapeKey, normalizeColor, parseInput, translateFormula } from './values';

const opts = { shortDateFormat: 'yyyy/m/d' };

describe('typed-input parsing (what range.values = ... stores)', () => {
  test('formulas, quote prefix, numbers, dates, booleans, text', () => {
    expect(parseInput('=SUM(A1:A3)', 'General', opts)).toEqual({ kind: 'formula', formula: '=SUM(A1:A3)' });
    expect(parseInput("'=abc", 'General', opts)).toEqual({ kind: 'value', value: '=abc', quote: true });
    expect(parseInput("'001", 'General', opts)).toEqual({ kind: 'value', value: '001', quote: true });
    expect(parseInput('001', 'General', opts)).toEqual({ kind: 'value', value: 1 });
    expect(parseInput('-5', 'General', opts)).toEqual({ kind: 'value', value: -5 });
    expect(parseInput('-abc', 'General', opts)).toEqual({ kind: 'formula', formula: '=-abc' });
    expect(parseInput('+A1', 'General', opts)).toEqual({ kind: 'formula', formula: '=+A1' });
    expect(parseInput('-', 'General', opts)).toEqual({ kind: 'value', value: '-' });
    expect(parseInput('@SUM(A1:A3)', 'General', opts)).toEqual({ kind: 'formula', formula: '=SUM(A1:A3)' });
    expect(parseInput("'@张三", 'General', opts)).toEqual({ kind: 'value', value: '@张三', quote: true });
    expect(parseInput('=', 'General', opts)).toEqual({ kind: 'value', value: '=' });
    expect(parseInput('2026-10-10', 'General', opts)).toEqual({ kind: 'value', value: dateToSerial(2026, 10, 10), numberFormat: 'yyyy/m/d' });
    expect(parseInput('2026-10-10', 'yyyy-mm-dd', opts)).toEqual({ kind: 'value', value: dateToSerial(2026, 10, 10), numberFormat: undefined });
    expect(parseInput('2026-02-30', 'General', opts)).toEqual({ kind: 'value', value: '2026-02-30' });
    expect(parseInput('true', 'General', opts)).toEqual({ kind: 'value', value: true });
    expect(parseInput('50%', 'General', opts)).toEqual({ kind: 'value', value: 0.5, numberFormat: '0%' });
    expect(parseInput('修路灯', 'General', opts)).toEqual({ kind: 'value', value: '修路灯' });
    expect(parseInput(null, 'General', opts)).toEqual({ kind: 'skip' });
    expect(parseInput(Number.NaN, 'General', opts)).toEqual({ kind: 'skip' });
  });

  test('a Text-formatted cell keeps strings as typed', () => {
    expect(parseInput('=1+1', '@', opts)).toEqual({ kind: 'value', value: '=1+1' });
    expect(parseInput('001', '@', opts)).toEqual({ kind: 'value', value: '001' });
  });
});

describe('display text', () => {
  test('number formats', () => {
    expect(formatValue(dateToSerial(2026, 1, 5)!, 'yyyy-mm-dd')).toBe('2026-01-05');
    expect(formatValue(dateToSerial(2026, 1, 5)!, 'yyyy/m/d')).toBe('2026/1/5');
    expect(dateToSerial(2026, 1, 1)).toBe(46023);
    expect(formatValue(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatValue(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatValue(0.853, '0.0%')).toBe('85.3%');
    expect(formatValue(123456789012, 'General')).toBe('1.23457E+11');
    expect(formatValue(true, 'General')).toBe('TRUE');
  });

  test('colours', () => {
    expect(normalizeColor('orange')).toBe('#FFA500');
    expect(normalizeColor('#ffc7ce')).toBe('#FFC7CE');
    expect(normalizeColor('FFC7CE')).toBe('#FFC7CE');
    expect(() => normalizeColor('nope')).toThrow();
  });
});

describe('relative formulas', () => {
  test('shape keys match filled-down formulas, structured references untouched', () => {
    expect(formulaShapeKey('=A2*2', 1, 2)).toBe(formulaShapeKey('=A3*2', 2, 2));
    expect(formulaShapeKey('=$A$2*2', 1, 2)).not.toBe(formulaShapeKey('=$A$3*2', 2, 2));
    expect(translateFormula('=A2+$B$1+"C9"', 3, 0)).toBe('=A5+$B$1+"C9"');
    expect(translateFormula('=[@编号]&台账[[#This Row],[完成时限]]', 3, 0)).toBe('=[@编号]&台账[[#This Row],[完成时限]]');
    expect(translateFormula("='日历'!A2+日历!$C:$C", 1, 0)).toBe("='日历'!A3+日历!$C:$C");
    expect(translateFormula('=SUM(A1:A3)', 1, 0)).toBe('=SUM(A2:A4)');
  });
});
