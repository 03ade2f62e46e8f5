/**
 * Rows of the 日历 sheet: every date from 2021-01-01 to the end of the year after the last year
 * `chinese-days` covers, its working-day flag and a note (holiday name, 调休上班, 周末). Years the
 * data does not cover count weekends only, and every one of their rows says so, so the clerk knows
 * to type the State Council's schedule in column B.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { DATA_LAST_YEAR, createCalendar } from '../domain/calendar';
import { addCalendarDays, weekday, yearOf } from '../domain/dates';
import type { IsoDate } from '../domain/types';
import { workbook as t } from '../i18n/workbook';

export const CALENDAR_FIRST_YEAR = 2021;
/** One year past the data, weekends only, for deadlines that run into the next year. */
export const CALENDAR_LAST_YEAR = DATA_LAST_YEAR + 1;

interface Data {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const DATA = chineseDays as unknown as Data;

/** "Spring Festival,春节,4" → 春节 */
const holidayName = (entry: string) => entry.split(',')[1] ?? entry;

export interface CalendarRow {
  date: IsoDate;
  workday: 0 | 1;
  note: string;
}

export function calendarRows(first = CALENDAR_FIRST_YEAR, last = CALENDAR_LAST_YEAR): CalendarRow[] {
  const cal = createCalendar();
  const rows: CalendarRow[] = [];
  const end = `${last}-12-31`;
  for (let d = `${first}-01-01`; d <= end; d = addCalendarDays(d, 1)) {
    const y = yearOf(d);
    const w = weekday(d);
    const weekend = w === 0 || w === 6;
    let note = '';
    if (y > DATA_LAST_YEAR) note = weekend ? t.calendar.uncoveredWeekend(y) : t.calendar.uncoveredWeekday(y);
    else if (DATA.workdays[d]) note = t.calendar.makeup(holidayName(DATA.workdays[d]));
    else if (DATA.holidays[d]) note = holidayName(DATA.holidays[d]);
    else if (weekend) note = t.calendar.weekend;
    rows.push({ date: d, workday: cal.isWorkday(d) ? 1 : 0, note });
  }
  return rows;
}
