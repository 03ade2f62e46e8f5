/** Plain-date arithmetic (src/domain/dates.ts). Expected values worked out by hand. */
import {
  addCalendarDays,
  diffDays,
  edate,
  fromDayNumber,
  isIsoDate,
  maxDate,
  minDate,
  monthEnd,
  monthStart,
  monthsBetween,
  toDayNumber,
  weekday,
  yearOf,
  ymd,
} from './dates';

describe('isIsoDate', () => {
  test.each<[unknown, boolean]>([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['2026-01-05 ', false],
    ['20260105', false],
    ['', false],
    [null, false],
    [45000, false],
    [new Date(Date.UTC(2026, 0, 5)), false],
  ])('%p → %p', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('day numbers', () => {
  test.each<[string, number]>([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2020-01-01', 18262],
    ['2025-01-01', 20089],
    ['2026-01-01', 20454],
    ['2026-03-02', 20514],
  ])('%s ↔ %d', (d, n) => {
    expect(toDayNumber(d)).toBe(n);
    expect(fromDayNumber(n)).toBe(d);
  });

  test('malformed date throws', () => {
    expect(() => toDayNumber('2026/03/02')).toThrow(RangeError);
  });

  test('ymd normalises overflowing parts like Excel DATE', () => {
    expect(ymd(2026, 3, 0)).toBe('2026-02-28');
    expect(ymd(2026, 13, 1)).toBe('2027-01-01');
    expect(ymd(2024, 2, 30)).toBe('2024-03-01');
  });
});

describe('calendar arithmetic', () => {
  test.each<[string, number, string]>([
    ['2026-02-27', 2, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-08', 1, '2026-03-09'], // US DST change day: no shift
  ])('addCalendarDays(%s, %d) = %s', (d, n, e) => {
    expect(addCalendarDays(d, n)).toBe(e);
  });

  test.each<[string, string, number]>([
    ['2026-03-02', '2026-03-09', 7],
    ['2026-03-09', '2026-03-02', -7],
    ['2025-09-30', '2025-10-30', 30],
    ['2024-01-01', '2025-01-01', 366],
  ])('diffDays(%s, %s) = %d', (a, b, e) => {
    expect(diffDays(a, b)).toBe(e);
  });

  test.each<[string, number]>([
    ['1970-01-01', 4],
    ['2025-09-28', 0],
    ['2025-09-30', 2],
    ['2025-10-11', 6],
    ['2026-02-14', 6],
    ['2026-03-02', 1],
    ['2026-09-20', 0],
    ['2024-02-29', 4],
    ['1969-12-28', 0],
  ])('weekday(%s) = %d', (d, w) => {
    expect(weekday(d)).toBe(w);
  });

  test('yearOf, minDate, maxDate', () => {
    expect(yearOf('2026-10-10')).toBe(2026);
    expect(minDate('2026-03-05', '2026-03-03', '2026-03-09')).toBe('2026-03-03');
    expect(maxDate('2026-03-05', '2026-03-03', '2026-03-09')).toBe('2026-03-09');
    expect(minDate('2026-03-05')).toBe('2026-03-05');
  });
});

describe('months', () => {
  test.each<[string, string, string]>([
    ['2026-02-10', '2026-02-01', '2026-02-28'],
    ['2024-02-01', '2024-02-01', '2024-02-29'],
    ['2026-12-05', '2026-12-01', '2026-12-31'],
    ['2026-04-30', '2026-04-01', '2026-04-30'],
  ])('month of %s is %s … %s', (d, s, e) => {
    expect(monthStart(d)).toBe(s);
    expect(monthEnd(d)).toBe(e);
  });

  test.each<[string, number, string]>([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-31', 12, '2027-03-31'],
    ['2026-03-08', 0, '2026-03-08'],
    ['2026-05-31', 1, '2026-06-30'],
  ])('edate(%s, %d) = %s (Excel EDATE)', (d, m, e) => {
    expect(edate(d, m)).toBe(e);
  });

  test.each<[string, string, string[]]>([
    ['2025-11-15', '2026-02-01', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-03-10', '2026-03-31', ['2026-03']],
    ['2026-03-10', '2026-02-01', []],
  ])('monthsBetween(%s, %s)', (a, b, e) => {
    expect(monthsBetween(a, b)).toEqual(e);
  });
});
