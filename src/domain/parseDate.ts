/**
 * Turning what people type into a date cell into an IsoDate — or into a message that tells them
 * exactly what to type instead. Ambiguity is refused, never guessed: a ledger date that is
 * silently wrong moves a deadline and turns an item red (or hides that it is overdue).
 *
 * All arithmetic is on day numbers (days since 1970-01-01) with integer civil-calendar formulas,
 * so no host time zone can shift a date (run the tests with TZ=Asia/Shanghai and a US zone).
 */
import { domain } from '../i18n/domain';
import { displayValue, err, ok, type Result } from './result';
import type { IsoDate } from './types';

/** Largest Excel serial: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

/** Day number of 1899-12-30, Excel's effective epoch for serials ≥ 61 (1900-03-01). */
const EXCEL_EPOCH_DAY = -25569;
/** Serial of 1900-03-01, the first serial after Excel's fictitious 1900-02-29 (serial 60). */
const FIRST_SERIAL_AFTER_FAKE_LEAP = 61;

export interface ParseDateOptions {
  /** Year used in the "write it like …" examples of messages (the UI passes the current year). */
  exampleYear?: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of dayNumberFromCivil. */
export function civilFromDayNumber(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function formatIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** True for a well-formed, existing date `YYYY-MM-DD` (so not 2026-02-30). */
export function isValidIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Excel serial (1900 date system) of an IsoDate; NaN when `iso` is not a valid IsoDate.
 * Excel counts a 1900-02-29 that never existed (serial 60), so dates from 1900-03-01 on are one
 * more than a plain day count from 1899-12-31.
 */
export function isoToSerial(iso: IsoDate): number {
  if (!isValidIsoDate(iso)) return NaN;
  const day = dayNumberFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  const serial = day - EXCEL_EPOCH_DAY;
  return serial >= FIRST_SERIAL_AFTER_FAKE_LEAP ? serial : serial - 1;
}

/**
 * IsoDate of an Excel serial; a fractional serial (date-time) keeps its date. Meaningful for
 * 1..MAX_EXCEL_SERIAL; serial 60, Excel's fictitious 1900-02-29, maps to 1900-03-01 so that the
 * result is always a real date (parseDateInput refuses 60 outright).
 */
export function serialToIso(serial: number): IsoDate {
  const n = Math.floor(serial);
  const day = n >= FIRST_SERIAL_AFTER_FAKE_LEAP ? n + EXCEL_EPOCH_DAY : n + EXCEL_EPOCH_DAY + 1;
  const { y, m, d } = civilFromDayNumber(day);
  return formatIso(y, m, d);
}

/** Full-width digits and punctuation (Chinese IME) and stray dashes → ASCII; trim all spaces. */
function normalise(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF0D\u2010-\u2013\u2212]/g, '-')
    .replace(/\uFF0F/g, '/')
    .replace(/\uFF0E/g, '.')
    .replace(/\uFF1A/g, ':')
    .replace(/[\u200B\uFEFF]/g, '')
    .trim()
    .replace(/\s*([年月日号/.-])\s*/g, '$1');
}

/** Checks year/month/day and builds the IsoDate, or explains what is impossible about it. */
function fromParts(v: string, y: number, m: number, d: number): Result<IsoDate> {
  const t = domain.date;
  if (y < 1900) return err('date-out-of-range', t.impossible(v, t.yearTooEarly(y)));
  if (m < 1 || m > 12) return err('date-invalid', t.impossible(v, t.noSuchMonth(m)));
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) return err('date-invalid', t.impossible(v, t.noSuchDay(y, m, d, max)));
  return ok(formatIso(y, m, d));
}

const TIME = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?`;
const YMD_SEP = new RegExp(String.raw`^(\d+)([-/.])(\d+)\2(\d+)${TIME}$`);
const YMD_CN = /^(\d+)年(\d+)月(\d+)[日号]?$/;

function parseText(raw: string, exampleYear: number): Result<IsoDate | null> {
  const s = normalise(raw);
  if (s === '') return ok(null);
  const t = domain.date;
  const v = displayValue(raw.trim());
  const example = (m = 3, d = 5) => formatIso(exampleYear, m, d);
  const exampleFor = (m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(exampleYear, m) ? example(m, d) : example());

  let g = YMD_SEP.exec(s) ?? YMD_CN.exec(s);
  if (g) {
    const [a, b, c] = g[0].includes('年') ? [g[1], g[2], g[3]] : [g[1], g[3], g[4]];
    if (a.length === 4 && b.length <= 2 && c.length <= 2) {
      const [hh, mm, ss] = [g[5], g[6], g[7]];
      if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
        return err('date-invalid', t.impossible(v, t.noSuchTime));
      }
      return fromParts(v, Number(a), Number(b), Number(c));
    }
    // 3/5/2026 or 5.3.2026: month-first and day-first readings both exist; refuse to guess.
    if (c.length === 4 && a.length <= 2 && b.length <= 2) return err('date-day-first', t.dayFirst(v, example()));
    if (a.length <= 3 && b.length <= 2 && c.length <= 2) {
      return err('date-two-digit-year', t.twoDigitYear(v, exampleFor(Number(b), Number(c))));
    }
    return err('date-unrecognised', t.unrecognised(v, example()));
  }
  // Month and day without a year: 3.5, 3/5, 3-5, 3月5日.
  g = /^(\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (g) return err('date-yearless', t.yearless(v, exampleFor(Number(g[1]), Number(g[2]))));
  // A day or a month alone: 5日, 5号, 3月.
  if (/^\d{1,2}[日号]$/.test(s) || /^\d{1,2}月$/.test(s)) return err('date-yearless', t.yearless(v, example()));
  // A year and month without a day, or a year alone: 2026-03, 2026年3月, 2026年.
  if (/^\d{4}[-/.]\d{1,2}$/.test(s) || /^\d{4}年(\d{1,2}月)?$/.test(s)) {
    return err('date-missing-day', t.missingDay(v, example()));
  }
  // 20260305: unambiguous for a machine, but Excel stores it as the number 20,260,305.
  g = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (g) {
    const parts = fromParts(v, Number(g[1]), Number(g[2]), Number(g[3]));
    if (parts.ok) return err('date-compact', t.compact(v, parts.value));
  }
  return err('date-unrecognised', t.unrecognised(v, example()));
}

function parseNumber(n: number, exampleYear: number): Result<IsoDate | null> {
  const t = domain.date;
  const v = displayValue(n);
  const example = `${exampleYear}-03-05`;
  if (!Number.isFinite(n)) return err('date-unrecognised', t.notADate(v, example));
  // 3.5 typed into a General cell arrives as the number 3.5: that is "March 5th" without a year,
  // never the date-time 1900-01-03 12:00 its serial would mean.
  if (!Number.isInteger(n) && n >= 1 && n < 13) {
    const g = /^(\d{1,2})\.(\d{1,2})$/.exec(String(n));
    if (g && Number(g[2]) >= 1 && Number(g[2]) <= 31) return err('date-yearless', t.yearless(v, example));
  }
  if (Number.isInteger(n) && n >= 19000101 && n <= 99991231) {
    const s = String(n);
    const parts = fromParts(v, Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
    if (parts.ok) return err('date-compact', t.compact(v, parts.value));
  }
  const serial = Math.floor(n);
  if (serial < 1 || serial > MAX_EXCEL_SERIAL) return err('date-out-of-range', t.outOfRange(v));
  if (serial === 60) return err('date-fake-leap-day', t.fakeLeapDay(v));
  return ok(serialToIso(serial));
}

/**
 * Parse a date cell as read from Excel (Office.js values or exceljs cell values).
 * - empty, whitespace, null, undefined → ok(null) (an empty date cell is not an error here;
 *   whether the field is required is the caller's business);
 * - a JS Date (exceljs: the wall-clock date at UTC midnight) → its UTC calendar date;
 * - a number → an Excel serial (1900 system), fractional part (time of day) dropped;
 * - text: 2026-03-05, 2026-3-5, 2026/3/5, 2026.3.5, 2026年3月5日, full-width digits, with an
 *   optional time `2026-03-05 10:30`.
 * Everything else is refused with a zh-CN message that quotes the value and shows the fix.
 */
export function parseDateInput(raw: unknown, options: ParseDateOptions = {}): Result<IsoDate | null> {
  const exampleYear = Number.isInteger(options.exampleYear) && options.exampleYear! >= 1900 && options.exampleYear! <= 9999 ? options.exampleYear! : 2026;
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === 'string') return parseText(raw, exampleYear);
  if (typeof raw === 'number') return parseNumber(raw, exampleYear);
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (Number.isNaN(ms)) return err('date-unrecognised', domain.date.notADate('无效日期', `${exampleYear}-03-05`));
    const y = raw.getUTCFullYear();
    if (y < 1900 || y > 9999) return err('date-out-of-range', domain.date.outOfRange(displayValue(raw)));
    return ok(formatIso(y, raw.getUTCMonth() + 1, raw.getUTCDate()));
  }
  return err('date-unrecognised', domain.date.notADate(displayValue(raw), `${exampleYear}-03-05`));
}
