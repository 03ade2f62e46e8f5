/**
 * The in-memory workbook behind the Excel double: sheets of sparse cells, formats, tables,
 * conditional formats, protection, and the structural operations (insert/delete/shift rows,
 * table auto-expansion, sort) with Excel's reference-adjustment rules.
 *
 * Nothing here knows about proxies or syncs; `api.ts` calls into it when a queued operation
 * executes, and tests/preview use the public methods (`workbook.sheet(name).getValues(...)`).
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  contains,
  formatAddress,
  formatRect,
  intersect,
  isEntireColumns,
  isEntireRows,
  parseRect,
  rectCols,
  rectRows,
  splitSheetAddress,
} from './address';
import { DoubleExcelError, MESSAGES, err } from './errors';
import { CellValue, ParseOptions, Parsed, formatValue, formulaShapeKey, normalizeColor, parseInput, translateFormula } from './values';

// ---------------------------------------------------------------- cells and formats

/** Rows at each end of a table body that decide whether a column is calculated. */
const CALC_SAMPLE = 32;

function rowSpan(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
}

export interface ValidationSpec {
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

/** Format properties. `undefined` means "inherit" (cell → row → column → sheet → default). */
export interface Fmt {
  numberFormat?: string;
  /** '#RRGGBB', or '' for "no fill" set explicitly over an inherited fill. */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  locked?: boolean;
  wrapText?: boolean;
  horizontalAlignment?: string;
  /** Excel.VerticalAlignment: 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' */
  verticalAlignment?: string;
  /** font face, e.g. '宋体' */
  fontName?: string;
  /** points */
  fontSize?: number;
  /** Cell edges, Excel.BorderLineStyle: 'None' | 'Continuous' | 'Dash' | 'Double' | … (colour: always black here) */
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
  /** `null` = explicitly no validation (over an inherited one). */
  validation?: ValidationSpec | null;
}

export type FmtKey = keyof Fmt;
export const FMT_KEYS: FmtKey[] = [
  'numberFormat',
  'fill',
  'bold',
  'italic',
  'fontColor',
  'locked',
  'wrapText',
  'horizontalAlignment',
  'verticalAlignment',
  'fontName',
  'fontSize',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
  'validation',
];

export const FMT_DEFAULTS: { [K in FmtKey]-?: Exclude<Fmt[K], undefined> | null } = {
  numberFormat: 'General',
  fill: '',
  bold: false,
  italic: false,
  fontColor: '#000000',
  locked: true,
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  fontName: 'Calibri',
  fontSize: 11,
  borderTop: 'None',
  borderBottom: 'None',
  borderLeft: 'None',
  borderRight: 'None',
  validation: null,
};

export interface Cell extends Fmt {
  /** Value; for a formula cell its cached (last computed) value. Empty is "". */
  v: CellValue;
  /** Formula text including the leading "=". */
  f?: string;
  /** Quote prefix: text that was entered with a leading apostrophe. */
  q?: boolean;
}

export type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'CellInserted' | 'CellDeleted' | 'ColumnInserted';
export type ChangeSource = 'Local' | 'Remote';

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  changeType: ChangeType;
  source: ChangeSource;
}

export interface TrackedRange {
  sheet: DoubleSheet;
  rect: Rect;
  valid: boolean;
}

export interface TableColumnModel {
  id: number;
  name: string;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: DoubleSheet;
  /** Header row is r0; body is r0+1..r1 (at least one row). */
  rect: Rect;
  columns: TableColumnModel[];
  nextColumnId: number;
  style: string;
}

export interface ConditionalFormatModel {
  id: string;
  sheet: DoubleSheet;
  rect: Rect;
  type: string;
  stopIfTrue: boolean;
  /** Custom: `{ formula }`; CellValue: `{ formula1, formula2?, operator }`; others: free-form. */
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

export interface ProtectionModel {
  protected: boolean;
  password?: string;
  options: Record<string, boolean | string>;
}

const DEFAULT_PROTECTION_OPTIONS: Record<string, boolean | string> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** Column width Excel reports for a default column (8.43 characters of Calibri 11 = 64 px), in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function emptyContent(cell: Cell | undefined): boolean {
  return !cell || (cell.v === '' && cell.f === undefined && !cell.q);
}

function hasFmt(cell: Cell): boolean {
  for (const k of FMT_KEYS) if (cell[k] !== undefined) return true;
  return false;
}

function copyFmt(from: Fmt | undefined, to: Fmt, onlyMissing = false): void {
  if (!from) return;
  for (const k of FMT_KEYS) {
    if (from[k] === undefined) continue;
    if (onlyMissing && to[k] !== undefined) continue;
    (to as Record<string, unknown>)[k] = cloneJson(from[k]);
  }
}

export function cloneJson<T>(v: T): T {
  return v === undefined || v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** What `worksheet.protection.options` etc. look like when read. */
export function protectionOptions(p: ProtectionModel): Record<string, boolean | string> {
  return { ...p.options };
}

// ---------------------------------------------------------------- the sheet

let idCounter = 0;
function newGuid(): string {
  idCounter += 1;
  const hex = idCounter.toString(16).toUpperCase().padStart(12, '0');
  return `{00000000-0001-0000-0000-${hex}}`;
}

export interface CellSnapshot {
  address: string;
  value: CellValue;
  formula?: string;
  text: string;
  numberFormat: string;
  fill?: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  locked: boolean;
  validation?: ValidationSpec;
  /** Only when not the default (FMT_DEFAULTS: Calibri, 11, 'Bottom'). */
  fontName?: string;
  fontSize?: number;
  verticalAlignment?: string;
  /** Excel.BorderLineStyle of each cell edge that has a line (style other than 'None'); absent when none has. */
  borders?: { top?: string; bottom?: string; left?: string; right?: string };
}

export interface TableSnapshot {
  id: string;
  name: string;
  sheet: string;
  address: string;
  headerAddress: string;
  bodyAddress: string;
  columns: string[];
  rowCount: number;
  /** Body values, one array per row. */
  values: CellValue[][];
  /** Body formulas (formula text for formula cells, value otherwise). */
  formulas: CellValue[][];
}

export interface ConditionalFormatSnapshot {
  id: string;
  address: string;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

export interface GridSnapshot {
  sheet: string;
  /** Rows and columns rendered (0-based, from A1). */
  rowCount: number;
  columnCount: number;
  cells: CellSnapshot[][];
  columnWidths: number[];
  freezeRows: number;
  tables: TableSnapshot[];
  conditionalFormats: ConditionalFormatSnapshot[];
  protected: boolean;
}

export class DoubleSheet {
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
  cfs: ConditionalFormatModel[] = [];

  constructor(
    readonly wb: DoubleWorkbook,
    name: string,
  ) {
    this.id = newGuid();
    this.name = name;
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
      for (const [r, row] of [...this.cells]) for (const [c, cell] of [...row]) {
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

  // ------------------------------------------------------------ writing content

  /**
   * Writes values or formulas into a range. Excel parses both setters' strings the same way (as typed
   * input), so `_mode` only documents the caller. `input` is either a 2-D array of
   * exactly the range's shape or a single value applied to every cell. Returns nothing; records the
   * change, runs table auto-expansion and calculated-column fill.
   */
  writeContent(rect: Rect, input: unknown, _mode: 'values' | 'formulas', source: ChangeSource, location: string): void {
    const grid = this.shapeInput(rect, input, location, false);
    this.assertEditable(rect, location);
    const opts: ParseOptions = { shortDateFormat: this.wb.options.shortDateFormat };
    const tablesBefore = this.wb.tables.filter((t) => t.sheet === this).map((t) => ({ t, r1: t.rect.r1 }));
    // Parse everything first: a bad value fails the write before any cell changes.
    const parsedCells: { r: number; c: number; p: Parsed }[] = [];
    for (let i = 0; i < rectRows(rect); i += 1) {
      for (let j = 0; j < rectCols(rect); j += 1) {
        const raw = grid ? grid[i][j] : input;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const nf = this.fmtAt(r, c, 'numberFormat') ?? 'General';
        let p: Parsed;
        try {
          p = parseInput(raw, nf, opts);
        } catch {
          throw err.invalidArgument(location);
        }
        if (p.kind !== 'skip') parsedCells.push({ r, c, p });
      }
    }
    for (const { r, c, p } of parsedCells) {
      const cell = this.ensureCell(r, c);
      if (p.kind === 'formula') {
        cell.f = p.formula;
        cell.v = '';
        delete cell.q;
      } else if (p.kind === 'value') {
        delete cell.f;
        cell.v = p.value;
        if (p.quote) cell.q = true;
        else delete cell.q;
        if (p.numberFormat !== undefined && cell.numberFormat === undefined) cell.numberFormat = p.numberFormat;
      }
      this.tidy(r, c);
    }
    this.wb.recordChange(this, rect, 'RangeEdited', source);
    this.afterContentWrite(rect, tablesBefore, source);
  }

  /** Validates the shape of a 2-D input; returns undefined for a scalar broadcast. */
  shapeInput(rect: Rect, input: unknown, location: string, allowOneByOne: boolean): unknown[][] | undefined {
    if (!Array.isArray(input)) {
      if (input === null || input === undefined) throw err.invalidArgument(location);
      return undefined;
    }
    const rows = rectRows(rect);
    const cols = rectCols(rect);
    if (allowOneByOne && input.length === 1 && Array.isArray(input[0]) && input[0].length === 1 && rows * cols > 1) {
      return undefined;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new DoubleExcelError('InvalidArgument', MESSAGES.shapeMismatch, location);
    }
    return input as unknown[][];
  }

  clear(rect: Rect, applyTo: string, source: ChangeSource, location: string): void {
    const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (contents) this.assertEditable(rect, location);
    if (formats) this.assertAllowed('allowFormatCells', location);
    if (contents) {
      for (const [r, c, cell] of [...this.presentCells(rect)]) {
        cell.v = '';
        delete cell.f;
        delete cell.q;
        this.tidy(r, c);
      }
      this.wb.recordChange(this, rect, 'RangeEdited', source);
    }
    if (formats) {
      // Clearing formats resets number format, fill, font, alignment, borders and the locked flag.
      // Data validation is not a format; Excel's Clear All/Clear Formats keep it (not verified via the API).
      for (const key of FMT_KEYS) {
        if (key === 'validation') continue;
        this.setFmt(rect, key, undefined);
      }
    }
  }

  // ------------------------------------------------------------ tables, after a content write

  tables(): TableModel[] {
    return this.wb.tables.filter((t) => t.sheet === this);
  }

  private afterContentWrite(rect: Rect, before: { t: TableModel; r1: number }[], source: ChangeSource): void {
    for (const t of this.tables()) {
      const written = intersect(rect, t.rect);
      if (written && written.r0 === t.rect.r0) this.syncHeaderNames(t);
      if (written && this.wb.options.calculatedColumnAutoFill) this.autoFillCalculatedColumns(t, written);
    }
    // Auto-expansion: a non-empty row written directly below a table becomes part of it.
    for (const { t, r1 } of before) {
      if (!this.wb.tables.includes(t) || t.rect.r1 !== r1) continue;
      const below = r1 + 1;
      if (below >= MAX_ROWS || rect.r0 > below || rect.r1 < below) continue;
      if (rect.c1 < t.rect.c0 || rect.c0 > t.rect.c1) continue;
      let end = r1;
      while (end + 1 <= rect.r1 && end + 1 < MAX_ROWS && this.rowHasContent(end + 1, t.rect.c0, t.rect.c1)) {
        if (this.tables().some((o) => o !== t && o.rect.r0 === end + 1 && !(o.rect.c1 < t.rect.c0 || o.rect.c0 > t.rect.c1))) break;
        end += 1;
      }
      if (end > r1) this.expandTable(t, end, source);
    }
  }

  /** Grows a table's body down to row `newR1` (rows already in place), as Excel's auto-expansion does. */
  expandTable(t: TableModel, newR1: number, source: ChangeSource): void {
    const oldR1 = t.rect.r1;
    const calc = this.calculatedColumns(t, t.rect.r0 + 1, oldR1);
    t.rect = { ...t.rect, r1: newR1 };
    for (let r = oldR1 + 1; r <= newR1; r += 1) {
      for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
        const model = this.cell(oldR1, c);
        if (model && hasFmt(model)) {
          const cell = this.ensureCell(r, c);
          copyFmt(model, cell, true);
        }
        const f = calc.get(c);
        if (f && emptyContent(this.cell(r, c))) {
          const cell = this.ensureCell(r, c);
          cell.f = translateFormula(f.formula, r - f.row, 0);
          cell.v = '';
        }
      }
    }
    this.extendConditionalFormats(t, oldR1, newR1);
    this.wb.recordChange(this, { r0: oldR1 + 1, r1: newR1, c0: t.rect.c0, c1: t.rect.c1 }, 'RangeEdited', source);
  }

  /** Conditional formats on table columns that end on the table's old last row follow it down. */
  extendConditionalFormats(t: TableModel, oldR1: number, newR1: number): void {
    for (const cf of this.cfs) {
      if (cf.rect.r1 === oldR1 && cf.rect.r0 <= oldR1 && cf.rect.c0 >= t.rect.c0 && cf.rect.c1 <= t.rect.c1) {
        cf.rect = { ...cf.rect, r1: newR1 };
      }
    }
  }

  /**
   * Columns whose body (rows r0..r1) holds one formula in R1C1 terms: Excel's calculated columns.
   * Returns column → a formula and the row it belongs to. A long body is judged by its first and
   * last CALC_SAMPLE rows: Excel keeps a column calculated when a cell in the middle becomes an
   * exception (it only flags the cell), and deriving every row's shape made each append to a
   * 10,000-row table of A1-style formulas cost tens of seconds here.
   */
  calculatedColumns(t: TableModel, r0: number, r1: number): Map<number, { formula: string; row: number }> {
    const out = new Map<number, { formula: string; row: number }>();
    if (r1 < r0) return out;
    const rows = r1 - r0 + 1 <= 2 * CALC_SAMPLE ? rowSpan(r0, r1) : [...rowSpan(r0, r0 + CALC_SAMPLE - 1), ...rowSpan(r1 - CALC_SAMPLE + 1, r1)];
    for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
      let key: string | undefined;
      let ok = true;
      for (const r of rows) {
        if (!ok) break;
        const f = this.cell(r, c)?.f;
        if (f === undefined) ok = false;
        else {
          const k = formulaShapeKey(f, r, c);
          if (key === undefined) key = k;
          else if (k !== key) ok = false;
        }
      }
      if (ok && key !== undefined) out.set(c, { formula: this.cell(r1, c)!.f!, row: r1 });
    }
    return out;
  }

  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by
   * default; API writes trigger it too: OfficeDev/office-js#2093, #5909, #6745): a formula entered
   * into a table column whose other body cells are all empty fills the whole column.
   */
  private autoFillCalculatedColumns(t: TableModel, written: Rect): void {
    const body0 = t.rect.r0 + 1;
    const w0 = Math.max(written.r0, body0);
    if (w0 > written.r1) return;
    for (let c = written.c0; c <= written.c1; c += 1) {
      let key: string | undefined;
      let src: { formula: string; row: number } | undefined;
      let ok = true;
      for (let r = w0; r <= written.r1 && ok; r += 1) {
        const f = this.cell(r, c)?.f;
        if (f === undefined) ok = false;
        else {
          const k = formulaShapeKey(f, r, c);
          if (key === undefined) {
            key = k;
            src = { formula: f, row: r };
          } else if (k !== key) ok = false;
        }
      }
      if (!ok || !src) continue;
      let othersEmpty = true;
      let others = 0;
      for (let r = body0; r <= t.rect.r1 && othersEmpty; r += 1) {
        if (r >= w0 && r <= written.r1) continue;
        others += 1;
        if (!emptyContent(this.cell(r, c))) othersEmpty = false;
      }
      if (!othersEmpty || others === 0) continue;
      for (let r = body0; r <= t.rect.r1; r += 1) {
        if (r >= w0 && r <= written.r1) continue;
        const cell = this.ensureCell(r, c);
        cell.f = translateFormula(src.formula, r - src.row, 0);
        cell.v = '';
      }
    }
  }

  /** Re-reads column names from the header cells (Excel keeps them in step). */
  syncHeaderNames(t: TableModel): void {
    const used = new Set<string>();
    t.columns.forEach((col, j) => {
      const c = t.rect.c0 + j;
      let name = this.textAt(t.rect.r0, c);
      if (name === '') name = `Column${j + 1}`;
      let candidate = name;
      let n = 2;
      while (used.has(candidate.toLowerCase())) {
        candidate = `${name}${n}`;
        n += 1;
      }
      used.add(candidate.toLowerCase());
      col.name = candidate;
      const cell = this.ensureCell(t.rect.r0, c);
      if (cell.v !== candidate || cell.f !== undefined) {
        cell.v = candidate;
        delete cell.f;
      }
    });
  }

  // ------------------------------------------------------------ structural changes

  /** Inserts `n` entire rows before row `at` (0-based). */
  insertRows(at: number, n: number, source: ChangeSource, location: string): Rect {
    if (n <= 0) throw err.invalidArgument(location);
    for (let r = MAX_ROWS - n; r < MAX_ROWS; r += 1) {
      if (this.rowHasContent(r, 0, MAX_COLS - 1)) throw new DoubleExcelError('NonBlankCellOffSheet', MESSAGES.offSheet, location);
    }
    const grownTables = this.tables().filter((t) => at > t.rect.r0 && at <= t.rect.r1);
    const calc = new Map(grownTables.map((t) => [t, this.calculatedColumns(t, t.rect.r0 + 1, t.rect.r1)]));
    this.cells = shiftMapKeys(this.cells, at, n);
    this.rowFmt = shiftMapKeys(this.rowFmt, at, n);
    this.rowHeight = shiftMapKeys(this.rowHeight, at, n);
    if (at > 0) this.copyRowFormats(at - 1, at, n, 0, MAX_COLS - 1);
    this.wb.adjustForInsert(this, at, n, 0, MAX_COLS - 1);
    for (const t of grownTables) this.fillCalculated(calc.get(t)!, at, at + n - 1);
    const rect = { r0: at, r1: at + n - 1, c0: 0, c1: MAX_COLS - 1 };
    this.wb.recordChange(this, rect, 'RowInserted', source);
    return rect;
  }

  /** Deletes `n` entire rows starting at row `at`. */
  deleteRows(at: number, n: number, source: ChangeSource, location: string): void {
    const end = at + n - 1;
    for (const t of this.tables()) {
      if (t.rect.r0 >= at && t.rect.r0 <= end && t.rect.r1 > end) {
        throw err.invalidOperation(location, "This operation is not allowed. You can't delete the header row of a table without deleting the table's rows.");
      }
    }
    const next = new Map<number, Map<number, Cell>>();
    for (const [r, row] of this.cells) {
      if (r < at) next.set(r, row);
      else if (r > end) next.set(r - n, row);
    }
    this.cells = next;
    this.rowFmt = dropMapKeys(this.rowFmt, at, n);
    this.rowHeight = dropMapKeys(this.rowHeight, at, n);
    this.wb.adjustForDelete(this, at, n, 0, MAX_COLS - 1);
    this.wb.recordChange(this, { r0: at, r1: end, c0: 0, c1: MAX_COLS - 1 }, 'RowDeleted', source);
  }

  /** Shifts the cells of columns c0..c1 from row `at` down by `n` (insert cells, shift down). */
  shiftDown(at: number, n: number, c0: number, c1: number, source: ChangeSource, location: string, fillCalc = true): Rect {
    if (c0 === 0 && c1 === MAX_COLS - 1) return this.insertRows(at, n, source, location);
    this.assertNoTableSplit(at, c0, c1, location);
    for (let r = MAX_ROWS - n; r < MAX_ROWS; r += 1) {
      if (this.rowHasContent(r, c0, c1)) throw new DoubleExcelError('NonBlankCellOffSheet', MESSAGES.offSheet, location);
    }
    const grownTables = this.tables().filter((t) => at > t.rect.r0 && at <= t.rect.r1 && t.rect.c0 >= c0 && t.rect.c1 <= c1);
    const calc = new Map(grownTables.map((t) => [t, this.calculatedColumns(t, t.rect.r0 + 1, t.rect.r1)]));
    const rows = [...this.cells.keys()].filter((r) => r >= at).sort((a, b) => b - a);
    for (const r of rows) {
      const row = this.cells.get(r)!;
      for (const [c, cell] of [...row]) {
        if (c < c0 || c > c1) continue;
        row.delete(c);
        if (r + n < MAX_ROWS) {
          let dest = this.cells.get(r + n);
          if (!dest) {
            dest = new Map();
            this.cells.set(r + n, dest);
          }
          dest.set(c, cell);
        }
      }
      if (row.size === 0) this.cells.delete(r);
    }
    if (at > 0) this.copyRowFormats(at - 1, at, n, c0, c1);
    this.wb.adjustForInsert(this, at, n, c0, c1);
    if (fillCalc) for (const t of grownTables) this.fillCalculated(calc.get(t)!, at, at + n - 1);
    const rect = { r0: at, r1: at + n - 1, c0, c1 };
    this.wb.recordChange(this, rect, 'CellInserted', source);
    return rect;
  }

  /** Deletes the cells of columns c0..c1 in rows at..at+n-1 and shifts the cells below up. */
  shiftUp(at: number, n: number, c0: number, c1: number, source: ChangeSource, location: string): void {
    if (c0 === 0 && c1 === MAX_COLS - 1) {
      this.deleteRows(at, n, source, location);
      return;
    }
    this.assertNoTableSplit(at, c0, c1, location);
    const end = at + n - 1;
    const rows = [...this.cells.keys()].filter((r) => r >= at).sort((a, b) => a - b);
    for (const r of rows) {
      const row = this.cells.get(r)!;
      for (const [c, cell] of [...row]) {
        if (c < c0 || c > c1) continue;
        row.delete(c);
        if (r > end) {
          let dest = this.cells.get(r - n);
          if (!dest) {
            dest = new Map();
            this.cells.set(r - n, dest);
          }
          dest.set(c, cell);
        }
      }
      if (row.size === 0) this.cells.delete(r);
    }
    this.wb.adjustForDelete(this, at, n, c0, c1);
    this.wb.recordChange(this, { r0: at, r1: end, c0, c1 }, 'CellDeleted', source);
  }

  /** Shifting only some columns must not cut through a table (Excel refuses). */
  private assertNoTableSplit(at: number, c0: number, c1: number, location: string): void {
    for (const t of this.tables()) {
      if (t.rect.r1 < at) continue;
      const overlaps = !(t.rect.c1 < c0 || t.rect.c0 > c1);
      const inside = t.rect.c0 >= c0 && t.rect.c1 <= c1;
      if (overlaps && !inside) throw err.invalidOperation(location, MESSAGES.tableShift);
    }
  }

  private copyRowFormats(from: number, at: number, n: number, c0: number, c1: number): void {
    const rowF = this.rowFmt.get(from);
    if (rowF && c0 === 0 && c1 === MAX_COLS - 1) {
      for (let r = at; r < at + n; r += 1) this.rowFmt.set(r, cloneJson(rowF));
    }
    const src = this.cells.get(from);
    if (!src) return;
    for (const [c, cell] of src) {
      if (c < c0 || c > c1 || !hasFmt(cell)) continue;
      for (let r = at; r < at + n; r += 1) {
        const dest = this.ensureCell(r, c);
        copyFmt(cell, dest);
      }
    }
  }

  /** Puts calculated-column formulas into the new (empty) rows r0..r1 of a grown table. */
  private fillCalculated(calc: Map<number, { formula: string; row: number }>, r0: number, r1: number): void {
    for (const [c, f] of calc) {
      // The model row moved if it was at/after the insertion point; translate from where it is now.
      const srcRow = f.row >= r0 ? f.row + (r1 - r0 + 1) : f.row;
      for (let r = r0; r <= r1; r += 1) {
        if (!emptyContent(this.cell(r, c))) continue;
        const cell = this.ensureCell(r, c);
        cell.f = translateFormula(f.formula, r - srcRow, 0);
        cell.v = '';
      }
    }
  }

  /** Shifts cells of rows r0..r1 from column `at` right by `n` (used by table column insertion). */
  shiftRight(at: number, n: number, r0: number, r1: number): void {
    for (const [r, row] of this.cells) {
      if (r < r0 || r > r1) continue;
      const moved = [...row].filter(([c]) => c >= at).sort((a, b) => b[0] - a[0]);
      for (const [c, cell] of moved) {
        row.delete(c);
        if (c + n < MAX_COLS) row.set(c + n, cell);
      }
    }
  }

  /** Sorts the body rows of a table by one column (a co-author's Sort A→Z / Z→A). */
  sortTableRows(t: TableModel, colIndex: number, ascending: boolean): void {
    const b0 = t.rect.r0 + 1;
    const b1 = t.rect.r1;
    const rows: { from: number; cells: Map<number, Cell> }[] = [];
    for (let r = b0; r <= b1; r += 1) {
      const cells = new Map<number, Cell>();
      const row = this.cells.get(r);
      if (row) for (const [c, cell] of row) if (c >= t.rect.c0 && c <= t.rect.c1) cells.set(c, cell);
      rows.push({ from: r, cells });
    }
    const key = t.rect.c0 + colIndex;
    const rank = (v: CellValue | undefined): number =>
      v === undefined || v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
    const sorted = [...rows].sort((a, b) => {
      const va = a.cells.get(key)?.v;
      const vb = b.cells.get(key)?.v;
      const ra = rank(va);
      const rb = rank(vb);
      // Blanks sort last in both directions.
      if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
      let cmp: number;
      if (ra !== rb) cmp = ra - rb;
      else if (ra === 0) cmp = (va as number) - (vb as number);
      else if (ra === 1) cmp = String(va).localeCompare(String(vb), 'zh-CN', { sensitivity: 'base' });
      else cmp = Number(va) - Number(vb);
      return ascending ? cmp : -cmp;
    });
    sorted.forEach((rec, i) => {
      const r = b0 + i;
      let row = this.cells.get(r);
      if (row) for (const c of [...row.keys()]) if (c >= t.rect.c0 && c <= t.rect.c1) row.delete(c);
      for (const [c, cell] of rec.cells) {
        if (!row) {
          row = new Map();
          this.cells.set(r, row);
        }
        if (cell.f !== undefined) cell.f = translateFormula(cell.f, r - rec.from, 0);
        row.set(c, cell);
      }
      if (row && row.size === 0) this.cells.delete(r);
    });
  }

  // ------------------------------------------------------------ direct access for tests and preview

  private rectOf(address: string): Rect {
    const { sheet, local } = splitSheetAddress(address);
    if (sheet !== undefined && sheet !== this.name) throw err.invalidArgument('DoubleSheet');
    return parseRect(local, 'DoubleSheet');
  }

  getValues(address: string): CellValue[][] {
    return this.grid(this.rectOf(address), (r, c) => this.valueAt(r, c));
  }

  getFormulas(address: string): CellValue[][] {
    return this.grid(this.rectOf(address), (r, c) => this.formulaAt(r, c));
  }

  getText(address: string): string[][] {
    return this.grid(this.rectOf(address), (r, c) => this.textAt(r, c));
  }

  getNumberFormats(address: string): string[][] {
    return this.grid(this.rectOf(address), (r, c) => this.fmtAt(r, c, 'numberFormat') ?? 'General');
  }

  /** Writes like `range.values = ...` (typed-input parsing, table expansion) without events or protection. */
  setValues(address: string, values: unknown): void {
    this.wb.withoutEvents(() => this.withoutProtection(() => this.writeContent(this.rectOf(address), values, 'values', 'Local', 'DoubleSheet.setValues')));
  }

  setFormulas(address: string, formulas: unknown): void {
    this.wb.withoutEvents(() => this.withoutProtection(() => this.writeContent(this.rectOf(address), formulas, 'formulas', 'Local', 'DoubleSheet.setFormulas')));
  }

  /** Sets the computed value a formula cell shows (the double does not calculate). */
  setCachedValues(address: string, values: CellValue[][] | CellValue): void {
    const rect = this.rectOf(address);
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const v = Array.isArray(values) ? values[r - rect.r0]?.[c - rect.c0] : values;
        if (v === undefined) continue;
        const cell = this.cell(r, c);
        if (cell?.f !== undefined) cell.v = v;
      }
    }
  }

  setNumberFormat(address: string, format: string): void {
    this.setFmt(this.rectOf(address), 'numberFormat', format);
  }

  setLocked(address: string, locked: boolean): void {
    this.setFmt(this.rectOf(address), 'locked', locked);
  }

  setFill(address: string, color: string | null): void {
    this.setFmt(this.rectOf(address), 'fill', color === null ? '' : normalizeColor(color));
  }

  protect(options: Record<string, boolean | string> = {}, password?: string): void {
    this.protection = { protected: true, password, options: { ...DEFAULT_PROTECTION_OPTIONS, ...options } };
  }

  unprotect(): void {
    this.protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
  }

  /** Creates a table over `address` like `worksheet.tables.add(address, hasHeaders)`. */
  addTable(address: string, hasHeaders = true, name?: string): TableSnapshot {
    const t = this.wb.withoutEvents(() => this.wb.createTable(this, this.rectOf(address), hasHeaders, 'DoubleSheet.addTable'));
    if (name !== undefined) this.wb.renameTable(t, name, 'DoubleSheet.addTable');
    return this.wb.tableSnapshot(t);
  }

  table(name: string): TableSnapshot {
    const t = this.wb.findTable(name);
    if (!t || t.sheet !== this) throw err.itemNotFound(`DoubleSheet.table(${name})`);
    return this.wb.tableSnapshot(t);
  }

  listTables(): TableSnapshot[] {
    return this.tables().map((t) => this.wb.tableSnapshot(t));
  }

  cellAt(address: string): CellSnapshot {
    const rect = this.rectOf(address);
    return this.snapshotCell(rect.r0, rect.c0);
  }

  snapshotCell(r: number, c: number): CellSnapshot {
    const cell = this.cell(r, c);
    const fill = this.fmtAt(r, c, 'fill');
    const validation = this.fmtAt(r, c, 'validation');
    const fontName = this.fmtAt(r, c, 'fontName');
    const fontSize = this.fmtAt(r, c, 'fontSize');
    const verticalAlignment = this.fmtAt(r, c, 'verticalAlignment');
    const borders: NonNullable<CellSnapshot['borders']> = {};
    for (const [side, key] of [['top', 'borderTop'], ['bottom', 'borderBottom'], ['left', 'borderLeft'], ['right', 'borderRight']] as const) {
      const b = this.fmtAt(r, c, key);
      if (b !== null && b !== 'None') borders[side] = b;
    }
    return {
      address: formatRect({ r0: r, r1: r, c0: c, c1: c }),
      value: cell?.v ?? '',
      ...(cell?.f !== undefined ? { formula: cell.f } : {}),
      text: this.textAt(r, c),
      numberFormat: this.fmtAt(r, c, 'numberFormat') ?? 'General',
      ...(fill ? { fill } : {}),
      fontColor: this.fmtAt(r, c, 'fontColor') ?? '#000000',
      bold: this.fmtAt(r, c, 'bold') === true,
      italic: this.fmtAt(r, c, 'italic') === true,
      locked: this.fmtAt(r, c, 'locked') !== false,
      ...(validation ? { validation: cloneJson(validation) } : {}),
      ...(fontName !== null && fontName !== FMT_DEFAULTS.fontName ? { fontName } : {}),
      ...(fontSize !== null && fontSize !== FMT_DEFAULTS.fontSize ? { fontSize } : {}),
      ...(verticalAlignment !== null && verticalAlignment !== FMT_DEFAULTS.verticalAlignment ? { verticalAlignment } : {}),
      ...(Object.keys(borders).length > 0 ? { borders } : {}),
    };
  }

  conditionalFormats(): ConditionalFormatSnapshot[] {
    return this.cfs.map((cf, i) => ({
      id: cf.id,
      address: formatAddress(this.name, cf.rect),
      type: cf.type,
      priority: i,
      stopIfTrue: cf.stopIfTrue,
      rule: cloneJson(cf.rule),
      format: { ...cf.format },
    }));
  }

  usedRange(valuesOnly = false): string | undefined {
    const r = this.usedRect(valuesOnly);
    return r ? formatAddress(this.name, r) : undefined;
  }

  /** Everything a browser preview needs to draw the sheet's top-left block. */
  snapshotGrid(maxRows = 200, maxCols = 40): GridSnapshot {
    const used = this.usedRect(false);
    const tableEnd = this.tables().reduce((m, t) => ({ r: Math.max(m.r, t.rect.r1), c: Math.max(m.c, t.rect.c1) }), { r: -1, c: -1 });
    const rowCount = Math.min(maxRows, Math.max(used ? used.r1 + 1 : 0, tableEnd.r + 1, 1));
    const columnCount = Math.min(maxCols, Math.max(used ? used.c1 + 1 : 0, tableEnd.c + 1, 1));
    const cells: CellSnapshot[][] = [];
    for (let r = 0; r < rowCount; r += 1) {
      const row: CellSnapshot[] = [];
      for (let c = 0; c < columnCount; c += 1) row.push(this.snapshotCell(r, c));
      cells.push(row);
    }
    const columnWidths: number[] = [];
    for (let c = 0; c < columnCount; c += 1) columnWidths.push(this.colWidth.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return {
      sheet: this.name,
      rowCount,
      columnCount,
      cells,
      columnWidths,
      freezeRows: this.freezeRows,
      tables: this.listTables(),
      conditionalFormats: this.conditionalFormats(),
      protected: this.protection.protected,
    };
  }

  withoutProtection<T>(fn: () => T): T {
    const saved = this.protection;
    this.protection = { ...saved, protected: false };
    try {
      return fn();
    } finally {
      this.protection = saved;
    }
  }
}

function* range(lo: number, hi: number): Generator<number> {
  for (let i = lo; i <= hi; i += 1) yield i;
}

function shiftMapKeys<V>(m: Map<number, V>, at: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) {
    if (k < at) out.set(k, v);
    else if (k + n < MAX_ROWS) out.set(k + n, v);
  }
  return out;
}

function dropMapKeys<V>(m: Map<number, V>, at: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) {
    if (k < at) out.set(k, v);
    else if (k >= at + n) out.set(k - n, v);
  }
  return out;
}

// ---------------------------------------------------------------- reference adjustment

/** How a reference to `rect` changes when `n` rows are inserted before row `at` in columns c0..c1. */
export function refAfterInsert(rect: Rect, at: number, n: number, c0: number, c1: number): Rect {
  if (isEntireColumns(rect)) return rect;
  const fullWidth = c0 === 0 && c1 === MAX_COLS - 1;
  if (!fullWidth && !(rect.c0 >= c0 && rect.c1 <= c1)) return rect;
  if (at <= rect.r0) return { ...rect, r0: Math.min(rect.r0 + n, MAX_ROWS - 1), r1: Math.min(rect.r1 + n, MAX_ROWS - 1) };
  if (at <= rect.r1) return { ...rect, r1: Math.min(rect.r1 + n, MAX_ROWS - 1) };
  return rect;
}

/** How a reference changes when rows at..at+n-1 are deleted in columns c0..c1; undefined = gone. */
export function refAfterDelete(rect: Rect, at: number, n: number, c0: number, c1: number): Rect | undefined {
  if (isEntireColumns(rect)) return rect;
  const fullWidth = c0 === 0 && c1 === MAX_COLS - 1;
  if (!fullWidth && !(rect.c0 >= c0 && rect.c1 <= c1)) return rect;
  const end = at + n - 1;
  if (rect.r1 < at) return rect;
  if (rect.r0 > end) return { ...rect, r0: rect.r0 - n, r1: rect.r1 - n };
  const kept = rectRows(rect) - (Math.min(rect.r1, end) - Math.max(rect.r0, at) + 1);
  if (kept <= 0) return undefined;
  const r0 = rect.r0 < at ? rect.r0 : at;
  return { ...rect, r0, r1: r0 + kept - 1 };
}

// ---------------------------------------------------------------- the workbook

export interface DoubleWorkbookOptions {
  name: string;
  /** Number format given to a General cell when an ISO date string is written (zh-CN: "yyyy/m/d"). */
  shortDateFormat: string;
  calculatedColumnAutoFill: boolean;
}

export class DoubleWorkbook {
  name: string;
  readonly sheets: DoubleSheet[] = [];
  readonly tables: TableModel[] = [];
  activeSheetId = '';
  selection: { sheetId: string; rect: Rect } | undefined;
  readonly tracked = new Set<TrackedRange>();
  readonly options: DoubleWorkbookOptions;
  /** Changes since the harness last drained them (for events). */
  changes: ChangeRecord[] = [];
  private eventsMuted = 0;
  private tableCounter = 0;
  private cfCounter = 0;
  private tableIdCounter = 0;

  constructor(options: Partial<DoubleWorkbookOptions> = {}) {
    this.options = {
      name: options.name ?? 'Book1.xlsx',
      shortDateFormat: options.shortDateFormat ?? 'yyyy/m/d',
      calculatedColumnAutoFill: options.calculatedColumnAutoFill ?? true,
    };
    this.name = this.options.name;
  }

  // ------------------------------------------------------------ sheets

  /** The model of a sheet (direct access for tests and preview). Throws if absent. */
  sheet(name: string): DoubleSheet {
    const s = this.findSheet(name);
    if (!s) throw err.itemNotFound(`DoubleWorkbook.sheet(${name})`);
    return s;
  }

  findSheet(name: string): DoubleSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): DoubleSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Adds a sheet at the end (Excel names rules: ≤31 chars, none of : \ / ? * [ ], not blank, unique). */
  addSheet(name?: string, location = 'WorksheetCollection.add'): DoubleSheet {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i += 1;
      n = `Sheet${i}`;
    }
    validateSheetName(n, location);
    if (this.findSheet(n)) throw err.alreadyExists(location);
    const s = new DoubleSheet(this, n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  renameSheet(s: DoubleSheet, name: string, location = 'Worksheet.name'): void {
    validateSheetName(name, location);
    const other = this.findSheet(name);
    if (other && other !== s) throw err.alreadyExists(location);
    s.name = name;
  }

  deleteSheet(s: DoubleSheet, location = 'Worksheet.delete'): void {
    const visible = this.sheets.filter((x) => x.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === s) throw err.invalidOperation(location, 'A workbook must contain at least one visible worksheet.');
    const i = this.sheets.indexOf(s);
    this.sheets.splice(i, 1);
    for (let k = this.tables.length - 1; k >= 0; k -= 1) if (this.tables[k].sheet === s) this.tables.splice(k, 1);
    for (const t of this.tracked) if (t.sheet === s) t.valid = false;
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === 'Visible')!.id;
    if (this.selection?.sheetId === s.id) this.selection = undefined;
  }

  activeSheet(): DoubleSheet {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  // ------------------------------------------------------------ tables

  /** A table's current state (direct access for tests and preview). Throws if absent. */
  table(name: string): TableSnapshot {
    const t = this.findTable(name);
    if (!t) throw err.itemNotFound(`DoubleWorkbook.table(${name})`);
    return this.tableSnapshot(t);
  }

  findTable(nameOrId: string): TableModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === nameOrId);
  }

  createTable(sheet: DoubleSheet, rect0: Rect, hasHeaders: boolean, location: string): TableModel {
    sheet.assertUnprotected(location);
    if (isEntireColumns(rect0) || isEntireRows(rect0)) throw err.invalidArgument(location);
    let rect = { ...rect0 };
    for (const t of sheet.tables()) {
      if (intersect(t.rect, rect)) throw err.invalidArgument(location, 'A table can\'t overlap another table.');
    }
    if (!hasHeaders) {
      // "Excel will automatically generate a header and shift the data down by one row."
      sheet.shiftDown(rect.r0, 1, rect.c0, rect.c1, 'Local', location, false);
      rect = { ...rect, r1: rect.r1 + 1 };
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const cell = sheet.ensureCell(rect.r0, c);
        cell.v = `Column${c - rect.c0 + 1}`;
        delete cell.f;
      }
    }
    if (rect.r1 === rect.r0) rect = { ...rect, r1: rect.r0 + 1 };
    this.tableCounter += 1;
    let name = `Table${this.tableCounter}`;
    while (this.findTable(name)) {
      this.tableCounter += 1;
      name = `Table${this.tableCounter}`;
    }
    this.tableIdCounter += 1;
    const columns: TableColumnModel[] = [];
    for (let c = rect.c0; c <= rect.c1; c += 1) columns.push({ id: c - rect.c0 + 1, name: '' });
    const t: TableModel = {
      id: String(this.tableIdCounter),
      name,
      sheet,
      rect,
      columns,
      nextColumnId: columns.length + 1,
      style: 'TableStyleMedium2',
    };
    this.tables.push(t);
    sheet.syncHeaderNames(t);
    return t;
  }

  renameTable(t: TableModel, name: string, location = 'Table.name'): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name) || /^r\d*c\d*$/i.test(name) || name.length > 255) {
      throw err.invalidArgument(location);
    }
    const other = this.findTable(name);
    if (other && other !== t) throw err.alreadyExists(location);
    t.name = name;
  }

  deleteTable(t: TableModel, keepData: boolean): void {
    const i = this.tables.indexOf(t);
    if (i >= 0) this.tables.splice(i, 1);
    if (!keepData) {
      for (const [r, c, cell] of [...t.sheet.presentCells(t.rect)]) {
        cell.v = '';
        delete cell.f;
        delete cell.q;
        t.sheet.tidy(r, c);
      }
    }
  }

  tableSnapshot(t: TableModel): TableSnapshot {
    const body: Rect = { ...t.rect, r0: t.rect.r0 + 1 };
    return {
      id: t.id,
      name: t.name,
      sheet: t.sheet.name,
      address: formatAddress(t.sheet.name, t.rect),
      headerAddress: formatAddress(t.sheet.name, { ...t.rect, r1: t.rect.r0 }),
      bodyAddress: formatAddress(t.sheet.name, body),
      columns: t.columns.map((c) => c.name),
      rowCount: rectRows(body),
      values: t.sheet.grid(body, (r, c) => t.sheet.valueAt(r, c)),
      formulas: t.sheet.grid(body, (r, c) => t.sheet.formulaAt(r, c)),
    };
  }

  /**
   * Adds rows to a table like `TableRowCollection.add(index, values, alwaysInsert = true)`:
   * cells of the table's columns at/below the insertion point shift down; calculated columns and the
   * formats of the row above are carried into the new rows.
   */
  addTableRows(t: TableModel, index: number | undefined, values: unknown[][] | undefined, source: ChangeSource, location: string): Rect {
    const s = t.sheet;
    s.assertUnprotected(location);
    const bodyRows = rectRows(t.rect) - 1;
    const at = index === undefined || index === null ? bodyRows : index;
    if (at < 0 || at > bodyRows) throw err.invalidArgument(location);
    const n = values ? values.length : 1;
    const width = t.columns.length;
    if (values && (n === 0 || values.some((row) => !Array.isArray(row) || row.length !== width))) {
      throw new DoubleExcelError('InvalidArgument', MESSAGES.shapeMismatch, location);
    }
    const r = t.rect.r0 + 1 + at;
    const oldR1 = t.rect.r1;
    const calc = s.calculatedColumns(t, t.rect.r0 + 1, t.rect.r1);
    s.shiftDown(r, n, t.rect.c0, t.rect.c1, source, location, false);
    // Inserting inside the body grew the table (reference rule); appending grows it here.
    if (r > oldR1) {
      t.rect = { ...t.rect, r1: oldR1 + n };
      s.extendConditionalFormats(t, oldR1, t.rect.r1);
    }
    const rect = { r0: r, r1: r + n - 1, c0: t.rect.c0, c1: t.rect.c1 };
    if (values) s.writeContent(rect, values, 'values', source, location);
    for (const [c, f] of calc) {
      const srcRow = f.row >= r ? f.row + n : f.row;
      for (let rr = rect.r0; rr <= rect.r1; rr += 1) {
        const cell = s.cell(rr, c);
        if (cell && (cell.v !== '' || cell.f !== undefined)) continue;
        const dest = s.ensureCell(rr, c);
        dest.f = translateFormula(f.formula, rr - srcRow, 0);
        dest.v = '';
      }
    }
    if (r > t.rect.r0 + 1) {
      // Formats of the row above (shiftDown already copied them; appends need them too).
      for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
        const model = s.cell(r - 1, c);
        if (!model) continue;
        for (let rr = rect.r0; rr <= rect.r1; rr += 1) copyFmt(model, s.ensureCell(rr, c), true);
      }
    }
    return rect;
  }

  // ------------------------------------------------------------ conditional formats

  addConditionalFormat(sheet: DoubleSheet, rect: Rect, type: string, location: string): ConditionalFormatModel {
    sheet.assertUnprotected(location);
    this.cfCounter += 1;
    const cf: ConditionalFormatModel = {
      id: `{CF-${this.cfCounter}}`,
      sheet,
      rect: { ...rect },
      type,
      stopIfTrue: false,
      rule: {},
      format: {},
    };
    // "Adds a new conditional format to the collection at the first/top priority."
    sheet.cfs.unshift(cf);
    return cf;
  }

  findConditionalFormat(id: string): ConditionalFormatModel | undefined {
    for (const s of this.sheets) {
      const cf = s.cfs.find((x) => x.id === id);
      if (cf) return cf;
    }
    return undefined;
  }

  /**
   * ConditionalFormatCollection.clearAll on a range: formats inside the range are removed; one that
   * sticks out is trimmed when the rest is still a rectangle, otherwise removed (Excel would keep
   * the remaining multi-area part; the double does not model multi-area ranges).
   */
  clearConditionalFormats(sheet: DoubleSheet, rect: Rect): void {
    sheet.cfs = sheet.cfs.filter((cf) => {
      const x = intersect(cf.rect, rect);
      if (!x) return true;
      if (contains(rect, cf.rect)) return false;
      const full = x.c0 === cf.rect.c0 && x.c1 === cf.rect.c1;
      const fullRows = x.r0 === cf.rect.r0 && x.r1 === cf.rect.r1;
      if (full && x.r0 === cf.rect.r0) {
        cf.rect = { ...cf.rect, r0: x.r1 + 1 };
        return true;
      }
      if (full && x.r1 === cf.rect.r1) {
        cf.rect = { ...cf.rect, r1: x.r0 - 1 };
        return true;
      }
      if (fullRows && x.c0 === cf.rect.c0) {
        cf.rect = { ...cf.rect, c0: x.c1 + 1 };
        return true;
      }
      if (fullRows && x.c1 === cf.rect.c1) {
        cf.rect = { ...cf.rect, c1: x.c0 - 1 };
        return true;
      }
      return false;
    });
  }

  // ------------------------------------------------------------ tracked ranges and adjustments

  track(sheet: DoubleSheet, rect: Rect): TrackedRange {
    const t: TrackedRange = { sheet, rect: { ...rect }, valid: true };
    this.tracked.add(t);
    return t;
  }

  untrack(t: TrackedRange): void {
    this.tracked.delete(t);
  }

  adjustForInsert(sheet: DoubleSheet, at: number, n: number, c0: number, c1: number): void {
    for (const t of this.tables) if (t.sheet === sheet) t.rect = refAfterInsert(t.rect, at, n, c0, c1);
    for (const cf of sheet.cfs) cf.rect = refAfterInsert(cf.rect, at, n, c0, c1);
    for (const tr of this.tracked) if (tr.sheet === sheet && tr.valid) tr.rect = refAfterInsert(tr.rect, at, n, c0, c1);
    if (this.selection?.sheetId === sheet.id) this.selection.rect = refAfterInsert(this.selection.rect, at, n, c0, c1);
  }

  adjustForDelete(sheet: DoubleSheet, at: number, n: number, c0: number, c1: number): void {
    for (let i = this.tables.length - 1; i >= 0; i -= 1) {
      const t = this.tables[i];
      if (t.sheet !== sheet) continue;
      const next = refAfterDelete(t.rect, at, n, c0, c1);
      if (!next) this.tables.splice(i, 1);
      // A table keeps at least one body row (uncertain which row Excel keeps; the one that moved up).
      else t.rect = next.r1 === next.r0 ? { ...next, r1: next.r0 + 1 } : next;
    }
    sheet.cfs = sheet.cfs.filter((cf) => {
      const next = refAfterDelete(cf.rect, at, n, c0, c1);
      if (next) cf.rect = next;
      return next !== undefined;
    });
    for (const tr of this.tracked) {
      if (tr.sheet !== sheet || !tr.valid) continue;
      const next = refAfterDelete(tr.rect, at, n, c0, c1);
      if (next) tr.rect = next;
      else tr.valid = false;
    }
    if (this.selection?.sheetId === sheet.id) {
      const next = refAfterDelete(this.selection.rect, at, n, c0, c1);
      this.selection.rect = next ?? { r0: Math.min(at, MAX_ROWS - 1), r1: Math.min(at, MAX_ROWS - 1), c0: this.selection.rect.c0, c1: this.selection.rect.c0 };
    }
  }

  // ------------------------------------------------------------ change log

  recordChange(sheet: DoubleSheet, rect: Rect, changeType: ChangeType, source: ChangeSource): void {
    if (this.eventsMuted > 0) return;
    this.changes.push({ sheetId: sheet.id, rect: { ...rect }, changeType, source });
  }

  drainChanges(): ChangeRecord[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  withoutEvents<T>(fn: () => T): T {
    this.eventsMuted += 1;
    try {
      return fn();
    } finally {
      this.eventsMuted -= 1;
    }
  }
}

export function validateSheetName(name: string, location: string): void {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw err.invalidArgument(location);
  }
}
