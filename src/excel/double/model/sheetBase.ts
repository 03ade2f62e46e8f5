/**
 * A sheet's state and the ground floor of its behaviour: sparse cells, the cell → row → column →
 * sheet format layers, reading values/text/formats over ranges (also million-row ones, through
 * `representatives`), the used range, and the protection checks. The layers above:
 * sheetContent.ts (writes, clears, table rules after a write) → sheetRows.ts (inserting, deleting,
 * shifting and sorting rows) → sheet.ts (`DoubleSheet`: direct access for tests and the preview).
 */
import { Rect, isEntireColumns, isEntireRows, rectRows } from '../address';
import { err } from '../errors';
import { CellValue, formatValue } from '../values';
import { defaultPageLayout, type PageLayoutModel } from './pageLayout';
import {
  Cell,
  ChartModel,
  ConditionalFormatModel,
  DEFAULT_PROTECTION_OPTIONS,
  FMT_DEFAULTS,
  Fmt,
  FmtKey,
  ProtectionModel,
  cloneJson,
  emptyContent,
  hasFmt,
} from './types';
import type { DoubleSheet } from './sheet';
import type { DoubleWorkbook } from './workbook';

let idCounter = 0;
function newGuid(): string {
  idCounter += 1;
  const hex = idCounter.toString(16).toUpperCase().padStart(12, '0');
  return `{00000000-0001-0000-0000-${hex}}`;
}

export abstract class SheetBase {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  /** row → column → cell. */
  cells = new Map<number, Map<number, Cell>>();
  rowFmt = new Map<number, Fmt>();
  colFmt = new Map<number, Fmt>();
  sheetFmt: Fmt = {};
  colWidth = new Map<number, number>();
  rowHeight = new Map<number, number>();
  protection: ProtectionModel = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
  freezeRows = 0;
  freezeColumns = 0;
  /** In priority order: index 0 is priority 0 (evaluated first). */
  /** Merged areas (range.merge); not moved by row inserts/deletes (not modelled). */
  merges: Rect[] = [];
  /** 0-based indexes of hidden columns (range.columnHidden). */
  hiddenCols = new Set<number>();
  /** Charts, in creation order (worksheet.charts). */
  charts: ChartModel[] = [];
  /** Page setup and showGridlines (worksheet.pageLayout, ExcelApi 1.9). */
  pageLayout: PageLayoutModel = defaultPageLayout();
  cfs: ConditionalFormatModel[] = [];

  constructor(
    readonly wb: DoubleWorkbook,
    name: string,
  ) {
    this.id = newGuid();
    this.name = name;
  }

  /** This sheet as tables, tracked ranges and change records refer to it (only DoubleSheet is ever instantiated). */
  protected get self(): DoubleSheet {
    return this as unknown as DoubleSheet;
  }

  // ------------------------------------------------------------ low-level cell access

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(r)?.get(c);
  }

  ensureCell(r: number, c: number): Cell {
    let row = this.cells.get(r);
    if (!row) {
      row = new Map();
      this.cells.set(r, row);
    }
    let cell = row.get(c);
    if (!cell) {
      cell = { v: '' };
      row.set(c, cell);
    }
    return cell;
  }

  /** Drops the cell if it holds nothing (no content, no format). */
  tidy(r: number, c: number): void {
    const row = this.cells.get(r);
    const cell = row?.get(c);
    if (row && cell && emptyContent(cell) && !hasFmt(cell)) {
      row.delete(c);
      if (row.size === 0) this.cells.delete(r);
    }
  }

  fmtAt<K extends FmtKey>(r: number, c: number, key: K): Exclude<Fmt[K], undefined> | null {
    const fromCell = this.cell(r, c)?.[key];
    if (fromCell !== undefined) return fromCell as Exclude<Fmt[K], undefined>;
    const fromRow = this.rowFmt.get(r)?.[key];
    if (fromRow !== undefined) return fromRow as Exclude<Fmt[K], undefined>;
    const fromCol = this.colFmt.get(c)?.[key];
    if (fromCol !== undefined) return fromCol as Exclude<Fmt[K], undefined>;
    const fromSheet = this.sheetFmt[key];
    if (fromSheet !== undefined) return fromSheet as Exclude<Fmt[K], undefined>;
    return FMT_DEFAULTS[key] as Exclude<Fmt[K], undefined> | null;
  }

  /** Cells present in the map within the rectangle. */
  *presentCells(rect: Rect): Generator<[number, number, Cell]> {
    const rows = this.cells.size <= rectRows(rect) ? [...this.cells.keys()] : undefined;
    const rowKeys = rows ?? range(rect.r0, rect.r1);
    for (const r of rowKeys) {
      if (r < rect.r0 || r > rect.r1) continue;
      const row = this.cells.get(r);
      if (!row) continue;
      for (const [c, cell] of row) if (c >= rect.c0 && c <= rect.c1) yield [r, c, cell];
    }
  }

  /**
   * Rows and columns that stand for every cell of the rectangle: those with cells or row/column
   * formats, plus one "plain" row and column if any exist. Any property that depends only on the
   * cell/row/column/sheet format layers takes the same value on every plain cell, so evaluating the
   * cross product of these is enough to know a whole (possibly 1,048,576-row) range.
   */
  representatives(rect: Rect): { rows: number[]; cols: number[] } {
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (const [r, c] of this.presentCells(rect)) {
      rows.add(r);
      cols.add(c);
    }
    for (const r of this.rowFmt.keys()) if (r >= rect.r0 && r <= rect.r1) rows.add(r);
    for (const c of this.colFmt.keys()) if (c >= rect.c0 && c <= rect.c1) cols.add(c);
    const plain = (lo: number, hi: number, taken: Set<number>): number | undefined => {
      if (taken.size >= hi - lo + 1) return undefined;
      for (let i = lo; i <= hi; i += 1) if (!taken.has(i)) return i;
      return undefined;
    };
    const pr = plain(rect.r0, rect.r1, rows);
    const pc = plain(rect.c0, rect.c1, cols);
    if (pr !== undefined) rows.add(pr);
    if (pc !== undefined) cols.add(pc);
    return { rows: [...rows], cols: [...cols] };
  }

  /** The value of a format property over a range: uniform value, or null when mixed. */
  uniformFmt<K extends FmtKey>(rect: Rect, key: K): Exclude<Fmt[K], undefined> | null {
    const { rows, cols } = this.representatives(rect);
    let first: unknown;
    let seen = false;
    for (const r of rows) {
      for (const c of cols) {
        const v = this.fmtAt(r, c, key);
        const k = JSON.stringify(v);
        if (!seen) {
          first = k;
          seen = true;
        } else if (k !== first) {
          return null;
        }
      }
    }
    return seen ? (JSON.parse(first as string) as Exclude<Fmt[K], undefined>) : null;
  }

  anyFmt<K extends FmtKey>(rect: Rect, key: K, pred: (v: Exclude<Fmt[K], undefined> | null) => boolean): boolean {
    const { rows, cols } = this.representatives(rect);
    for (const r of rows) for (const c of cols) if (pred(this.fmtAt(r, c, key))) return true;
    return false;
  }

  /** Sets a format property on a range, using row/column/sheet layers for whole rows/columns. */
  setFmt<K extends FmtKey>(rect: Rect, key: K, value: Fmt[K]): void {
    const rows = isEntireRows(rect);
    const cols = isEntireColumns(rect);
    if (rows && cols) {
      this.sheetFmt[key] = cloneJson(value);
      for (const f of this.rowFmt.values()) delete f[key];
      for (const f of this.colFmt.values()) delete f[key];
      for (const [r, row] of [...this.cells])
        for (const [c, cell] of [...row]) {
          delete cell[key];
          this.tidy(r, c);
        }
      return;
    }
    if (cols) {
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const f = this.colFmt.get(c) ?? {};
        f[key] = cloneJson(value);
        this.colFmt.set(c, f);
      }
      for (const [r, c, cell] of [...this.presentCells(rect)]) {
        delete cell[key];
        this.tidy(r, c);
      }
      // Row formats would otherwise win over the new column format: set the intersections.
      for (const [r, f] of this.rowFmt) {
        if (f[key] === undefined) continue;
        for (let c = rect.c0; c <= rect.c1; c += 1) (this.ensureCell(r, c) as Fmt)[key] = cloneJson(value);
      }
      return;
    }
    if (rows) {
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        const f = this.rowFmt.get(r) ?? {};
        f[key] = cloneJson(value);
        this.rowFmt.set(r, f);
      }
      for (const [r, c, cell] of [...this.presentCells(rect)]) {
        delete cell[key];
        this.tidy(r, c);
      }
      return;
    }
    if (value === undefined) {
      // Removing a cell-level value: only cells that exist can hold one (clear('Formats') on a big range).
      for (const [r, c, cell] of [...this.presentCells(rect)]) {
        delete cell[key];
        this.tidy(r, c);
      }
      return;
    }
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const cell = this.ensureCell(r, c);
        (cell as Fmt)[key] = cloneJson(value);
        if (value === undefined) {
          delete cell[key];
          this.tidy(r, c);
        }
      }
    }
  }

  // ------------------------------------------------------------ reading ranges

  valueAt(r: number, c: number): CellValue {
    return this.cell(r, c)?.v ?? '';
  }

  formulaAt(r: number, c: number): CellValue {
    const cell = this.cell(r, c);
    if (!cell) return '';
    return cell.f ?? cell.v;
  }

  textAt(r: number, c: number): string {
    const cell = this.cell(r, c);
    if (!cell) return '';
    return formatValue(cell.v, this.fmtAt(r, c, 'numberFormat') ?? 'General');
  }

  valueTypeAt(r: number, c: number): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
    const cell = this.cell(r, c);
    if (!cell || (cell.v === '' && !cell.q)) return 'Empty';
    if (typeof cell.v === 'number') return 'Double';
    if (typeof cell.v === 'boolean') return 'Boolean';
    if (cell.f !== undefined && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/.test(cell.v)) return 'Error';
    return 'String';
  }

  grid<T>(rect: Rect, at: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      const row: T[] = new Array(rect.c1 - rect.c0 + 1);
      for (let c = rect.c0; c <= rect.c1; c += 1) row[c - rect.c0] = at(r, c);
      out.push(row);
    }
    return out;
  }

  rowHasContent(r: number, c0: number, c1: number): boolean {
    const row = this.cells.get(r);
    if (!row) return false;
    for (const [c, cell] of row) if (c >= c0 && c <= c1 && !emptyContent(cell)) return true;
    return false;
  }

  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        if (valuesOnly ? emptyContent(cell) : emptyContent(cell) && !hasFmt(cell)) continue;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    return r1 < 0 ? undefined : { r0, r1, c0, c1 };
  }

  // ------------------------------------------------------------ protection

  /** AccessDenied unless every cell of the rectangle may be edited. */
  assertEditable(rect: Rect, location: string): void {
    if (!this.protection.protected) return;
    if (this.anyFmt(rect, 'locked', (v) => v !== false)) throw err.accessDenied(location);
  }

  assertAllowed(option: string, location: string): void {
    if (this.protection.protected && this.protection.options[option] !== true) throw err.accessDenied(location);
  }

  assertUnprotected(location: string): void {
    if (this.protection.protected) throw err.accessDenied(location);
  }
}

function* range(lo: number, hi: number): Generator<number> {
  for (let i = lo; i <= hi; i += 1) yield i;
}
