/**
 * A1 addresses: parsing what `worksheet.getRange(address)` accepts and formatting what
 * `range.address` returns.
 *
 * Sheet-name quoting (`'My Sheet'!A1`) follows Excel's observed rule, which Microsoft has not
 * published. Sources: jmcnamara/XlsxWriter#1078 (rules worked out by creating files in Excel:
 * names made only of Unicode word characters or "." are NOT quoted — `École1` stays bare — and
 * names that look like cell references are quoted), SheetJS/sheetjs#2045/#2046 (Excel leaves
 * CJK names such as `汇总` unquoted in formulas), jmcnamara/XlsxWriter#247 (a name that starts with
 * a digit is quoted), EPPlus#214 / apache/poi#545 (names starting like an R1C1 reference are
 * quoted), OfficeDev/office-js#3643 (`range.address` on a sheet renamed "ev1" — a valid cell
 * reference — comes back as `'ev1'!A1`) and #512 (`'Two Names'!…`, `'Sheet''s …'!…`).
 * Consequently a sheet named 台账 gives `台账!A1:C3`, not `'台账'!A1:C3`; adapter code must parse
 * both forms anyway (see `splitSheetAddress`).
 */
import { err } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_LIKE = /^([A-Za-z]{1,3})(\d+)$/;

function looksLikeCell(name: string): boolean {
  const m = CELL_LIKE.exec(name);
  if (!m) return false;
  const col = columnIndex(m[1]);
  const row = Number(m[2]);
  return col < MAX_COLS && row >= 1 && row <= MAX_ROWS;
}

/** R, C, RC, R1, C1, R1C1, R1C, RC1 … at the start of the name. */
function startsLikeR1C1(name: string): boolean {
  return /^(r|c|rc)$/i.test(name) || /^(r\d+c?\d*|rc\d+|c\d+)/i.test(name);
}

export function sheetNeedsQuotes(name: string): boolean {
  if (name.length === 0) return true;
  if (!/^[\p{L}\p{M}\p{N}\p{Pc}.]+$/u.test(name)) return true;
  if (/^\p{Nd}/u.test(name)) return true;
  if (looksLikeCell(name)) return true;
  if (startsLikeR1C1(name)) return true;
  return false;
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

/** The part after "!": `A1`, `A1:C3`, `A:C`, `2:5` (whole sheet: `1:1048576`, as Excel writes it). */
export function formatRect(r: Rect): string {
  if (isEntireRows(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (isEntireColumns(r)) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  const a = `${columnLetters(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${columnLetters(r.c1)}${r.r1 + 1}`;
}

export function formatAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(r)}`;
}

/** Splits `'It''s'!A1:B2` into `{ sheet: "It's", local: "A1:B2" }`; no "!" gives `sheet: undefined`. */
export function splitSheetAddress(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i += 1;
    }
    if (s[i] === "'" && s[i + 1] === '!') return { sheet: name, local: s.slice(i + 2) };
    return { local: s };
  }
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
  return { local: s };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { col?: number; row?: number } | undefined {
  const m = PART.exec(part.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  const out: { col?: number; row?: number } = {};
  if (m[1]) out.col = columnIndex(m[1]);
  if (m[2]) out.row = Number(m[2]) - 1;
  return out;
}

/**
 * Parses a local A1 address (no sheet): `A1`, `$A$1`, `A1:C10`, `C10:A1`, `A:A`, `A:C`, `2:2`, `2:5`.
 * Throws InvalidArgument for anything else (named ranges are not modelled).
 */
export function parseRect(local: string, location = 'Worksheet.getRange'): Rect {
  const pieces = local.split(':');
  if (pieces.length < 1 || pieces.length > 2) throw err.invalidArgument(location);
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) throw err.invalidArgument(location);
  let rect: Rect;
  const aCell = a.col !== undefined && a.row !== undefined;
  const bCell = b.col !== undefined && b.row !== undefined;
  if (aCell && bCell) {
    rect = { r0: a.row!, c0: a.col!, r1: b.row!, c1: b.col! };
  } else if (pieces.length === 2 && a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined) {
    rect = { r0: 0, c0: a.col, r1: MAX_ROWS - 1, c1: b.col };
  } else if (pieces.length === 2 && a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined) {
    rect = { r0: a.row, c0: 0, r1: b.row, c1: MAX_COLS - 1 };
  } else {
    throw err.invalidArgument(location);
  }
  const norm: Rect = {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (norm.r0 < 0 || norm.c0 < 0 || norm.r1 >= MAX_ROWS || norm.c1 >= MAX_COLS) throw err.invalidArgument(location);
  return norm;
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  if (r0 > r1 || c0 > c1) return undefined;
  return { r0, r1, c0, c1 };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}
