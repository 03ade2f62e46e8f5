/**
 * The working-day calendar: PRC public holidays and make-up workdays (调休) from `chinese-days`,
 * overridden by the user's own entries (the workbook's 日历 sheet), and the three counting modes of
 * docs/rules.md. A year the data does not cover counts weekends only and is reported by `covers()`.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, fromDayNumber, toDayNumber, weekday, yearOf } from './dates';
import type { CountingMode, IsoDate, OverdueCounting } from './types';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DATA = chineseDays as unknown as ChineseDaysData;
const DATA_HOLIDAYS = new Set(Object.keys(DATA.holidays));
const DATA_WORKDAYS = new Set(Object.keys(DATA.workdays));
const DATA_YEARS = [...DATA_HOLIDAYS].map(yearOf);
/** First and last year for which chinese-days has the State Council's schedule. */
export const DATA_FIRST_YEAR = Math.min(...DATA_YEARS);
export const DATA_LAST_YEAR = Math.max(...DATA_YEARS);

export interface CalendarOverrides {
  /** dates the user marks as holidays (not working) */
  extraHolidays?: readonly IsoDate[];
  /** dates the user marks as working days */
  extraWorkdays?: readonly IsoDate[];
  /** years the user has checked by hand (e.g. typed 2027's schedule into 日历): count as covered */
  extraCoveredYears?: readonly number[];
}

export interface WorkCalendar {
  isWorkday(d: IsoDate): boolean;
  /** whether d's year has an official holiday schedule (data or the user's) */
  covers(d: IsoDate): boolean;
  /** Running working-day index (日历 column C): working days up to and including d, from a fixed origin. */
  wdIndex(d: IsoDate): number;
  /** The first working day on or after d. */
  nextWorkdayOnOrAfter(d: IsoDate): IsoDate;
  /** start is day 0; see docs/rules.md "Counting modes". */
  addDays(start: IsoDate, n: number, mode: CountingMode): IsoDate;
  /** Days after `due` up to and including `d` (0 when d ≤ due). */
  overdueDays(due: IsoDate, d: IsoDate, counting: OverdueCounting): number;
  /** Working days in (a, b]; negative when b < a. */
  workdaysBetween(a: IsoDate, b: IsoDate): number;
}

/** Origin of the running index: the day before the first covered year; index 0 there. */
const ORIGIN = toDayNumber(`${DATA_FIRST_YEAR}-01-01`) - 1;

export function createCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  const extraHolidays = new Set(overrides.extraHolidays ?? []);
  const extraWorkdays = new Set(overrides.extraWorkdays ?? []);
  const coveredYears = new Set(overrides.extraCoveredYears ?? []);

  const isWorkdayN = (n: number): boolean => {
    const d = fromDayNumber(n);
    if (extraWorkdays.has(d)) return true;
    if (extraHolidays.has(d)) return false;
    if (DATA_WORKDAYS.has(d)) return true;
    if (DATA_HOLIDAYS.has(d)) return false;
    const w = weekday(d);
    return w !== 0 && w !== 6;
  };

  // Cumulative index cache, grown on demand: cum[i] = working days in (ORIGIN, ORIGIN + i].
  const cum: number[] = [0];
  const indexAt = (n: number): number => {
    const i = n - ORIGIN;
    if (i < 0) {
      // Before the origin: count backwards (rare: dates before 2004).
      let c = 0;
      for (let k = n + 1; k <= ORIGIN; k++) if (isWorkdayN(k)) c++;
      return -c;
    }
    while (cum.length <= i) {
      const k = cum.length;
      cum.push(cum[k - 1] + (isWorkdayN(ORIGIN + k) ? 1 : 0));
    }
    return cum[i];
  };

  const isWorkday = (d: IsoDate) => isWorkdayN(toDayNumber(d));

  const nextWorkdayOnOrAfter = (d: IsoDate): IsoDate => {
    let n = toDayNumber(d);
    while (!isWorkdayN(n)) n++;
    return fromDayNumber(n);
  };

  const workdaysBetween = (a: IsoDate, b: IsoDate) => indexAt(toDayNumber(b)) - indexAt(toDayNumber(a));

  return {
    isWorkday,
    covers: (d) => {
      const y = yearOf(d);
      return (y >= DATA_FIRST_YEAR && y <= DATA_LAST_YEAR) || coveredYears.has(y);
    },
    wdIndex: (d) => indexAt(toDayNumber(d)),
    nextWorkdayOnOrAfter,
    workdaysBetween,
    addDays(start, n, mode) {
      switch (mode) {
        case '自然日':
          return addCalendarDays(start, n);
        case '自然日顺延':
          return nextWorkdayOnOrAfter(addCalendarDays(start, n));
        case '工作日': {
          if (n <= 0) {
            // The workbook's INDEX(A, MATCH(wdIndex(start)+n, C, 0)): the working day whose running
            // index is wdIndex(start)+n — for n = 0 the start itself when it is a working day, else
            // the last working day before it.
            let k = toDayNumber(start);
            const target = indexAt(k) + n;
            while (!(isWorkdayN(k) && indexAt(k) === target)) k--;
            return fromDayNumber(k);
          }
          let k = toDayNumber(start);
          let left = n;
          while (left > 0) {
            k++;
            if (isWorkdayN(k)) left--;
          }
          return fromDayNumber(k);
        }
      }
    },
    overdueDays(due, d, counting) {
      if (d <= due) return 0;
      return counting === '工作日' ? workdaysBetween(due, d) : toDayNumber(d) - toDayNumber(due);
    },
  };
}
