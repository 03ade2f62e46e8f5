/**
 * The working-day calendar and the three counting modes (docs/rules.md "Working-day calendar",
 * "Counting modes"). Expected dates were worked out by hand from the State Council schedules:
 * - 国庆 2025: 10-01..10-08 off (中秋 10-06 inside), make-up Sunday 09-28 and Saturday 10-11;
 * - 春节 2026: 02-15..02-23 off, make-up Saturdays 02-14 and 02-28; 清明 2026: 04-04..04-06;
 * - 中秋 2026: 09-25..09-27 off; 国庆 2026: 10-01..10-07 off, make-up Sunday 09-20 and Saturday 10-10;
 * - 劳动节 2026: 05-01..05-05 off, make-up Saturday 05-09.
 * The raw chinese-days JSON serves as an independent oracle in the property tests.
 */
import fc from 'fast-check';
import { createCalendar, DATA_FIRST_YEAR, DATA_LAST_YEAR } from './calendar';
import { addCalendarDays, fromDayNumber, toDayNumber, weekday } from './dates';
import type { CountingMode } from './types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RAW = require('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

const cal = createCalendar();

/** Independent oracle: the definition of docs/rules.md applied to the raw data. */
function oracleIsWorkday(d: string): boolean {
  if (d in RAW.workdays) return true;
  if (d in RAW.holidays) return false;
  const w = weekday(d);
  return w !== 0 && w !== 6;
}
function oracleAddWorkdays(start: string, n: number): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (oracleIsWorkday(d)) left--;
  }
  return d;
}

describe('official schedule in the data', () => {
  test('the raw data holds the schedules these tests rely on', () => {
    for (const d of ['2025-09-28', '2025-10-11', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10', '2026-05-09']) {
      expect(RAW.workdays).toHaveProperty([d]);
    }
    for (let n = toDayNumber('2025-10-01'); n <= toDayNumber('2025-10-08'); n++) {
      expect(RAW.holidays).toHaveProperty([fromDayNumber(n)]);
    }
    for (let n = toDayNumber('2026-02-15'); n <= toDayNumber('2026-02-23'); n++) {
      expect(RAW.holidays).toHaveProperty([fromDayNumber(n)]);
    }
    for (let n = toDayNumber('2026-10-01'); n <= toDayNumber('2026-10-07'); n++) {
      expect(RAW.holidays).toHaveProperty([fromDayNumber(n)]);
    }
  });

  test('data years', () => {
    expect(DATA_LAST_YEAR).toBe(2026);
    expect(DATA_FIRST_YEAR).toBeLessThanOrEqual(2021);
  });
});

describe('isWorkday', () => {
  test.each<[string, boolean, string]>([
    ['2025-09-27', false, 'Saturday'],
    ['2025-09-28', true, 'make-up Sunday (国庆)'],
    ['2025-09-30', true, 'Tuesday, eve of 国庆'],
    ['2025-10-01', false, '国庆'],
    ['2025-10-06', false, '中秋 inside 国庆'],
    ['2025-10-08', false, 'last day of 国庆'],
    ['2025-10-09', true, 'Thursday after 国庆'],
    ['2025-10-11', true, 'make-up Saturday'],
    ['2025-10-12', false, 'Sunday'],
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, 'make-up Sunday (元旦)'],
    ['2026-02-13', true, 'Friday'],
    ['2026-02-14', true, 'make-up Saturday (春节)'],
    ['2026-02-15', false, '春节'],
    ['2026-02-23', false, 'Monday, last day of 春节'],
    ['2026-02-24', true, 'Tuesday after 春节'],
    ['2026-02-28', true, 'make-up Saturday (春节)'],
    ['2026-03-01', false, 'Sunday'],
    ['2026-03-02', true, 'Monday'],
    ['2026-04-03', true, 'Friday before 清明'],
    ['2026-04-06', false, '清明 Monday'],
    ['2026-05-05', false, '劳动节'],
    ['2026-05-09', true, 'make-up Saturday (劳动节)'],
    ['2026-09-19', false, 'Saturday'],
    ['2026-09-20', true, 'make-up Sunday (国庆)'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-10-07', false, 'last day of 国庆'],
    ['2026-10-08', true, 'Thursday after 国庆'],
    ['2026-10-10', true, 'make-up Saturday (国庆)'],
    ['2027-01-01', true, 'beyond the data: Friday, weekends only'],
    ['2027-01-02', false, 'beyond the data: Saturday'],
    ['2027-10-01', true, 'beyond the data: Friday'],
  ])('%s → %p (%s)', (d, expected) => {
    expect(cal.isWorkday(d)).toBe(expected);
  });

  test('agrees with the raw data for every day of 2021–2026', () => {
    for (let n = toDayNumber('2021-01-01'); n <= toDayNumber('2026-12-31'); n++) {
      const d = fromDayNumber(n);
      expect([d, cal.isWorkday(d)]).toEqual([d, oracleIsWorkday(d)]);
    }
  });
});

describe('covers: the years with an official schedule', () => {
  test.each<[string, boolean]>([
    ['2021-07-22', true],
    ['2025-10-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
    ['2030-06-01', false],
  ])('%s → %p', (d, e) => {
    expect(cal.covers(d)).toBe(e);
  });

  test('a year the user typed into 日历 counts as covered', () => {
    const c = createCalendar({ extraCoveredYears: [2027] });
    expect(c.covers('2027-05-01')).toBe(true);
    expect(c.covers('2028-05-01')).toBe(false);
  });

  test('beyond the data weekends are still non-working and the modes still work', () => {
    // 2026-12-31 is a Thursday; 2027 is not in the data.
    expect(cal.addDays('2026-12-31', 1, '自然日顺延')).toBe('2027-01-01');
    expect(cal.addDays('2027-01-01', 1, '自然日顺延')).toBe('2027-01-04');
    expect(cal.addDays('2026-12-31', 3, '工作日')).toBe('2027-01-05');
    expect(cal.workdaysBetween('2027-01-01', '2027-01-31')).toBe(20);
    for (let n = toDayNumber('2027-01-01'); n <= toDayNumber('2028-12-31'); n++) {
      const d = fromDayNumber(n);
      const w = weekday(d);
      expect(cal.isWorkday(d)).toBe(w !== 0 && w !== 6);
    }
  });
});

describe('user overrides (日历 sheet)', () => {
  test('extra holiday, extra workday; a make-up day can be undone', () => {
    const c = createCalendar({ extraHolidays: ['2026-03-04', '2026-02-14'], extraWorkdays: ['2026-03-07'] });
    expect(c.isWorkday('2026-03-04')).toBe(false);
    expect(c.isWorkday('2026-02-14')).toBe(false);
    expect(c.isWorkday('2026-03-07')).toBe(true);
    expect(c.addDays('2026-03-03', 1, '自然日顺延')).toBe('2026-03-05');
    expect(c.addDays('2026-03-05', 2, '工作日')).toBe('2026-03-07');
  });

  test('a date listed both ways counts as a workday', () => {
    const c = createCalendar({ extraHolidays: ['2026-03-04'], extraWorkdays: ['2026-03-04'] });
    expect(c.isWorkday('2026-03-04')).toBe(true);
  });
});

describe('addDays: the 13710 nodes around holidays', () => {
  type Row = [string, CountingMode, number, string];
  const rows: Row[] = [
    // 交办 on the eve of 国庆 2025 (Tuesday 2025-09-30)
    ['2025-09-30', '自然日顺延', 1, '2025-10-09'],
    ['2025-09-30', '自然日顺延', 3, '2025-10-09'],
    ['2025-09-30', '自然日顺延', 7, '2025-10-09'],
    ['2025-09-30', '自然日顺延', 30, '2025-10-30'],
    ['2025-09-30', '工作日', 1, '2025-10-09'],
    ['2025-09-30', '工作日', 3, '2025-10-11'],
    ['2025-09-30', '工作日', 7, '2025-10-16'],
    ['2025-09-30', '工作日', 30, '2025-11-18'],
    ['2025-09-30', '自然日', 1, '2025-10-01'],
    ['2025-09-30', '自然日', 3, '2025-10-03'],
    ['2025-09-30', '自然日', 7, '2025-10-07'],
    ['2025-09-30', '自然日', 30, '2025-10-30'],
    // 交办 on the make-up Saturday 2025-10-11
    ['2025-10-11', '自然日顺延', 1, '2025-10-13'],
    ['2025-10-11', '自然日顺延', 3, '2025-10-14'],
    ['2025-10-11', '自然日顺延', 7, '2025-10-20'],
    ['2025-10-11', '自然日顺延', 30, '2025-11-10'],
    ['2025-10-11', '工作日', 1, '2025-10-13'],
    ['2025-10-11', '工作日', 3, '2025-10-15'],
    ['2025-10-11', '工作日', 7, '2025-10-21'],
    ['2025-10-11', '工作日', 30, '2025-11-21'],
    ['2025-10-11', '自然日', 1, '2025-10-12'],
    ['2025-10-11', '自然日', 7, '2025-10-18'],
    ['2025-10-11', '自然日', 30, '2025-11-10'],
    // 交办 on the make-up Sunday 2025-09-28
    ['2025-09-28', '自然日顺延', 1, '2025-09-29'],
    ['2025-09-28', '自然日顺延', 3, '2025-10-09'],
    ['2025-09-28', '工作日', 1, '2025-09-29'],
    ['2025-09-28', '工作日', 3, '2025-10-09'],
    // 交办 the Friday before 春节 2026 (2026-02-13): day 1 is the make-up Saturday
    ['2026-02-13', '自然日顺延', 1, '2026-02-14'],
    ['2026-02-13', '自然日顺延', 3, '2026-02-24'],
    ['2026-02-13', '自然日顺延', 7, '2026-02-24'],
    ['2026-02-13', '自然日顺延', 30, '2026-03-16'],
    ['2026-02-13', '工作日', 1, '2026-02-14'],
    ['2026-02-13', '工作日', 3, '2026-02-25'],
    ['2026-02-13', '工作日', 7, '2026-03-02'],
    ['2026-02-13', '工作日', 30, '2026-04-02'],
    ['2026-02-13', '自然日', 1, '2026-02-14'],
    ['2026-02-13', '自然日', 30, '2026-03-15'],
    // 交办 on the make-up Saturday 2026-02-14
    ['2026-02-14', '自然日顺延', 1, '2026-02-24'],
    ['2026-02-14', '自然日顺延', 3, '2026-02-24'],
    ['2026-02-14', '自然日顺延', 7, '2026-02-24'],
    ['2026-02-14', '自然日顺延', 30, '2026-03-16'],
    ['2026-02-14', '工作日', 1, '2026-02-24'],
    ['2026-02-14', '工作日', 3, '2026-02-26'],
    ['2026-02-14', '工作日', 7, '2026-03-03'],
    ['2026-02-14', '工作日', 30, '2026-04-03'],
    ['2026-02-14', '自然日', 1, '2026-02-15'],
    ['2026-02-14', '自然日', 3, '2026-02-17'],
    ['2026-02-14', '自然日', 7, '2026-02-21'],
    ['2026-02-14', '自然日', 30, '2026-03-16'],
    // 交办 during 春节 (a holiday): 工作日 counting begins with the next working day
    ['2026-02-18', '工作日', 1, '2026-02-24'],
    ['2026-02-18', '工作日', 7, '2026-03-03'],
    ['2026-02-18', '自然日顺延', 1, '2026-02-24'],
    ['2026-02-18', '自然日顺延', 7, '2026-02-25'],
    // 国庆 2026: make-up Sunday 09-20, 中秋 09-25..27, 国庆 10-01..07, make-up Saturday 10-10
    ['2026-09-19', '自然日顺延', 1, '2026-09-20'],
    ['2026-09-19', '工作日', 1, '2026-09-20'],
    ['2026-09-24', '自然日顺延', 1, '2026-09-28'],
    ['2026-09-24', '自然日顺延', 3, '2026-09-28'],
    ['2026-09-24', '自然日顺延', 7, '2026-10-08'],
    ['2026-09-24', '工作日', 1, '2026-09-28'],
    ['2026-09-24', '工作日', 3, '2026-09-30'],
    ['2026-09-24', '工作日', 7, '2026-10-12'],
    ['2026-09-30', '自然日顺延', 1, '2026-10-08'],
    ['2026-09-30', '自然日顺延', 3, '2026-10-08'],
    ['2026-09-30', '自然日顺延', 7, '2026-10-08'],
    ['2026-09-30', '自然日顺延', 30, '2026-10-30'],
    ['2026-09-30', '工作日', 1, '2026-10-08'],
    ['2026-09-30', '工作日', 3, '2026-10-10'],
    ['2026-09-30', '工作日', 7, '2026-10-15'],
    ['2026-09-30', '工作日', 30, '2026-11-17'],
    ['2026-09-30', '自然日', 1, '2026-10-01'],
    ['2026-09-30', '自然日', 7, '2026-10-07'],
    ['2026-09-30', '自然日', 30, '2026-10-30'],
    // 劳动节 2026
    ['2026-04-30', '自然日顺延', 1, '2026-05-06'],
    ['2026-04-30', '工作日', 3, '2026-05-08'],
    ['2026-04-30', '工作日', 4, '2026-05-09'],
    // n = 0 is the start itself in every mode when the start is a working day
    ['2026-03-02', '工作日', 0, '2026-03-02'],
    ['2026-03-02', '自然日顺延', 0, '2026-03-02'],
    ['2026-03-02', '自然日', 0, '2026-03-02'],
    // n ≤ 0 in 工作日 follows the workbook formula INDEX(A, MATCH(wdIndex(start)+n, C, 0))
    ['2026-02-15', '工作日', 0, '2026-02-14'],
    ['2026-03-01', '工作日', 0, '2026-02-28'],
    ['2026-03-02', '工作日', -1, '2026-02-28'],
    ['2026-03-01', '工作日', -1, '2026-02-27'],
  ];
  test.each(rows)('addDays(%s, %s, %d) = %s', (start, mode, n, expected) => {
    expect(cal.addDays(start, n, mode)).toBe(expected);
  });

  test('工作日 agrees with chinese-days findWorkday (its own code is only right in UTC+8)', () => {
    if (process.env.TZ !== 'Asia/Shanghai') return; // findWorkday reads the host zone; ours does not
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { findWorkday } = require('chinese-days') as { findWorkday: (n: number, d: string) => string };
    for (const [start, mode, n, expected] of rows) {
      if (mode === '工作日' && n >= 1) expect(findWorkday(n, start)).toBe(expected);
    }
  });
});

describe('nextWorkdayOnOrAfter, workdaysBetween, wdIndex, overdueDays', () => {
  test.each<[string, string]>([
    ['2025-10-01', '2025-10-09'],
    ['2025-10-09', '2025-10-09'],
    ['2025-10-11', '2025-10-11'],
    ['2025-10-12', '2025-10-13'],
    ['2026-02-15', '2026-02-24'],
    ['2026-09-19', '2026-09-20'],
  ])('nextWorkdayOnOrAfter(%s) = %s', (d, e) => {
    expect(cal.nextWorkdayOnOrAfter(d)).toBe(e);
  });

  test.each<[string, string, number]>([
    ['2025-09-30', '2025-10-09', 1],
    ['2025-09-30', '2025-10-11', 3],
    ['2025-09-27', '2025-09-30', 3],
    ['2026-02-13', '2026-02-28', 6],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-09', 5],
    ['2025-10-11', '2025-09-30', -3],
    ['2026-09-30', '2026-10-10', 3],
    ['2003-12-25', '2004-01-05', 6],
  ])('workdaysBetween(%s, %s) = %d', (a, b, e) => {
    expect(cal.workdaysBetween(a, b)).toBe(e);
  });

  test('wdIndex is the running count of 日历 column C: C(d) = C(d−1) + B(d)', () => {
    for (let n = toDayNumber('2025-09-01'); n <= toDayNumber('2026-12-31'); n++) {
      const d = fromDayNumber(n);
      expect(cal.wdIndex(d) - cal.wdIndex(fromDayNumber(n - 1))).toBe(cal.isWorkday(d) ? 1 : 0);
    }
  });

  test.each<[string, string, number, number]>([
    // due, d, 工作日, 自然日
    ['2025-09-30', '2025-09-30', 0, 0],
    ['2025-09-30', '2025-09-29', 0, 0],
    ['2025-09-30', '2025-10-08', 0, 8],
    ['2025-09-30', '2025-10-09', 1, 9],
    ['2025-09-30', '2025-10-11', 3, 11],
    ['2026-02-13', '2026-02-24', 2, 11],
    ['2026-03-09', '2026-03-16', 5, 7],
    ['2026-04-30', '2026-05-06', 1, 6],
  ])('overdueDays(%s, %s) = %d 工作日 / %d 自然日', (due, d, w, c) => {
    expect(cal.overdueDays(due, d, '工作日')).toBe(w);
    expect(cal.overdueDays(due, d, '自然日')).toBe(c);
  });
});

describe('properties', () => {
  const dayArb = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber);
  const nArb = fc.integer({ min: 1, max: 60 });

  test('due dates never fall on a non-working day in 工作日 and 自然日顺延', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 60 }), fc.constantFrom<CountingMode>('工作日', '自然日顺延'), (start, n, mode) => {
        const due = cal.addDays(start, n, mode);
        return cal.isWorkday(due);
      }),
    );
  });

  test('工作日 mode: workdaysBetween(start, addDays(start, n)) = n, and it is the n-th working day', () => {
    fc.assert(
      fc.property(dayArb, nArb, (start, n) => {
        const due = cal.addDays(start, n, '工作日');
        return cal.workdaysBetween(start, due) === n && due === oracleAddWorkdays(start, n);
      }),
    );
  });

  test('自然日顺延 is start + n, moved to the first working day on or after', () => {
    fc.assert(
      fc.property(dayArb, nArb, (start, n) => {
        const due = cal.addDays(start, n, '自然日顺延');
        const plain = addCalendarDays(start, n);
        if (due < plain || !oracleIsWorkday(due)) return false;
        for (let d = plain; d < due; d = addCalendarDays(d, 1)) if (oracleIsWorkday(d)) return false;
        return true;
      }),
    );
  });

  test('addDays is monotone in n (all modes)', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom<CountingMode>('工作日', '自然日顺延', '自然日'),
        (start, a, b, mode) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return cal.addDays(start, lo, mode) <= cal.addDays(start, hi, mode);
        },
      ),
    );
  });

  test('addDays in 工作日 is strictly increasing for n ≥ 1 and never before start + n calendar days in 自然日顺延', () => {
    fc.assert(
      fc.property(dayArb, nArb, (start, n) => {
        return cal.addDays(start, n, '工作日') < cal.addDays(start, n + 1, '工作日') && cal.addDays(start, n, '自然日顺延') >= addCalendarDays(start, n);
      }),
    );
  });

  test('overdueDays is 0 up to due and non-decreasing afterwards; 工作日 ≤ 自然日', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -10, max: 80 }), (due, k) => {
        const d = addCalendarDays(due, k);
        const next = addCalendarDays(d, 1);
        const w = cal.overdueDays(due, d, '工作日');
        const c = cal.overdueDays(due, d, '自然日');
        return (k > 0 || (w === 0 && c === 0)) && (k <= 0 || c === k) && w <= c && cal.overdueDays(due, next, '工作日') >= w;
      }),
    );
  });
});

describe('the working-day index (prefix sums) equals day-by-day counting', () => {
  // Reference: the definitions of docs/rules.md walked one day at a time, with no index at all.
  const ORIGIN = toDayNumber(`${DATA_FIRST_YEAR}-01-01`) - 1;
  function naive(o: { extraHolidays: string[]; extraWorkdays: string[] }) {
    const isW = (n: number) => {
      const d = fromDayNumber(n);
      if (o.extraWorkdays.includes(d)) return true;
      if (o.extraHolidays.includes(d)) return false;
      return oracleIsWorkday(d);
    };
    /** working days in (ORIGIN, n]; negative count of (n, ORIGIN] before the origin */
    const index = (n: number) => {
      let c = 0;
      if (n >= ORIGIN) for (let k = ORIGIN + 1; k <= n; k++) c += isW(k) ? 1 : 0;
      else for (let k = n + 1; k <= ORIGIN; k++) c -= isW(k) ? 1 : 0;
      return c;
    };
    const addWorkdays = (start: number, n: number) => {
      let k = start;
      if (n > 0) {
        for (let left = n; left > 0;) if (isW(++k)) left--;
        return k;
      }
      // the working day w ≤ start with −n working days in (w, start]
      for (let c = 0; ; k--) {
        if (isW(k) && c === -n) return k;
        if (isW(k)) c++;
      }
    };
    const next = (n: number) => {
      let k = n;
      while (!isW(k)) k++;
      return k;
    };
    return { isW, index, addWorkdays, next };
  }

  const day = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) });
  // mostly ledger years, sometimes around the origin (2003–2004) or past the table's horizon (2100)
  const dayArb = fc.oneof(
    { weight: 6, arbitrary: day('2020-01-01', '2028-12-31') },
    { weight: 1, arbitrary: day('2003-10-01', '2004-03-31') },
    { weight: 1, arbitrary: day('2100-11-01', '2101-03-31') },
  );
  const overridesArb = fc.record({
    extraHolidays: fc.array(day('2025-09-01', '2027-03-31').map(fromDayNumber), { maxLength: 8 }),
    extraWorkdays: fc.array(day('2025-09-01', '2027-03-31').map(fromDayNumber), { maxLength: 8 }),
  });

  test('isWorkday, wdIndex, workdaysBetween, nextWorkdayOnOrAfter and addDays on random ranges', () => {
    fc.assert(
      fc.property(overridesArb, dayArb, dayArb, fc.integer({ min: -40, max: 60 }), (o, a, b, n) => {
        const c = createCalendar(o);
        const ref = naive(o);
        const [da, db] = [fromDayNumber(a), fromDayNumber(b)];
        expect(c.isWorkday(da)).toBe(ref.isW(a));
        const between = ref.index(b) - ref.index(a);
        expect(c.wdIndex(da)).toBe(ref.index(a));
        expect(c.workdaysBetween(da, db)).toBe(between);
        expect(c.overdueDays(da, db, '工作日')).toBe(db <= da ? 0 : between);
        expect(c.nextWorkdayOnOrAfter(da)).toBe(fromDayNumber(ref.next(a)));
        expect(c.addDays(da, n, '工作日')).toBe(fromDayNumber(ref.addWorkdays(a, n)));
        expect(c.addDays(da, n, '自然日顺延')).toBe(fromDayNumber(ref.next(a + n)));
        expect(c.addDays(da, n, '自然日')).toBe(fromDayNumber(a + n));
      }),
      { numRuns: 60 },
    );
  });

  test('answers do not depend on the order of the questions (the table grows on demand)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(day('2003-10-01', '2028-12-31'), fc.integer({ min: -20, max: 40 })), { minLength: 1, maxLength: 6 }), (qs) => {
        const grown = createCalendar();
        for (const [a] of qs) grown.wdIndex(fromDayNumber(a)); // grow the table in random order first
        for (const [a, n] of qs) {
          const fresh = createCalendar(); // a table grown only by this question
          const d = fromDayNumber(a);
          expect(grown.addDays(d, n, '工作日')).toBe(fresh.addDays(d, n, '工作日'));
          expect(grown.nextWorkdayOnOrAfter(d)).toBe(fresh.nextWorkdayOnOrAfter(d));
          expect(grown.wdIndex(d)).toBe(fresh.wdIndex(d));
        }
      }),
      { numRuns: 30 },
    );
  });
});
