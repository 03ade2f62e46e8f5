/**
 * `DoubleWorkbook`: sheets, tables (create/rename/delete, appending rows), conditional formats,
 * defined names, tracked ranges moved by row inserts/deletes, and the change log events are made
 * from. Sheets are `DoubleSheet` (sheet.ts).
 */
import { MAX_ROWS, Rect, contains, formatAddress, intersect, isEntireColumns, isEntireRows, rectRows } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { translateFormula } from '../values';
import { refAfterDelete, refAfterInsert } from './references';
import { DoubleSheet } from './sheet';
import {
  ChangeRecord,
  ChangeSource,
  ChangeType,
  ConditionalFormatModel,
  NamedItemModel,
  TableColumnModel,
  TableModel,
  TableSnapshot,
  TrackedRange,
  copyFmt,
} from './types';

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
  /** Defined names (workbook.names), keyed by lower-case name; they share a namespace with tables. */
  readonly names = new Map<string, NamedItemModel>();
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
      if (intersect(t.rect, rect)) throw err.invalidArgument(location, "A table can't overlap another table.");
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
    if (!validName(name)) throw err.invalidArgument(location);
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

/** The workbook's defined names, in insertion order (direct access). */
export function definedNames(wb: DoubleWorkbook): NamedItemModel[] {
  return [...wb.names.values()].map((n) => ({ ...n }));
}

/**
 * Excel's name rules (subset), for table names and defined names alike: a letter, "_" or "\"
 * first; letters, digits, "_", "." after; at most 255 characters; not a cell reference.
 */
export function validName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[rc]$/i.test(name) &&
    !/^r\d*c\d*$/i.test(name)
  );
}
