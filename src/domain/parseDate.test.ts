import fc from 'fast-check';
import { civilFromDayNumber, dayNumberFromCivil, isoToSerial, isValidIsoDate, MAX_EXCEL_SERIAL, parseDateInput, serialToIso } from './parseDate';

const okValue = (raw: unknown) => {
  const r = parseDateInput(raw);
  if (!r.ok) throw new Error(`expected ok for ${String(raw)}: ${r.error.message}`);
  return r.value;
};
const errorOf = (raw: unknown) => {
  const r = parseDateInput(raw);
  if (r.ok) throw new Error(`expected error for ${String(raw)}, got ${r.value}`);
  return r.error;
};

describe('parseDateInput: accepted forms', () => {
  test.each<[unknown, string | null]>([
    ['2026-03-05', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026/03/05', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['2026年3月5', '2026-03-05'],
    ['2026 年 3 月 5 日', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['２０２６／３／５', '2026-03-05'],
    ['  2026-03-05  ', '2026-03-05'],
    ['\u30002026-03-05\u3000', '2026-03-05'],
    ['\t2026-03-05\n', '2026-03-05'],
    ['2026-03-05 10:30', '2026-03-05'],
    ['2026-03-05T23:59:59', '2026-03-05'],
    ['2026/3/5  8:05', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1900-03-01', '1900-03-01'],
    ['9999-12-31', '9999-12-31'],
    ['', null],
    ['   ', null],
    ['\u3000', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (raw, expected) => {
    expect(okValue(raw)).toBe(expected);
  });

  test('JS Date (exceljs: UTC midnight) → its UTC calendar date', () => {
    expect(okValue(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    // A date-time late in the UTC day still belongs to that day, whatever the host zone.
    expect(okValue(new Date(Date.UTC(2026, 2, 5, 23, 59, 59)))).toBe('2026-03-05');
    expect(okValue(new Date(Date.UTC(2026, 11, 31)))).toBe('2026-12-31');
  });

  test.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45000, '2023-03-15'],
    [46086, '2026-03-05'],
    [46086.75, '2026-03-05'],
    [46086.999999, '2026-03-05'],
    [MAX_EXCEL_SERIAL, '9999-12-31'],
  ])('Excel serial %p → %p', (serial, expected) => {
    expect(okValue(serial)).toBe(expected);
  });
});

describe('parseDateInput: refused, with the fix in the message', () => {
  test('the brief’s own example', () => {
    expect(errorOf('3.5').message).toBe('“3.5”缺少年份，请写成 2026-03-05 的形式');
  });

  test.each<[unknown, string, RegExp]>([
    ['2026-02-30', 'date-invalid', /不是有效日期.*2026年2月没有30日/],
    ['2025-02-29', 'date-invalid', /2025年2月没有29日/],
    ['2026/13/5', 'date-invalid', /“2026\/13\/5”不是有效日期（月份应为 1–12，没有 13 月）/],
    ['2026-00-10', 'date-invalid', /没有 0 月/],
    ['2026-04-31', 'date-invalid', /只有 30 天/],
    ['2026-03-00', 'date-invalid', /没有0日/],
    ['1899-12-31', 'date-out-of-range', /早于 1900 年/],
    ['3.5', 'date-yearless', /缺少年份/],
    ['3/5', 'date-yearless', /“3\/5”缺少年份，请写成 2026-03-05/],
    ['3-5', 'date-yearless', /缺少年份/],
    ['12.25', 'date-yearless', /请写成 2026-12-25/],
    ['3月5日', 'date-yearless', /缺少年份/],
    ['5日', 'date-yearless', /“5日”缺少年份/],
    ['5号', 'date-yearless', /缺少年份/],
    ['3月', 'date-yearless', /缺少年份/],
    ['26-3-5', 'date-two-digit-year', /年份不是四位数.*2026-03-05/],
    ['26/3/5', 'date-two-digit-year', /年份不是四位数/],
    ['26年3月5日', 'date-two-digit-year', /年份不是四位数/],
    ['3/5/2026', 'date-day-first', /顺序/],
    ['05.03.2026', 'date-day-first', /顺序/],
    ['2026-03', 'date-missing-day', /缺少月或日/],
    ['2026年3月', 'date-missing-day', /缺少月或日/],
    ['2026年', 'date-missing-day', /缺少月或日/],
    ['20260305', 'date-compact', /请写成 2026-03-05/],
    ['下周', 'date-unrecognised', /“下周”不是可识别的日期，请写成 2026-03-05 的形式/],
    ['明天', 'date-unrecognised', /不是可识别的日期/],
    ['2026-3/5', 'date-unrecognised', /不是可识别的日期/],
    ['2026-03-05 25:00', 'date-invalid', /时间部分不正确/],
    ['abc', 'date-unrecognised', /不是可识别的日期/],
    [3.5, 'date-yearless', /“3.5”缺少年份/],
    [12.31, 'date-yearless', /缺少年份/],
    [20260305, 'date-compact', /请写成 2026-03-05/],
    [0, 'date-out-of-range', /超出/],
    [-1, 'date-out-of-range', /超出/],
    [0.5, 'date-out-of-range', /超出/],
    [MAX_EXCEL_SERIAL + 1, 'date-out-of-range', /超出/],
    [60, 'date-fake-leap-day', /1900-02-29/],
    [NaN, 'date-unrecognised', /不是日期/],
    [Infinity, 'date-unrecognised', /不是日期/],
    [true, 'date-unrecognised', /不是日期/],
    [{}, 'date-unrecognised', /不是日期/],
    [[2026, 3, 5], 'date-unrecognised', /不是日期/],
    [new Date(NaN), 'date-unrecognised', /不是日期/],
    [new Date(Date.UTC(1899, 11, 31)), 'date-out-of-range', /超出/],
  ])('%j → %s', (raw, code, message) => {
    const e = errorOf(raw);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  test('exampleYear option shapes the suggestion', () => {
    const r = parseDateInput('3/5', { exampleYear: 2027 });
    expect(r.ok ? '' : r.error.message).toBe('“3/5”缺少年份，请写成 2027-03-05 的形式');
  });

  test('never throws on hostile values', () => {
    const hostile = [
      Symbol('x'),
      10n,
      () => 1,
      {
        toString: () => {
          throw new Error('boom');
        },
      },
      Object.create(null),
    ];
    for (const v of hostile) expect(parseDateInput(v).ok).toBe(false);
  });
});

describe('serial arithmetic', () => {
  test('fixed points of the 1900 date system', () => {
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('1899-12-31')).toBe(0);
    expect(isoToSerial('2026-03-05')).toBe(46086);
    expect(isoToSerial('9999-12-31')).toBe(MAX_EXCEL_SERIAL);
    expect(serialToIso(60)).toBe('1900-03-01');
    expect(isoToSerial('2026-02-30')).toBeNaN();
    expect(isoToSerial('not a date')).toBeNaN();
  });

  test('isValidIsoDate', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-2-5')).toBe(false);
    expect(isValidIsoDate(20260205)).toBe(false);
  });

  const isoArb = fc.integer({ min: dayNumberFromCivil(1900, 3, 1), max: dayNumberFromCivil(2099, 12, 31) }).map((n) => {
    const { y, m, d } = civilFromDayNumber(n);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });

  test('property: civil day numbers agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 2_000_000 }), (n) => {
        const t = new Date(n * 86_400_000);
        const { y, m, d } = civilFromDayNumber(n);
        expect([y, m, d]).toEqual([t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()]);
        expect(dayNumberFromCivil(y, m, d)).toBe(n);
      }),
    );
  });

  test('property: serialToIso(isoToSerial(d)) === d for 1900-03-01..2099-12-31', () => {
    fc.assert(
      fc.property(isoArb, (iso) => {
        expect(isValidIsoDate(iso)).toBe(true);
        expect(serialToIso(isoToSerial(iso))).toBe(iso);
      }),
    );
  });

  test('property: consecutive days are consecutive serials', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_EXCEL_SERIAL - 1 }), (s) => {
        const a = serialToIso(s);
        const b = serialToIso(s + 1);
        expect(b > a).toBe(true);
        expect(isoToSerial(a)).toBe(s);
      }),
    );
  });

  test('property: parse round-trips an IsoDate, its serial, its Date and its other spellings', () => {
    fc.assert(
      fc.property(isoArb, (iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        expect(okValue(iso)).toBe(iso);
        expect(okValue(isoToSerial(iso))).toBe(iso);
        expect(okValue(new Date(Date.UTC(y, m - 1, d)))).toBe(iso);
        expect(okValue(`${y}/${m}/${d}`)).toBe(iso);
        expect(okValue(`${y}年${m}月${d}日`)).toBe(iso);
      }),
    );
  });
});
