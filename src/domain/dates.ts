/**
 * Plain local dates as `YYYY-MM-DD` strings. All arithmetic goes through a UTC day number
 * (days since 1970-01-01), so no host time zone can shift a date (docs/rules.md "Dates").
 */
import type { IsoDate } from './types';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a well-formed, existing calendar date such as 2026-02-28 (not 2026-02-30). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 (UTC day number). Throws on a malformed date: callers validate first. */
export function toDayNumber(d: IsoDate): number {
  const cached = DAY_NUMBERS.get(d);
  if (cached !== undefined) return cached;
  const m = ISO_RE.exec(d);
  if (!m) throw new RangeError(`not an ISO date: ${d}`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  remember(d, n);
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  const cached = ISO_BY_DAY.get(n);
  if (cached !== undefined) return cached;
  const t = new Date(n * MS_PER_DAY);
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  remember(iso, n);
  return iso;
}

// Date conversions dominate list and score building on large ledgers (10,000 items × several
// dates × several rules); the set of distinct dates is small, so both directions are memoised.
const DAY_NUMBERS = new Map<string, number>();
const ISO_BY_DAY = new Map<number, string>();
const MEMO_LIMIT = 200_000;
function remember(iso: string, n: number): void {
  if (DAY_NUMBERS.size > MEMO_LIMIT) {
    DAY_NUMBERS.clear();
    ISO_BY_DAY.clear();
  }
  DAY_NUMBERS.set(iso, n);
  ISO_BY_DAY.set(n, iso);
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return fromDayNumber(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function addCalendarDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** b − a in calendar days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(d: IsoDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

export function minDate(...ds: IsoDate[]): IsoDate {
  return ds.reduce((a, b) => (b < a ? b : a));
}

export function maxDate(...ds: IsoDate[]): IsoDate {
  return ds.reduce((a, b) => (b > a ? b : a));
}

export function monthStart(d: IsoDate): IsoDate {
  return `${d.slice(0, 7)}-01`;
}

/** Last day of d's month (Excel EOMONTH(d, 0)). */
export function monthEnd(d: IsoDate): IsoDate {
  const y = yearOf(d);
  const m = Number(d.slice(5, 7));
  return ymd(y, m + 1, 0);
}

/** Excel EDATE: same day `months` later, clamped to the end of a shorter month. */
export function edate(d: IsoDate, months: number): IsoDate {
  const y = yearOf(d);
  const m = Number(d.slice(5, 7)) - 1 + months;
  const day = Number(d.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return ymd(ty, tm + 1, Math.min(day, last));
}

/** `YYYY-MM` months from a to b inclusive. */
export function monthsBetween(a: IsoDate, b: IsoDate): string[] {
  const out: string[] = [];
  let cur = monthStart(a);
  while (cur <= b) {
    out.push(cur.slice(0, 7));
    cur = edate(cur, 1);
  }
  return out;
}
