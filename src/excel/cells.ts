/**
 * What goes into and comes out of a cell. Office.js hands back numbers for dates (serials),
 * strings for text and "" for blanks; the add-in writes the same. Text that Excel would take as
 * a formula (= + - @) is written behind an apostrophe, Excel's own "this is text" prefix, so
 * nothing a user typed can become a formula (formula injection).
 */
import { isoToSerial, serialToIso } from '../domain/parseDate';
import type { IsoDate } from '../domain/types';

export type CellValue = string | number | boolean;

/** English month names Excel parses as dates ("Mar 5", "march"). */
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * A text value safe to write through `values` or `formulas`: behind Excel's apostrophe prefix
 * whenever Excel would otherwise read it as a formula (= + - @), a number, a date, a percentage,
 * a boolean or an error — so "007", "2026-03-05" or "TRUE" typed into a text column stay exactly
 * what was typed when the add-in writes the row back.
 */
export function textCell(s: string | null | undefined): string {
  if (s == null || s === '') return '';
  const t0 = s.trimStart();
  if (/^[=+\-@'#]/.test(s) || /^[\d.,(（$¥€£%]/.test(t0) || /^[+-]/.test(t0) || /^(true|false)$/i.test(s.trim()) || MONTHS.test(t0) || t0 !== s) {
    return `'${s}`;
  }
  return s;
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
