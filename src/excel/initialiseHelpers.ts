/**
 * Pure helpers of 初始化台账 (src/excel/initialise.ts): A1 addresses and boxes, colours and widths
 * as Office.js takes them, formula comparison, and where a schema sheet's pieces sit. No Office
 * calls.
 */
import { columnLetter, formulaForRow, type ConditionalFormatSpec, type SheetSpec, type TableSpec } from '../workbook/schema';

export { formulaForRow };

/** 'FF1F4E79' (ARGB, as the schema writes colours) → '#1F4E79'. */
export function argbToHex(argb: string): string {
  const h = argb.replace(/^#/, '');
  return `#${(h.length === 8 ? h.slice(2) : h).toUpperCase()}`;
}

/** Column width in characters (xlsx `width`, as exceljs writes it) → points (Office.js `columnWidth`). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** 'AB' → 28 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface Box {
  /** 1-based */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 'A2:BB2001' or 'B3' → 1-based box. */
export function parseBox(a1: string): Box {
  const [a, b] = a1.replace(/\$/g, '').split(':');
  const one = (s: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad address ${s}`);
    return { c: columnNumber(m[1]), r: Number(m[2]) };
  };
  const p = one(a);
  const q = b ? one(b) : p;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

export const boxAddress = (b: Box) =>
  b.r0 === b.r1 && b.c0 === b.c1 ? `${columnLetter(b.c0)}${b.r0}` : `${columnLetter(b.c0)}${b.r0}:${columnLetter(b.c1)}${b.r1}`;

/** Whether a formula differs from row to row (`{r}`, `{prev}`, `{next}`: see formulaForRow). */
export const rowDependent = (formula: string) => /\{(r|prev|next)\}/.test(formula);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A formula in a form two spellings of the same formula share: no leading '=', no whitespace or
 * case differences outside string literals, structured references shortened the way Excel shows
 * them inside their own table (`台账[[#This Row],[列]]`, `[@[列]]` → `[@列]`; `台账[列]` → `[列]`).
 * Used to decide whether a formula column was overwritten; both forms are accepted by Excel.
 */
export function canonicalFormula(formula: unknown, ownTable?: string): string {
  let s = String(formula ?? '').trim();
  if (s.startsWith('=')) s = s.slice(1);
  const parts = s.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let c = part.replace(/\s+/g, '').toUpperCase();
      c = c.replace(/\[\[#THISROW\],\[([^\]]+)\]\]/g, '[@$1]');
      c = c.replace(/\[@\[([^\]]+)\]\]/g, '[@$1]');
      if (ownTable) {
        const own = escapeRe(ownTable.toUpperCase());
        c = c.replace(new RegExp(`(^|[^\\p{L}\\p{N}_.])${own}(?=\\[)`, 'gu'), '$1');
      }
      return c;
    })
    .join('');
}

export const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** The actual name of a table column the schema calls `header` (spaces and case aside), if any. */
export function findColumn(columns: readonly string[], header: string): string | undefined {
  return columns.find((c) => c.trim() === header) ?? columns.find((c) => c.trim().toLowerCase() === header.toLowerCase());
}

/** A conditional-format spec anchored to a table's body (its first row is the first body row). */
export function anchoredTable(sheet: SheetSpec, cf: ConditionalFormatSpec): { table: TableSpec; from: string; to: string } | null {
  const b = parseBox(cf.range);
  for (const table of sheet.tables) {
    const last = table.firstCol + table.columns.length - 1;
    if (b.r0 === table.headerRow + 1 && b.c0 >= table.firstCol && b.c1 <= last) {
      return { table, from: table.columns[b.c0 - table.firstCol].header, to: table.columns[b.c1 - table.firstCol].header };
    }
  }
  return null;
}

/** The spec range of a table-anchored conditional format, over `bodyRows` rows of the table at its spec place. */
export function specTableCF(table: TableSpec, from: string, to: string, bodyRows: number): string {
  const c0 = table.firstCol + table.columns.findIndex((c) => c.header === from);
  const c1 = table.firstCol + table.columns.findIndex((c) => c.header === to);
  return boxAddress({ r0: table.headerRow + 1, r1: table.headerRow + bodyRows, c0, c1 });
}
