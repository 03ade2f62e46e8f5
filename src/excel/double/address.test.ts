import { MAX_COLS, MAX_ROWS, columnIndex, columnLetters, formatAddress, parseRect, quoteSheetName, splitSheetAddress } from './address';

describe('A1 addresses', () => {
  test('column letters round-trip', () => {
    for (const [i, s] of [
      [0, 'A'],
      [25, 'Z'],
      [26, 'AA'],
      [701, 'ZZ'],
      [702, 'AAA'],
      [16383, 'XFD'],
    ] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
  });

  test('parses cells, ranges, whole columns and whole rows', () => {
    expect(parseRect('B3')).toEqual({ r0: 2, c0: 1, r1: 2, c1: 1 });
    expect(parseRect('$A$1:$C$10')).toEqual({ r0: 0, c0: 0, r1: 9, c1: 2 });
    expect(parseRect('C10:A1')).toEqual({ r0: 0, c0: 0, r1: 9, c1: 2 });
    expect(parseRect('A:A')).toEqual({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 0 });
    expect(parseRect('2:2')).toEqual({ r0: 1, c0: 0, r1: 1, c1: MAX_COLS - 1 });
    expect(() => parseRect('A0')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseRect('XFE1')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseRect('A1:2')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseRect('台账')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  test('formats like range.address', () => {
    expect(formatAddress('Sheet1', parseRect('A1'))).toBe('Sheet1!A1');
    expect(formatAddress('Sheet1', parseRect('A1:C3'))).toBe('Sheet1!A1:C3');
    expect(formatAddress('Sheet1', parseRect('B:C'))).toBe('Sheet1!B:C');
    expect(formatAddress('Sheet1', parseRect('5:7'))).toBe('Sheet1!5:7');
  });

  test('sheet names are quoted the way Excel quotes them', () => {
    // CJK names are Unicode word characters: Excel leaves them bare (XlsxWriter#1078, SheetJS#2046).
    expect(quoteSheetName('台账')).toBe('台账');
    expect(quoteSheetName('反馈记录')).toBe('反馈记录');
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Sheet.1')).toBe('Sheet.1');
    expect(quoteSheetName('École1')).toBe('École1');
    expect(quoteSheetName('Two Names')).toBe("'Two Names'");
    expect(quoteSheetName('台账 2026')).toBe("'台账 2026'");
    expect(quoteSheetName('台账(备份)')).toBe("'台账(备份)'");
    expect(quoteSheetName('a-b')).toBe("'a-b'");
    expect(quoteSheetName("Sheet's")).toBe("'Sheet''s'");
    expect(quoteSheetName('2026')).toBe("'2026'");
    expect(quoteSheetName('ev1')).toBe("'ev1'"); // office-js#3643: a name that is a cell reference
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('Report')).toBe('Report');
  });

  test('splits sheet-qualified addresses, quoted or not', () => {
    expect(splitSheetAddress('台账!A1:B2')).toEqual({ sheet: '台账', local: 'A1:B2' });
    expect(splitSheetAddress("'台账'!A1")).toEqual({ sheet: '台账', local: 'A1' });
    expect(splitSheetAddress("'It''s'!C3")).toEqual({ sheet: "It's", local: 'C3' });
    expect(splitSheetAddress('A1')).toEqual({ local: 'A1' });
  });
});
