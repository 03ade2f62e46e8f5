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
/**
 * Last day the index table may grow to (ledger dates are checked to lie in 2000–2099): a stray
 * far date (9999-12-31) is answered by walking, without growing the table by millions of days.
 */
const HORIZON = toDayNumber('2100-12-31') - ORIGIN;

export function createCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  return new IndexedCalendar(overrides);
}

/**
 * A class, not a bundle of closures: every calendar shares the same method code, so the call sites
 * of a round (cal.addDays, cal.overdueDays …) stay monomorphic when a new calendar is made per read.
 */
class IndexedCalendar implements WorkCalendar {
  private readonly extraHolidays: ReadonlySet<IsoDate>;
  private readonly extraWorkdays: ReadonlySet<IsoDate>;
  private readonly coveredYears: ReadonlySet<number>;

  // Working-day index, grown on demand from ORIGIN (a round asks about thousands of items, so
  // every question must be O(1) once the table reaches the date):
  //   work[i] — whether ORIGIN + i is a working day (i ≥ 1; work[0] is unused);
  //   cum[i]  — working days in (ORIGIN, ORIGIN + i] (the prefix sum; cum[0] = 0);
  //   nth[j]  — the day number of the j-th working day after ORIGIN (nth[0] is unused).
  // addDays in 工作日 and nextWorkdayOnOrAfter become lookups in nth instead of day-by-day walks.
  private readonly work: boolean[] = [false];
  private readonly cum: number[] = [0];
  private readonly nth: number[] = [ORIGIN];

  constructor(overrides: CalendarOverrides) {
    // copies: a calendar's answers never change after it is made
    this.extraHolidays = new Set(overrides.extraHolidays ?? []);
    this.extraWorkdays = new Set(overrides.extraWorkdays ?? []);
    this.coveredYears = new Set(overrides.extraCoveredYears ?? []);
  }

  /** The rule itself (user overrides, then the data, then weekends), without the index. */
  private isWorkdayRaw(n: number): boolean {
    const d = fromDayNumber(n);
    if (this.extraWorkdays.has(d)) return true;
    if (this.extraHolidays.has(d)) return false;
    if (DATA_WORKDAYS.has(d)) return true;
    if (DATA_HOLIDAYS.has(d)) return false;
    const w = weekday(d);
    return w !== 0 && w !== 6;
  }

  /** Extend the table to index i (at most to the horizon). Kept out of the lookups' fast path. */
  private growTo(i: number): void {
    const end = Math.min(i, HORIZON);
    const { work, cum, nth } = this;
    while (cum.length <= end) {
      const k = cum.length;
      const w = this.isWorkdayRaw(ORIGIN + k);
      work.push(w);
      cum.push(cum[k - 1] + (w ? 1 : 0));
      if (w) nth.push(ORIGIN + k);
    }
  }

  /** The day number of the j-th working day after ORIGIN (j ≥ 1); null past the horizon. */
  private nthWorkday(j: number): number | null {
    while (this.nth.length <= j && this.cum.length <= HORIZON) this.growTo(this.cum.length);
    return j < this.nth.length ? this.nth[j] : null;
  }

  private isWorkdayN(n: number): boolean {
    const i = n - ORIGIN;
    // The table answers for the days it has reached; others (far dates asked once) are computed.
    return i >= 1 && i < this.work.length ? this.work[i] : this.isWorkdayRaw(n);
  }

  /** Running index at day number n: working days in (ORIGIN, n], negative before the origin. */
  private indexAt(n: number): number {
    const i = n - ORIGIN;
    if (i >= 0 && i < this.cum.length) return this.cum[i];
    if (i < 0) {
      // Before the origin: count backwards (rare: dates before 2004).
      let c = 0;
      for (let k = n + 1; k <= ORIGIN; k++) if (this.isWorkdayRaw(k)) c++;
      return -c;
    }
    this.growTo(i);
    if (i <= HORIZON) return this.cum[i];
    let c = this.cum[HORIZON];
    for (let k = ORIGIN + HORIZON + 1; k <= n; k++) if (this.isWorkdayRaw(k)) c++;
    return c;
  }

  isWorkday(d: IsoDate): boolean {
    return this.isWorkdayN(toDayNumber(d));
  }

  covers(d: IsoDate): boolean {
    const y = yearOf(d);
    return (y >= DATA_FIRST_YEAR && y <= DATA_LAST_YEAR) || this.coveredYears.has(y);
  }

  wdIndex(d: IsoDate): number {
    return this.indexAt(toDayNumber(d));
  }

  nextWorkdayOnOrAfter(d: IsoDate): IsoDate {
    let n = toDayNumber(d);
    // the first working day on or after n is the one after the index of n − 1
    const m = n - 1 >= ORIGIN && n - ORIGIN <= HORIZON ? this.nthWorkday(this.indexAt(n - 1) + 1) : null;
    if (m !== null) return fromDayNumber(m);
    while (!this.isWorkdayN(n)) n++;
    return fromDayNumber(n);
  }

  workdaysBetween(a: IsoDate, b: IsoDate): number {
    return this.indexAt(toDayNumber(b)) - this.indexAt(toDayNumber(a));
  }

  addDays(start: IsoDate, n: number, mode: CountingMode): IsoDate {
    switch (mode) {
      case '自然日':
        return addCalendarDays(start, n);
      case '自然日顺延':
        return this.nextWorkdayOnOrAfter(addCalendarDays(start, n));
      case '工作日': {
        // The workbook's INDEX(A, MATCH(wdIndex(start)+n, C, 0)): the working day whose running
        // index is wdIndex(start)+n — for n ≥ 1 the n-th working day after start; for n = 0 the
        // start itself when it is a working day, else the last working day before it.
        let k = toDayNumber(start);
        const target = this.indexAt(k) + n;
        const m = target >= 1 && k >= ORIGIN ? this.nthWorkday(target) : null;
        if (m !== null) return fromDayNumber(m);
        // Around the origin (dates before 2004) or past the horizon: walk.
        if (n <= 0) {
          while (!(this.isWorkdayN(k) && this.indexAt(k) === target)) k--;
          return fromDayNumber(k);
        }
        let left = n;
        while (left > 0) {
          k++;
          if (this.isWorkdayN(k)) left--;
        }
        return fromDayNumber(k);
      }
    }
  }

  overdueDays(due: IsoDate, d: IsoDate, counting: OverdueCounting): number {
    if (d <= due) return 0;
    return counting === '工作日' ? this.workdaysBetween(due, d) : toDayNumber(d) - toDayNumber(due);
  }
}
