/**
 * A worksheet picked as a file → the same records the clipboard parser yields for the block a
 * user would have copied from it: each cell as the text Excel shows for a plain cell (a date cell
 * as its date, a number as typed, a formula as its result), the title lines above the header line
 * left out, and the records turned back into clipboard text so that the preview path is the one a
 * pasted block takes (splitClipboard(toClipboardText(r)) gives r back).
 */
import { IMPORT_TARGETS } from './block';
import { mapHeaders } from './headers';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell value as a spreadsheet reader gives it → its text: strings as they are, numbers as
 * typed (a date Excel kept as a serial stays a serial, which the import reads as one), a Date as
 * its calendar day (readers give the day at UTC midnight), rich text joined, a formula or a link
 * as what it shows, an error or nothing as ''.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    if ('error' in o) return '';
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

/** How many ledger columns a line's cells name (the header line names at least two). */
const namedColumns = (cells: readonly string[]) => mapHeaders(cells, IMPORT_TARGETS).positions.size;

/**
 * A sheet's rows (cell values as read) → records: trailing blank cells and lines dropped, and the
 * lines above the header line (a title, a date line) left out — the header line is the first that
 * names two ledger columns; without one, every line is kept (the preview then says what is wrong).
 */
export function sheetRecords(rows: readonly (readonly unknown[])[]): string[][] {
  return sheetBlock(rows).records;
}

/** sheetRecords, and the sheet row (1-based) of the first record: messages count rows as the sheet does. */
export function sheetBlock(rows: readonly (readonly unknown[])[]): { records: string[][]; firstRow: number } {
  const records = rows.map((r) => {
    const cells = Array.from(r, cellText);
    let n = cells.length;
    while (n > 0 && cells[n - 1].trim() === '') n -= 1;
    return cells.slice(0, n);
  });
  let end = records.length;
  while (end > 0 && records[end - 1].length === 0) end -= 1;
  const kept = records.slice(0, end);
  const header = kept.findIndex((r) => namedColumns(r) >= 2);
  return header > 0 ? { records: kept.slice(header), firstRow: header + 1 } : { records: kept, firstRow: 1 };
}

/** One cell as Excel puts it on the clipboard: quoted when it holds a tab, a line break or a quote. */
const clipboardCell = (s: string) => (/[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Records → clipboard text (tabs, CRLF), the form a pasted block has. */
export function toClipboardText(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(clipboardCell).join('\t')).join('\r\n') + (records.length > 0 ? '\r\n' : '');
}
