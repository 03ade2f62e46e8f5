/**
 * What goes into and comes out of a cell. Office.js hands back numbers for dates (serials),
 * strings for text and "" for blanks; the add-in writes the same. Text that Excel would take as
 * a formula (= + - @) is written behind an apostrophe, Excel's own "this is text" prefix, so
 * nothing a user typed can become a formula (formula injection).
 */
import { isoToSerial, serialToIso } from '../domain/parseDate';
import type { IsoDate } from '../domain/types';

export type CellValue = string | number | boolean;

const FORMULA_LIKE = /^[=+\-@]/;

/** A text value safe to write through `values` or `formulas`. */
export function textCell(s: string | null | undefined): string {
  if (s == null || s === '') return '';
  return FORMULA_LIKE.test(s) ? `'${s}` : s;
}

export function dateCell(d: IsoDate | null | undefined): number | '' {
  return d ? isoToSerial(d) : '';
}

export function numberCell(n: number | null | undefined): number | '' {
  return n == null || Number.isNaN(n) ? '' : n;
}

/** A serial (or blank) read from a date column, as an IsoDate; non-dates are returned as null. */
export function cellDate(v: unknown): IsoDate | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? serialToIso(Math.floor(v)) : null;
}

export function cellText(v: unknown): string {
  if (v == null) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Excel's serial for a local date-time (操作日志 时间): whole days plus the fraction of the day. */
export function dateTimeCell(d: IsoDate, hours: number, minutes: number, seconds: number): number {
  return isoToSerial(d) + (hours * 3600 + minutes * 60 + seconds) / 86400;
}
