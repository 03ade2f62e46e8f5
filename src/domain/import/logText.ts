/**
 * 变更前 / 变更后 of the import's 操作日志 lines: a clerk reads them, and 撤销导入 reads them back.
 * So the text is Chinese and plain — `事项内容=“修缮食堂屋面”；承办科室=“工程管理科”；交办日期=2026-11-30`
 * — and exact: text in “…” (a ” inside doubled), dates as dates, counts as numbers, a blank as
 * （空）. Parsing gives back the very cell values that were formatted.
 */
import { isoToSerial, isValidIsoDate, serialToIso } from '../parseDate';
import { LEDGER_INPUT_COLUMNS } from '../validation';
import type { ImportCell } from './preview';

const BLANK = '（空）';
const DATE_HEADERS = new Set(LEDGER_INPUT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.header));
/** Serial 61 is 1900-03-01: from there on a whole serial and its date map one to one. */
const FIRST_EXACT_SERIAL = 61;

function formatValue(header: string, v: ImportCell): string {
  if (v === '') return BLANK;
  if (typeof v === 'string') return `“${v.replace(/”/g, '””')}”`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (DATE_HEADERS.has(header) && Number.isInteger(v) && v >= FIRST_EXACT_SERIAL) return serialToIso(v);
  return String(v);
}

/** Cells as one line of `列名=值` joined by ；, in the order given. */
export function formatCells(cells: Readonly<Record<string, ImportCell>>): string {
  return Object.entries(cells)
    .map(([h, v]) => `${h}=${formatValue(h, v)}`)
    .join('；');
}

function parseBare(s: string): ImportCell | undefined {
  if (s === BLANK) return '';
  if (s === 'TRUE' || s === 'FALSE') return s === 'TRUE';
  if (isValidIsoDate(s)) return isoToSerial(s);
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) return Number(s);
  return undefined;
}

/** formatCells read back; null when the text is not of that form (a line someone edited). */
export function parseCells(s: unknown): Record<string, ImportCell> | null {
  if (typeof s !== 'string') return null;
  const out: Record<string, ImportCell> = {};
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf('=', i);
    if (eq <= i) return null;
    const header = s.slice(i, eq);
    let j = eq + 1;
    if (s[j] === '“') {
      let value = '';
      j += 1;
      for (;;) {
        if (j >= s.length) return null;
        if (s[j] === '”') {
          if (s[j + 1] === '”') {
            value += '”';
            j += 2;
            continue;
          }
          j += 1;
          break;
        }
        value += s[j];
        j += 1;
      }
      out[header] = value;
    } else {
      const end = s.indexOf('；', j);
      const bare = parseBare(s.slice(j, end < 0 ? s.length : end));
      if (bare === undefined) return null;
      out[header] = bare;
      j = end < 0 ? s.length : end;
    }
    if (j < s.length && s[j] !== '；') return null;
    i = j + 1;
  }
  return out;
}
