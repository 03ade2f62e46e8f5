/**
 * The subset of the Excel JavaScript API the double answers, as proxy classes over the model.
 * Every method/property below behaves like Excel's as far as the double models it; anything not
 * here throws (a missing method is a TypeError, an unknown property in load() is NotImplemented).
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
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
import {
  ConditionalFormatModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DoubleSheet,
  DoubleWorkbook,
  Fmt,
  TableModel,
  TrackedRange,
  cloneJson,
  protectionOptions,
} from './model';
import {
  ClientResultDouble,
  CollectionProxy,
  Exec,
  ProxyBase,
  RequestCtx,
  Resolver,
  declareNavs,
  declareScalars,
  payloadSize,
  queueResult,
} from './proxy';
import { normalizeColor } from './values';

// ---------------------------------------------------------------- engine services used by the API

export type HandlerTarget =
  | { kind: 'worksheetChanged'; sheetId: string }
  | { kind: 'worksheetsChanged' }
  | { kind: 'tableChanged'; tableId: string }
  | { kind: 'selectionChanged'; sheetId: string };

export type EventHandler = (args: unknown) => unknown;

export interface ApiServices {
  addHandler(target: HandlerTarget, fn: EventHandler): number;
  removeHandler(id: number): void;
  selectionChanged(sheet: DoubleSheet): void;
  countRowsAdd(): void;
}

function services(p: ProxyBase): ApiServices {
  return (p._ctx.engine as unknown as { services: ApiServices }).services;
}

// ---------------------------------------------------------------- helpers

function sheetOf(p: ProxyBase, x: Exec): DoubleSheet {
  const s = p._resolve(x) as DoubleSheet | null;
  if (s === null || !x.wb.sheets.includes(s)) throw err.itemNotFound(p._typeName);
  return s;
}

function trackIn(x: Exec, sheet: DoubleSheet, rect: Rect): TrackedRange {
  const tr = x.wb.track(sheet, rect);
  x.ctx.ranges.add(tr);
  return tr;
}

function rangeOf(p: ProxyBase, x: Exec): TrackedRange {
  const tr = p._resolve(x) as TrackedRange | null;
  if (tr === null) throw err.itemNotFound(p._typeName);
  if (!tr.valid || !x.wb.sheets.includes(tr.sheet)) throw err.invalidReference(p._typeName);
  return tr;
}

function tableOf(p: ProxyBase, x: Exec): TableModel {
  const t = p._resolve(x) as TableModel | null;
  if (t === null || !x.wb.tables.includes(t)) throw err.itemNotFound(p._typeName);
  return t;
}

function checkRect(r: Rect, location: string): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r0 > r.r1 || r.c0 > r.c1) {
    throw err.invalidArgument(location);
  }
  return r;
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function argInt(n: unknown, location: string): number {
  if (!isInt(n)) throw err.invalidArgument(location);
  return n;
}

function bodyRect(t: TableModel): Rect {
  return { ...t.rect, r0: t.rect.r0 + 1 };
}

function headerRect(t: TableModel): Rect {
  return { ...t.rect, r1: t.rect.r0 };
}

// ---------------------------------------------------------------- events

export class EventHandlerResultDouble {
  _id: number | undefined;
  constructor(
    private readonly owner: ProxyBase,
    private readonly svc: ApiServices,
  ) {}

  get context(): RequestCtx {
    return this.owner._ctx;
  }

  /**
   * Queued on the request context that registered the handler, whatever batch calls it: office.js
   * (1.1.110, `EventHandlerResult.remove` → `EventHandlers.remove` →
   * `this.m_context._pendingRequest._addPendingEventHandlerAction`) and "The same RequestContext
   * object that the handler was added in must be used when removing the handler"
   * (https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult). Removed
   * only when that context syncs again — `Excel.run(result.context, …)` (`xl.runOn`); a remove()
   * inside another Excel.run is never sent and the handler keeps firing.
   */
  remove(): void {
    this.owner._ctx.queue.push({
      label: 'EventHandlerResult.remove',
      run: () => {
        if (this._id !== undefined) this.svc.removeHandler(this._id);
      },
    });
  }
}

export class EventHandlersDouble {
  constructor(
    private readonly owner: ProxyBase,
    private readonly name: string,
    private readonly target: (x: Exec) => HandlerTarget,
  ) {}

  add(handler: EventHandler): EventHandlerResultDouble {
    if (typeof handler !== 'function') throw err.invalidArgument(`${this.owner._typeName}.${this.name}.add`);
    const svc = services(this.owner);
    const result = new EventHandlerResultDouble(this.owner, svc);
    this.owner._queue(`${this.name}.add`, (x) => {
      result._id = svc.addHandler(this.target(x), handler);
    });
    return result;
  }
}

// ---------------------------------------------------------------- Workbook

export class WorkbookProxy extends ProxyBase {
  readonly _typeName = 'Workbook';

  constructor(ctx: RequestCtx) {
    super(ctx, 'workbook', (x) => x.wb);
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this._ctx, 'getSelectedRange()', (x) => {
      const sel = x.wb.selection;
      const sheet = sel ? x.wb.sheetById(sel.sheetId) : undefined;
      if (sel && sheet) return trackIn(x, sheet, sel.rect);
      return trackIn(x, x.wb.activeSheet(), { r0: 0, c0: 0, r1: 0, c1: 0 });
    });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this._ctx, 'getActiveCell()', (x) => {
      const sel = x.wb.selection;
      const sheet = sel ? x.wb.sheetById(sel.sheetId) : undefined;
      if (sel && sheet) return trackIn(x, sheet, { r0: sel.rect.r0, c0: sel.rect.c0, r1: sel.rect.r0, c1: sel.rect.c0 });
      return trackIn(x, x.wb.activeSheet(), { r0: 0, c0: 0, r1: 0, c1: 0 });
    });
  }
}
declareScalars(WorkbookProxy, {
  name: { read: (_p, x) => x.wb.name },
});
declareNavs(WorkbookProxy, {
  worksheets: (p) => new WorksheetCollectionProxy(p._ctx),
  tables: (p) => new TableCollectionProxy(p._ctx, 'workbook.tables', (x) => x.wb, undefined),
  application: (p) => new ApplicationProxy(p._ctx),
});

export class ApplicationProxy extends ProxyBase {
  readonly _typeName = 'Application';
  constructor(ctx: RequestCtx) {
    super(ctx, 'workbook.application', (x) => x.wb);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queue('suspendApiCalculationUntilNextSync', () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue('suspendScreenUpdatingUntilNextSync', () => undefined);
  }
  calculate(_type?: string): void {
    this._queue('calculate', () => undefined);
  }
}
declareScalars(ApplicationProxy, {
  calculationMode: { read: () => 'Automatic' },
});

// ---------------------------------------------------------------- Worksheets

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  readonly _typeName = 'WorksheetCollection';
  readonly onChanged: EventHandlersDouble;
  readonly onSelectionChanged: EventHandlersDouble;

  constructor(ctx: RequestCtx) {
    super(ctx, 'workbook.worksheets', (x) => x.wb);
    this.onChanged = new EventHandlersDouble(this, 'onChanged', () => ({ kind: 'worksheetsChanged' }));
    this.onSelectionChanged = new EventHandlersDouble(this, 'onSelectionChanged', () => ({ kind: 'selectionChanged', sheetId: '*' }));
  }

  _list(x: Exec): unknown[] {
    return [...x.wb.sheets];
  }

  _makeItem(handle: unknown): WorksheetProxy {
    const s = handle as DoubleSheet | undefined;
    return new WorksheetProxy(this._ctx, `worksheets.getItem(${s?.name ?? '?'})`, () => handle)._preset(handle);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, `worksheets.getItem('${key}')`, (x) => {
      const s = x.wb.findSheet(String(key)) ?? x.wb.sheetById(String(key));
      if (!s) throw err.itemNotFound('WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const p = new WorksheetProxy(this._ctx, `worksheets.getItemOrNullObject('${key}')`, (x) => x.wb.findSheet(String(key)) ?? x.wb.sheetById(String(key)) ?? null);
    // *OrNullObject is a method call on the host: it is resolved at the next sync even if unused.
    this._queue('getItemOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this._ctx, 'worksheets.getActiveWorksheet()', (x) => x.wb.activeSheet());
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(this._ctx, 'worksheets.getFirst()', (x) => {
      const s = x.wb.sheets.find((w) => !visibleOnly || w.visibility === 'Visible');
      if (!s) throw err.itemNotFound('WorksheetCollection.getFirst');
      return s;
    });
  }

  getLast(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(this._ctx, 'worksheets.getLast()', (x) => {
      const s = [...x.wb.sheets].reverse().find((w) => !visibleOnly || w.visibility === 'Visible');
      if (!s) throw err.itemNotFound('WorksheetCollection.getLast');
      return s;
    });
  }

  getCount(visibleOnly = false): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => x.wb.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length);
  }

  add(name?: string): WorksheetProxy {
    const p = new WorksheetProxy(this._ctx, `worksheets.add('${name ?? ''}')`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`worksheets.add('${name ?? ''}')`));
    });
    this._queue('add', (x) => {
      p._preset(x.wb.addSheet(name, 'WorksheetCollection.add'));
    });
    return p;
  }
}

export class WorksheetProxy extends ProxyBase {
  readonly _typeName = 'Worksheet';
  readonly onChanged: EventHandlersDouble;
  readonly onSelectionChanged: EventHandlersDouble;

  constructor(ctx: RequestCtx, path: string, resolver: Resolver) {
    super(ctx, path, resolver);
    this.onChanged = new EventHandlersDouble(this, 'onChanged', (x) => ({ kind: 'worksheetChanged', sheetId: sheetOf(this, x).id }));
    this.onSelectionChanged = new EventHandlersDouble(this, 'onSelectionChanged', (x) => ({ kind: 'selectionChanged', sheetId: sheetOf(this, x).id }));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange('${address ?? ''}')`, (x) => {
      const s = sheetOf(this, x);
      if (address === undefined || address === null || address === '') {
        return trackIn(x, s, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });
      }
      const { sheet, local } = splitSheetAddress(String(address));
      if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase()) throw err.invalidArgument('Worksheet.getRange');
      return trackIn(x, s, parseRect(local, 'Worksheet.getRange'));
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, (x) => {
      const s = sheetOf(this, x);
      const loc = 'Worksheet.getRangeByIndexes';
      if (!isInt(startRow) || !isInt(startColumn) || !isInt(rowCount) || !isInt(columnCount) || rowCount < 1 || columnCount < 1) {
        throw err.invalidArgument(loc);
      }
      return trackIn(x, s, checkRect({ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }, loc));
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** "If the worksheet is blank, this function will return the top left cell." */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getUsedRange()`, (x) => {
      const s = sheetOf(this, x);
      return trackIn(x, s, s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const p = new RangeProxy(this._ctx, `${this._path}.getUsedRangeOrNullObject()`, (x) => {
      const s = sheetOf(this, x);
      const r = s.usedRect(valuesOnly);
      return r ? trackIn(x, s, r) : null;
    });
    this._queue('getUsedRangeOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  activate(): void {
    this._queue('activate', (x) => {
      const s = sheetOf(this, x);
      if (s.visibility !== 'Visible') throw err.invalidOperation('Worksheet.activate');
      x.wb.activeSheetId = s.id;
    });
  }

  delete(): void {
    this._queue('delete', (x) => x.wb.deleteSheet(sheetOf(this, x)));
  }
}
declareScalars(WorksheetProxy, {
  name: {
    read: (p, x) => sheetOf(p, x).name,
    write: (p, x, v) => x.wb.renameSheet(sheetOf(p, x), String(v)),
  },
  id: { read: (p, x) => sheetOf(p, x).id },
  position: { read: (p, x) => x.wb.sheets.indexOf(sheetOf(p, x)) },
  visibility: {
    read: (p, x) => sheetOf(p, x).visibility,
    write: (p, x, v) => {
      const s = sheetOf(p, x);
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw err.invalidArgument('Worksheet.visibility');
      if (v !== 'Visible' && x.wb.sheets.filter((w) => w.visibility === 'Visible' && w !== s).length === 0) {
        throw err.invalidOperation('Worksheet.visibility', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v;
    },
  },
  tabColor: {
    read: (p, x) => sheetOf(p, x).tabColor,
    write: (p, x, v) => {
      sheetOf(p, x).tabColor = v === '' || v === null ? '' : normalizeColor(String(v));
    },
  },
  standardWidth: { read: () => 8.43 },
});
declareNavs(WorksheetProxy, {
  tables: (p) => new TableCollectionProxy(p._ctx, `${p._path}.tables`, (x) => sheetOf(p, x), p as WorksheetProxy),
  protection: (p) => new WorksheetProtectionProxy(p._ctx, `${p._path}.protection`, (x) => sheetOf(p, x)),
  freezePanes: (p) => new FreezePanesProxy(p._ctx, `${p._path}.freezePanes`, (x) => sheetOf(p, x)),
});

export class WorksheetProtectionProxy extends ProxyBase {
  readonly _typeName = 'WorksheetProtection';

  /** "Protects a worksheet. Fails if the worksheet has already been protected." */
  protect(options?: Record<string, boolean | string>, password?: string): void {
    this._queue('protect', (x) => {
      const s = sheetOf(this, x);
      if (s.protection.protected) throw err.accessDenied('WorksheetProtection.protect');
      s.protect(options ?? {}, password);
    });
  }

  /**
   * Unprotects; a wrong password fails with AccessDenied. Since mid-2026 Excel also answers
   * AccessDenied when the sheet is not protected (OfficeDev/office-js#6784, reported as a
   * regression); the double does the same, so adapters must check `protected` first.
   */
  unprotect(password?: string): void {
    this._queue('unprotect', (x) => {
      const s = sheetOf(this, x);
      if (!s.protection.protected) throw err.accessDenied('WorksheetProtection.unprotect');
      if (s.protection.password !== undefined && s.protection.password !== '' && s.protection.password !== password) {
        throw err.accessDenied('WorksheetProtection.unprotect');
      }
      s.unprotect();
    });
  }
}
declareScalars(WorksheetProtectionProxy, {
  protected: { read: (p, x) => sheetOf(p, x).protection.protected },
  options: { read: (p, x) => protectionOptions(sheetOf(p, x).protection) },
  isPasswordProtected: { read: (p, x) => !!sheetOf(p, x).protection.password },
});

export class FreezePanesProxy extends ProxyBase {
  readonly _typeName = 'WorksheetFreezePanes';

  freezeRows(count = 1): void {
    this._queue('freezeRows', (x) => {
      const s = sheetOf(this, x);
      if (!isInt(count) || count < 0 || count >= MAX_ROWS) throw err.invalidArgument('WorksheetFreezePanes.freezeRows');
      s.freezeRows = count;
      s.freezeColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._queue('freezeColumns', (x) => {
      const s = sheetOf(this, x);
      if (!isInt(count) || count < 0 || count >= MAX_COLS) throw err.invalidArgument('WorksheetFreezePanes.freezeColumns');
      s.freezeColumns = count;
      s.freezeRows = 0;
    });
  }

  unfreeze(): void {
    this._queue('unfreeze', (x) => {
      const s = sheetOf(this, x);
      s.freezeRows = 0;
      s.freezeColumns = 0;
    });
  }

  getLocationOrNullObject(): RangeProxy {
    const p = new RangeProxy(this._ctx, `${this._path}.getLocationOrNullObject()`, (x) => {
      const s = sheetOf(this, x);
      if (s.freezeRows > 0) return trackIn(x, s, { r0: 0, r1: s.freezeRows - 1, c0: 0, c1: MAX_COLS - 1 });
      if (s.freezeColumns > 0) return trackIn(x, s, { r0: 0, r1: MAX_ROWS - 1, c0: 0, c1: s.freezeColumns - 1 });
      return null;
    });
    this._queue('getLocationOrNullObject', (x) => void p._resolve(x));
    return p;
  }
}

// ---------------------------------------------------------------- Range

type Shift = 'Down' | 'Right' | 'Up' | 'Left';

interface FindCriteria {
  completeMatch?: boolean;
  matchCase?: boolean;
  searchDirection?: 'Forward' | 'Backwards' | string;
}

export class RangeProxy extends ProxyBase {
  readonly _typeName = 'Range';

  private derived(label: string, f: (tr: TrackedRange, x: Exec) => Rect | null): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.${label}`, (x) => {
      const tr = rangeOf(this, x);
      const r = f(tr, x);
      if (r === null) return null;
      return trackIn(x, tr.sheet, checkRect(r, `Range.${label.replace(/\(.*/, '')}`));
    });
  }

  /** "The cell can be outside the bounds of its parent range, so long as it stays within the worksheet grid." */
  getCell(row: number, column: number): RangeProxy {
    return this.derived(`getCell(${row},${column})`, (tr) => {
      const r = tr.rect.r0 + argInt(row, 'Range.getCell');
      const c = tr.rect.c0 + argInt(column, 'Range.getCell');
      return { r0: r, r1: r, c0: c, c1: c };
    });
  }

  getRow(row: number): RangeProxy {
    return this.derived(`getRow(${row})`, (tr) => {
      const r = tr.rect.r0 + argInt(row, 'Range.getRow');
      return { r0: r, r1: r, c0: tr.rect.c0, c1: tr.rect.c1 };
    });
  }

  getColumn(column: number): RangeProxy {
    return this.derived(`getColumn(${column})`, (tr) => {
      const c = tr.rect.c0 + argInt(column, 'Range.getColumn');
      return { r0: tr.rect.r0, r1: tr.rect.r1, c0: c, c1: c };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (tr) => {
      const dr = argInt(rowOffset, 'Range.getOffsetRange');
      const dc = argInt(columnOffset, 'Range.getOffsetRange');
      return { r0: tr.rect.r0 + dr, r1: tr.rect.r1 + dr, c0: tr.rect.c0 + dc, c1: tr.rect.c1 + dc };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (tr) => ({
      ...tr.rect,
      r1: tr.rect.r1 + argInt(deltaRows, 'Range.getResizedRange'),
      c1: tr.rect.c1 + argInt(deltaColumns, 'Range.getResizedRange'),
    }));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this.derived(`getRowsBelow(${count})`, (tr) => {
      const n = argInt(count, 'Range.getRowsBelow');
      if (n < 1) throw err.invalidArgument('Range.getRowsBelow');
      return { ...tr.rect, r0: tr.rect.r1 + 1, r1: tr.rect.r1 + n };
    });
  }

  getRowsAbove(count = 1): RangeProxy {
    return this.derived(`getRowsAbove(${count})`, (tr) => {
      const n = argInt(count, 'Range.getRowsAbove');
      if (n < 1) throw err.invalidArgument('Range.getRowsAbove');
      return { ...tr.rect, r0: tr.rect.r0 - n, r1: tr.rect.r0 - 1 };
    });
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this.derived(`getColumnsAfter(${count})`, (tr) => ({ ...tr.rect, c0: tr.rect.c1 + 1, c1: tr.rect.c1 + argInt(count, 'Range.getColumnsAfter') }));
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this.derived(`getColumnsBefore(${count})`, (tr) => ({ ...tr.rect, c0: tr.rect.c0 - argInt(count, 'Range.getColumnsBefore'), c1: tr.rect.c0 - 1 }));
  }

  getLastRow(): RangeProxy {
    return this.derived('getLastRow()', (tr) => ({ ...tr.rect, r0: tr.rect.r1 }));
  }

  getLastColumn(): RangeProxy {
    return this.derived('getLastColumn()', (tr) => ({ ...tr.rect, c0: tr.rect.c1 }));
  }

  getLastCell(): RangeProxy {
    return this.derived('getLastCell()', (tr) => ({ r0: tr.rect.r1, r1: tr.rect.r1, c0: tr.rect.c1, c1: tr.rect.c1 }));
  }

  getEntireRow(): RangeProxy {
    return this.derived('getEntireRow()', (tr) => ({ ...tr.rect, c0: 0, c1: MAX_COLS - 1 }));
  }

  getEntireColumn(): RangeProxy {
    return this.derived('getEntireColumn()', (tr) => ({ ...tr.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }

  private otherRect(other: RangeProxy | string, tr: TrackedRange, x: Exec, location: string): Rect {
    if (typeof other === 'string') {
      const { sheet, local } = splitSheetAddress(other);
      if (sheet !== undefined && sheet.toLowerCase() !== tr.sheet.name.toLowerCase()) throw err.invalidArgument(location);
      return parseRect(local, location);
    }
    this._sameContext(other);
    const o = rangeOf(other, x);
    if (o.sheet !== tr.sheet) throw err.invalidArgument(location);
    return o.rect;
  }

  /**
   * Range.find (ExcelApi 1.9): the first cell whose shown text matches, searched row by row
   * (forward) or backwards; runs at sync time, on the workbook as it is then — which is why the
   * adapter locates a row by 编号 with it instead of trusting a row index read earlier.
   * - "If the current range is larger than a single cell, then the search will be limited to that
   *   range, else the search will cover the entire sheet starting after that cell"
   *   (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-find-member(1)):
   *   a one-cell range (a one-row table's column body!) searches the whole sheet, from the next
   *   cell on, wrapping round to the cell itself last.
   * - A partial match (completeMatch false) is a cell that *begins with* the text
   *   (OfficeDev/office-js-docs-reference#505, from observed behaviour; the reference page's own
   *   example says "a substring" — the double takes the narrower reading; adapter code must use
   *   completeMatch only).
   */
  private findRect(text: string, criteria: FindCriteria | undefined, tr: TrackedRange): Rect | null {
    const complete = criteria?.completeMatch ?? false;
    const matchCase = criteria?.matchCase ?? false;
    const norm = (s: string) => (matchCase ? s : s.toLowerCase());
    const needle = norm(String(text));
    const backwards = criteria?.searchDirection === 'Backwards';
    const single = tr.rect.r0 === tr.rect.r1 && tr.rect.c0 === tr.rect.c1;
    const used = single ? tr.sheet.usedRect(false) : undefined;
    const area = used
      ? { r0: Math.min(used.r0, tr.rect.r0), r1: Math.max(used.r1, tr.rect.r1), c0: Math.min(used.c0, tr.rect.c0), c1: Math.max(used.c1, tr.rect.c1) }
      : tr.rect;
    const { r0, r1, c0, c1 } = area;
    const width = c1 - c0 + 1;
    const total = (r1 - r0 + 1) * width;
    // cells in row order; a single cell's search starts after it (before it, backwards) and wraps
    const startAt = single ? (tr.rect.r0 - r0) * width + (tr.rect.c0 - c0) : backwards ? 0 : -1;
    for (let k = 1; k <= total; k += 1) {
      const i = single ? (((startAt + (backwards ? -k : k)) % total) + total) % total : backwards ? total - k : k - 1;
      const r = r0 + Math.floor(i / width);
      const c = c0 + (i % width);
      const hay = norm(tr.sheet.textAt(r, c));
      if (complete ? hay === needle : hay.startsWith(needle)) return { r0: r, r1: r, c0: c, c1: c };
    }
    return null;
  }

  find(text: string, criteria?: FindCriteria): RangeProxy {
    return this.derived('find()', (tr) => {
      const r = this.findRect(text, criteria, tr);
      if (!r) throw err.itemNotFound('Range.find');
      return r;
    });
  }

  findOrNullObject(text: string, criteria?: FindCriteria): RangeProxy {
    const p = this.derived('findOrNullObject()', (tr) => this.findRect(text, criteria, tr));
    this._queue('findOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  getIntersection(other: RangeProxy | string): RangeProxy {
    return this.derived('getIntersection()', (tr, x) => {
      const r = intersect(tr.rect, this.otherRect(other, tr, x, 'Range.getIntersection'));
      if (!r) throw err.itemNotFound('Range.getIntersection');
      return r;
    });
  }

  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    const p = this.derived('getIntersectionOrNullObject()', (tr, x) => intersect(tr.rect, this.otherRect(other, tr, x, 'Range.getIntersectionOrNullObject')) ?? null);
    this._queue('getIntersectionOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived('getBoundingRect()', (tr, x) => {
      const o = this.otherRect(other, tr, x, 'Range.getBoundingRect');
      return { r0: Math.min(tr.rect.r0, o.r0), r1: Math.max(tr.rect.r1, o.r1), c0: Math.min(tr.rect.c0, o.c0), c1: Math.max(tr.rect.c1, o.c1) };
    });
  }

  /** "If there are no used cells within the range, this function will throw an ItemNotFound error." */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.derived('getUsedRange()', (tr) => {
      const used = tr.sheet.usedRect(valuesOnly);
      const r = used && intersect(used, tr.rect);
      if (!r) throw err.itemNotFound('Range.getUsedRange');
      return r;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const p = this.derived('getUsedRangeOrNullObject()', (tr) => {
      const used = tr.sheet.usedRect(valuesOnly);
      return (used && intersect(used, tr.rect)) ?? null;
    });
    this._queue('getUsedRangeOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  clear(applyTo: string = 'All'): void {
    this._queue('clear', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.clear(tr.rect, applyTo, x.source, 'Range.clear');
    });
  }

  /** Inserts cells of this range's shape; returns the new (blank) cells. Only 'Down' is modelled. */
  insert(shift: Shift): RangeProxy {
    const p = new RangeProxy(this._ctx, `${this._path}.insert('${shift}')`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.insert`));
    });
    this._queue('insert', (x) => {
      const tr = rangeOf(this, x);
      const s = tr.sheet;
      const rect = tr.rect;
      const loc = 'Range.insert';
      if (shift !== 'Down') throw err.notModelled(`Range.insert('${shift}')`);
      if (isEntireColumns(rect)) throw err.invalidArgument(loc);
      if (isEntireRows(rect)) s.assertAllowed('allowInsertRows', loc);
      else s.assertUnprotected(loc);
      const inserted = s.shiftDown(rect.r0, rectRows(rect), rect.c0, rect.c1, x.source, loc);
      p._preset(trackIn(x, s, inserted));
    });
    return p;
  }

  /** Deletes the cells, shifting the rest up. Only 'Up' is modelled. */
  delete(shift: Shift): void {
    this._queue('delete', (x) => {
      const tr = rangeOf(this, x);
      const s = tr.sheet;
      const rect = tr.rect;
      const loc = 'Range.delete';
      if (shift !== 'Up') throw err.notModelled(`Range.delete('${shift}')`);
      if (isEntireColumns(rect)) throw err.invalidArgument(loc);
      if (isEntireRows(rect)) {
        s.assertAllowed('allowDeleteRows', loc);
        s.assertEditable(rect, loc);
      } else s.assertUnprotected(loc);
      s.shiftUp(rect.r0, rectRows(rect), rect.c0, rect.c1, x.source, loc);
    });
  }

  select(): void {
    this._queue('select', (x) => {
      const tr = rangeOf(this, x);
      x.wb.activeSheetId = tr.sheet.id;
      x.wb.selection = { sheetId: tr.sheet.id, rect: { ...tr.rect } };
      services(this).selectionChanged(tr.sheet);
    });
  }
}

function rangeGrid<T>(p: ProxyBase, x: Exec, at: (s: DoubleSheet, r: number, c: number) => T, big = false): T[][] {
  const tr = rangeOf(p, x);
  const g = tr.sheet.grid(tr.rect, (r, c) => at(tr.sheet, r, c));
  if (big) x.responseBytes += payloadSize(g);
  return g;
}

declareScalars(RangeProxy, {
  address: { read: (p, x) => { const tr = rangeOf(p, x); return formatAddress(tr.sheet.name, tr.rect); } },
  addressLocal: { read: (p, x) => { const tr = rangeOf(p, x); return formatAddress(tr.sheet.name, tr.rect); } },
  rowCount: { read: (p, x) => rectRows(rangeOf(p, x).rect) },
  columnCount: { read: (p, x) => rectCols(rangeOf(p, x).rect) },
  cellCount: { read: (p, x) => rectRows(rangeOf(p, x).rect) * rectCols(rangeOf(p, x).rect) },
  rowIndex: { read: (p, x) => rangeOf(p, x).rect.r0 },
  columnIndex: { read: (p, x) => rangeOf(p, x).rect.c0 },
  isEntireRow: { read: (p, x) => isEntireRows(rangeOf(p, x).rect) },
  isEntireColumn: { read: (p, x) => isEntireColumns(rangeOf(p, x).rect) },
  values: {
    read: (p, x) => rangeGrid(p, x, (s, r, c) => s.valueAt(r, c), true),
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.writeContent(tr.rect, v, 'values', x.source, 'Range.values');
    },
    bytes: true,
  },
  formulas: {
    read: (p, x) => rangeGrid(p, x, (s, r, c) => s.formulaAt(r, c), true),
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.writeContent(tr.rect, v, 'formulas', x.source, 'Range.formulas');
    },
    bytes: true,
  },
  formulasLocal: {
    read: (p, x) => rangeGrid(p, x, (s, r, c) => s.formulaAt(r, c), true),
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.writeContent(tr.rect, v, 'formulas', x.source, 'Range.formulasLocal');
    },
    bytes: true,
    explicitOnly: true,
  },
  numberFormat: {
    read: (p, x) => rangeGrid(p, x, (s, r, c) => s.fmtAt(r, c, 'numberFormat') ?? 'General', true),
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      const s = tr.sheet;
      const loc = 'Range.numberFormat';
      s.assertAllowed('allowFormatCells', loc);
      const grid = s.shapeInput(tr.rect, v, loc, true);
      if (!grid) {
        const one = Array.isArray(v) ? (v as unknown[][])[0][0] : v;
        if (typeof one !== 'string') throw err.invalidArgument(loc);
        s.setFmt(tr.rect, 'numberFormat', one);
        return;
      }
      grid.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          if (typeof f !== 'string') throw err.invalidArgument(loc);
          const r = tr.rect.r0 + i;
          const c = tr.rect.c0 + j;
          s.setFmt({ r0: r, r1: r, c0: c, c1: c }, 'numberFormat', f);
        }),
      );
    },
    bytes: true,
  },
  text: { read: (p, x) => rangeGrid(p, x, (s, r, c) => s.textAt(r, c), true) },
  valueTypes: { read: (p, x) => rangeGrid(p, x, (s, r, c) => s.valueTypeAt(r, c), true) },
});
declareNavs(RangeProxy, {
  format: (p) => new RangeFormatProxy(p._ctx, `${p._path}.format`, (x) => rangeOf(p, x)),
  worksheet: (p) => new WorksheetProxy(p._ctx, `${p._path}.worksheet`, (x) => rangeOf(p, x).sheet),
  dataValidation: (p) => new DataValidationProxy(p._ctx, `${p._path}.dataValidation`, (x) => rangeOf(p, x)),
  conditionalFormats: (p) => new ConditionalFormatCollectionProxy(p._ctx, `${p._path}.conditionalFormats`, (x) => rangeOf(p, x)),
});

// ---------------------------------------------------------------- Range format

export class RangeFormatProxy extends ProxyBase {
  readonly _typeName = 'RangeFormat';

  /** Not modelled beyond queueing: Excel measures rendered text, the double has no fonts. */
  autofitColumns(): void {
    this._queue('autofitColumns', (x) => void rangeOf(this, x));
  }

  autofitRows(): void {
    this._queue('autofitRows', (x) => void rangeOf(this, x));
  }
}

function fmtScalar(key: 'wrapText' | 'horizontalAlignment', option = 'allowFormatCells') {
  return {
    read: (p: ProxyBase, x: Exec) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, key);
    },
    write: (p: ProxyBase, x: Exec, v: unknown) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed(option, `RangeFormat.${key}`);
      tr.sheet.setFmt(tr.rect, key, v as never);
    },
  };
}

declareScalars(RangeFormatProxy, {
  columnWidth: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const s = tr.sheet;
      let w: number | undefined;
      const cols = isEntireRows(tr.rect) ? [...s.colWidth.keys(), -1] : Array.from({ length: rectCols(tr.rect) }, (_, i) => tr.rect.c0 + i);
      for (const c of cols) {
        const cw = c < 0 ? DEFAULT_COLUMN_WIDTH : s.colWidth.get(c) ?? DEFAULT_COLUMN_WIDTH;
        if (w === undefined) w = cw;
        else if (w !== cw) return null;
      }
      return w ?? DEFAULT_COLUMN_WIDTH;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatColumns', 'RangeFormat.columnWidth');
      if (typeof v !== 'number' || !(v >= 0)) throw err.invalidArgument('RangeFormat.columnWidth');
      for (let c = tr.rect.c0; c <= tr.rect.c1; c += 1) tr.sheet.colWidth.set(c, v);
    },
  },
  rowHeight: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      let h: number | undefined;
      const rows = isEntireColumns(tr.rect) ? [...tr.sheet.rowHeight.keys(), -1] : Array.from({ length: rectRows(tr.rect) }, (_, i) => tr.rect.r0 + i);
      for (const r of rows) {
        const rh = r < 0 ? DEFAULT_ROW_HEIGHT : tr.sheet.rowHeight.get(r) ?? DEFAULT_ROW_HEIGHT;
        if (h === undefined) h = rh;
        else if (h !== rh) return null;
      }
      return h ?? DEFAULT_ROW_HEIGHT;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatRows', 'RangeFormat.rowHeight');
      if (typeof v !== 'number' || !(v >= 0)) throw err.invalidArgument('RangeFormat.rowHeight');
      for (let r = tr.rect.r0; r <= tr.rect.r1; r += 1) tr.sheet.rowHeight.set(r, v);
    },
  },
  wrapText: fmtScalar('wrapText'),
  horizontalAlignment: fmtScalar('horizontalAlignment'),
  /** Excel.VerticalAlignment; anything else is InvalidArgument. Mixed reads null. */
  verticalAlignment: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'verticalAlignment');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFormat.verticalAlignment');
      if (typeof v !== 'string' || !VERTICAL_ALIGNMENTS.includes(v)) throw err.invalidArgument('RangeFormat.verticalAlignment');
      tr.sheet.setFmt(tr.rect, 'verticalAlignment', v);
    },
  },
});
declareNavs(RangeFormatProxy, {
  fill: (p) => new RangeFillProxy(p._ctx, `${p._path}.fill`, (x) => rangeOf(p, x)),
  font: (p) => new RangeFontProxy(p._ctx, `${p._path}.font`, (x) => rangeOf(p, x)),
  protection: (p) => new FormatProtectionProxy(p._ctx, `${p._path}.protection`, (x) => rangeOf(p, x)),
  borders: (p) => new RangeBorderCollectionProxy(p._ctx, `${p._path}.borders`, (x) => rangeOf(p, x)),
});

const VERTICAL_ALIGNMENTS = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class RangeFillProxy extends ProxyBase {
  readonly _typeName = 'RangeFill';
  clear(): void {
    this._queue('clear', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFill.clear');
      tr.sheet.setFmt(tr.rect, 'fill', '');
    });
  }
}
declareScalars(RangeFillProxy, {
  /** No fill reads as "#FFFFFF" (what Excel reports for an unfilled cell); mixed fills read null. */
  color: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const v = tr.sheet.uniformFmt(tr.rect, 'fill');
      return v === null ? null : v === '' ? '#FFFFFF' : v;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFill.color');
      let c: string;
      try {
        c = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('RangeFill.color');
      }
      tr.sheet.setFmt(tr.rect, 'fill', c);
    },
  },
});

export class RangeFontProxy extends ProxyBase {
  readonly _typeName = 'RangeFont';
}
declareScalars(RangeFontProxy, {
  bold: {
    read: (p, x) => { const tr = rangeOf(p, x); return tr.sheet.uniformFmt(tr.rect, 'bold'); },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.bold');
      tr.sheet.setFmt(tr.rect, 'bold', v === true);
    },
  },
  italic: {
    read: (p, x) => { const tr = rangeOf(p, x); return tr.sheet.uniformFmt(tr.rect, 'italic'); },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.italic');
      tr.sheet.setFmt(tr.rect, 'italic', v === true);
    },
  },
  color: {
    read: (p, x) => { const tr = rangeOf(p, x); return tr.sheet.uniformFmt(tr.rect, 'fontColor'); },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.color');
      let c: string;
      try {
        c = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('RangeFont.color');
      }
      tr.sheet.setFmt(tr.rect, 'fontColor', c);
    },
  },
  /** "The name's length should not be greater than 31 characters." Any face name is accepted (Excel does not check it is installed). */
  name: {
    read: (p, x) => { const tr = rangeOf(p, x); return tr.sheet.uniformFmt(tr.rect, 'fontName'); },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.name');
      if (typeof v !== 'string' || v.trim() === '' || v.length > 31) throw err.invalidArgument('RangeFont.name');
      tr.sheet.setFmt(tr.rect, 'fontName', v);
    },
  },
  /** Points, 1–409 as in Excel's UI (stored as given; Excel may round to half points). */
  size: {
    read: (p, x) => { const tr = rangeOf(p, x); return tr.sheet.uniformFmt(tr.rect, 'fontSize'); },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.size');
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 409) throw err.invalidArgument('RangeFont.size');
      tr.sheet.setFmt(tr.rect, 'fontSize', v);
    },
  },
});

// ---------------------------------------------------------------- Range borders

/** Excel.BorderIndex, in the order RangeBorderCollection.items lists them (uncertain: Excel's own order/count). */
export const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
/** Excel.BorderLineStyle */
export const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
/** Excel.BorderWeight */
export const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

type BorderKey = 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight';

/**
 * The cell edges a BorderIndex of `rect` stands for. Each edge is stored on the range's own cells
 * only (EdgeTop is the top edge of the first row's cells, not also the bottom edge of the row
 * above); inside borders are stored on both cells that share the edge. Diagonals: none (not modelled).
 */
function borderTargets(rect: Rect, side: string): { rect: Rect; key: BorderKey }[] {
  switch (side) {
    case 'EdgeTop':
      return [{ rect: { ...rect, r1: rect.r0 }, key: 'borderTop' }];
    case 'EdgeBottom':
      return [{ rect: { ...rect, r0: rect.r1 }, key: 'borderBottom' }];
    case 'EdgeLeft':
      return [{ rect: { ...rect, c1: rect.c0 }, key: 'borderLeft' }];
    case 'EdgeRight':
      return [{ rect: { ...rect, c0: rect.c1 }, key: 'borderRight' }];
    case 'InsideHorizontal':
      if (rect.r0 === rect.r1) return [];
      return [
        { rect: { ...rect, r1: rect.r1 - 1 }, key: 'borderBottom' },
        { rect: { ...rect, r0: rect.r0 + 1 }, key: 'borderTop' },
      ];
    case 'InsideVertical':
      if (rect.c0 === rect.c1) return [];
      return [
        { rect: { ...rect, c1: rect.c1 - 1 }, key: 'borderRight' },
        { rect: { ...rect, c0: rect.c0 + 1 }, key: 'borderLeft' },
      ];
    default:
      return [];
  }
}

/**
 * Sets `key` over `full` except on `strip` (one row or one column at its edge), which keeps the
 * values it had. Used so that whole-column/whole-row inside borders go through the sheet's
 * column/row/sheet format layers instead of a million cells.
 */
function setFmtExceptStrip(s: DoubleSheet, full: Rect, strip: Rect, key: BorderKey, value: string): void {
  if (strip.r0 === strip.r1 && isEntireRows(strip)) {
    // A whole sheet row (only for a whole-sheet range): the row layer holds the common value, cells the rest.
    const r = strip.r0;
    const special = new Set<number>(s.colFmt.keys());
    for (const [, c] of s.presentCells(strip)) special.add(c);
    let plainCol = -1;
    for (let c = 0; c < MAX_COLS && plainCol < 0; c += 1) if (!special.has(c)) plainCol = c;
    const plain = plainCol >= 0 ? s.fmtAt(r, plainCol, key) : undefined;
    const prior = [...special].map((c) => [c, s.fmtAt(r, c, key)] as const);
    s.setFmt(full, key, value);
    if (plain !== undefined && plain !== null) {
      const f: Fmt = s.rowFmt.get(r) ?? {};
      f[key] = plain;
      s.rowFmt.set(r, f);
    }
    for (const [c, v] of prior) if (v !== null && s.fmtAt(r, c, key) !== v) s.ensureCell(r, c)[key] = v;
    return;
  }
  const prior: [number, number, string | null][] = [];
  for (let r = strip.r0; r <= strip.r1; r += 1) for (let c = strip.c0; c <= strip.c1; c += 1) prior.push([r, c, s.fmtAt(r, c, key)]);
  s.setFmt(full, key, value);
  for (const [r, c, v] of prior) if (v !== null && s.fmtAt(r, c, key) !== v) s.ensureCell(r, c)[key] = v;
}

/** Applies a border line style to one BorderIndex of a range. */
export function setBorderStyle(s: DoubleSheet, rect: Rect, side: string, style: string): void {
  const cols = isEntireColumns(rect);
  const rows = isEntireRows(rect);
  if (side === 'InsideHorizontal' && cols && rect.r0 !== rect.r1) {
    // Whole columns: the bottom edges go on whole columns (so the sheet's last row gets one too —
    // a deviation nobody prints), the top edges on whole columns except row 1, which keeps its own.
    s.setFmt(rect, 'borderBottom', style);
    setFmtExceptStrip(s, rect, { ...rect, r1: rect.r0 }, 'borderTop', style);
    return;
  }
  if (side === 'InsideVertical' && rows && !cols && rect.c0 !== rect.c1) {
    s.setFmt(rect, 'borderRight', style);
    setFmtExceptStrip(s, rect, { ...rect, c1: rect.c0 }, 'borderLeft', style);
    return;
  }
  for (const t of borderTargets(rect, side)) s.setFmt(t.rect, t.key, style);
}

/** The line style of one BorderIndex of a range: common style, or null when the edges differ. */
export function borderStyleOf(s: DoubleSheet, rect: Rect, side: string): string | null {
  let out: string | undefined;
  for (const t of borderTargets(rect, side)) {
    const v = s.uniformFmt(t.rect, t.key);
    if (v === null) return null;
    if (out === undefined) out = v;
    else if (out !== v) return null;
  }
  return out ?? 'None';
}

interface BorderHandle {
  tr: TrackedRange;
  side: string;
}

function borderOf(p: ProxyBase, x: Exec): BorderHandle {
  const h = p._resolve(x) as BorderHandle | null;
  if (h === null) throw err.itemNotFound(p._typeName);
  if (!h.tr.valid || !x.wb.sheets.includes(h.tr.sheet)) throw err.invalidReference(p._typeName);
  return h;
}

/** `range.format.borders`: one RangeBorder per Excel.BorderIndex. */
export class RangeBorderCollectionProxy extends CollectionProxy<RangeBorderProxy> {
  readonly _typeName = 'RangeBorderCollection';

  _list(x: Exec): unknown[] {
    const tr = rangeOf(this, x);
    return BORDER_INDEXES.map((side) => ({ tr, side }) satisfies BorderHandle);
  }

  _makeItem(handle: unknown): RangeBorderProxy {
    return new RangeBorderProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle ?? null);
  }

  /** An index that is not an Excel.BorderIndex fails with InvalidArgument when the border is used. */
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this._ctx, `${this._path}.getItem('${index}')`, (x) => {
      const tr = rangeOf(this, x);
      if (!BORDER_INDEXES.includes(index)) throw err.invalidArgument('RangeBorderCollection.getItem');
      return { tr, side: index } satisfies BorderHandle;
    });
  }

  getItemAt(index: number): RangeBorderProxy {
    return new RangeBorderProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const tr = rangeOf(this, x);
      if (!isInt(index) || index < 0 || index >= BORDER_INDEXES.length) throw err.itemNotFound('RangeBorderCollection.getItemAt');
      return { tr, side: BORDER_INDEXES[index] } satisfies BorderHandle;
    });
  }
}
declareScalars(RangeBorderCollectionProxy, {
  count: { read: () => BORDER_INDEXES.length },
});

/**
 * `RangeBorder`: `style` is modelled per cell edge (see borderTargets); `color` and `weight` are
 * validated and accepted but not stored (they read '#000000' and 'Thin'). DiagonalDown/DiagonalUp
 * accept writes and ignore them; they read 'None'. Writes need allowFormatCells on a protected sheet.
 */
export class RangeBorderProxy extends ProxyBase {
  readonly _typeName = 'RangeBorder';
}
declareScalars(RangeBorderProxy, {
  sideIndex: { read: (p, x) => borderOf(p, x).side },
  style: {
    read: (p, x) => {
      const { tr, side } = borderOf(p, x);
      return borderStyleOf(tr.sheet, tr.rect, side);
    },
    write: (p, x, v) => {
      const { tr, side } = borderOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeBorder.style');
      if (typeof v !== 'string' || !BORDER_STYLES.includes(v)) throw err.invalidArgument('RangeBorder.style');
      setBorderStyle(tr.sheet, tr.rect, side, v);
    },
  },
  color: {
    read: (p, x) => {
      borderOf(p, x);
      return '#000000';
    },
    write: (p, x, v) => {
      const { tr } = borderOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeBorder.color');
      try {
        normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('RangeBorder.color');
      }
    },
  },
  weight: {
    read: (p, x) => {
      borderOf(p, x);
      return 'Thin';
    },
    write: (p, x, v) => {
      const { tr } = borderOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeBorder.weight');
      if (typeof v !== 'string' || !BORDER_WEIGHTS.includes(v)) throw err.invalidArgument('RangeBorder.weight');
    },
  },
});

export class FormatProtectionProxy extends ProxyBase {
  readonly _typeName = 'FormatProtection';
}
declareScalars(FormatProtectionProxy, {
  /** Per cell, default true. Cannot be changed while the sheet is protected. */
  locked: {
    read: (p, x) => { const tr = rangeOf(p, x); return tr.sheet.uniformFmt(tr.rect, 'locked'); },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertUnprotected('FormatProtection.locked');
      if (typeof v !== 'boolean') throw err.invalidArgument('FormatProtection.locked');
      tr.sheet.setFmt(tr.rect, 'locked', v);
    },
  },
});

// ---------------------------------------------------------------- data validation

const VALIDATION_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

export class DataValidationProxy extends ProxyBase {
  readonly _typeName = 'DataValidation';

  clear(): void {
    this._queue('clear', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertUnprotected('DataValidation.clear');
      tr.sheet.setFmt(tr.rect, 'validation', null);
    });
  }
}

function validationField(key: 'ignoreBlanks' | 'prompt' | 'errorAlert') {
  return {
    read: (p: ProxyBase, x: Exec) => {
      const tr = rangeOf(p, x);
      const v = tr.sheet.uniformFmt(tr.rect, 'validation');
      if (key === 'ignoreBlanks') return v ? v.ignoreBlanks : true;
      return v?.[key] ? cloneJson(v[key]) : key === 'prompt' ? { showPrompt: false, title: '', message: '' } : { showAlert: true, style: 'Stop', title: '', message: '' };
    },
    write: (p: ProxyBase, x: Exec, value: unknown) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertUnprotected(`DataValidation.${key}`);
      const { rows, cols } = tr.sheet.representatives(tr.rect);
      const current = tr.sheet.fmtAt(rows[0], cols[0], 'validation');
      const next = { ...(current ?? { rule: {}, ignoreBlanks: true }), [key]: value };
      tr.sheet.setFmt(tr.rect, 'validation', next as never);
    },
  };
}

declareScalars(DataValidationProxy, {
  /**
   * Setting a rule replaces the validation of every cell in the range. A range whose cells differ
   * reads type "Inconsistent" and an empty rule.
   */
  rule: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const v = tr.sheet.uniformFmt(tr.rect, 'validation');
      return v ? cloneJson(v.rule) : {};
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertUnprotected('DataValidation.rule');
      if (!v || typeof v !== 'object') throw err.invalidArgument('DataValidation.rule');
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (keys.length !== 1 || !VALIDATION_TYPES[keys[0]]) throw err.invalidArgument('DataValidation.rule');
      tr.sheet.setFmt(tr.rect, 'validation', { rule: v as Record<string, unknown>, ignoreBlanks: true });
    },
  },
  type: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const { rows, cols } = tr.sheet.representatives(tr.rect);
      const kinds = new Set<string>();
      for (const r of rows) for (const c of cols) {
        const v = tr.sheet.fmtAt(r, c, 'validation');
        kinds.add(v ? VALIDATION_TYPES[Object.keys(v.rule)[0]] ?? 'Custom' : 'None');
      }
      if (kinds.size > 1) return 'Inconsistent';
      const only = [...kinds][0] ?? 'None';
      if (only !== 'None' && tr.sheet.uniformFmt(tr.rect, 'validation') === null) return 'MixedCriteria';
      return only;
    },
  },
  /** The double does not evaluate validation rules; every value counts as valid. */
  valid: { read: () => true },
  ignoreBlanks: validationField('ignoreBlanks'),
  prompt: validationField('prompt'),
  errorAlert: validationField('errorAlert'),
});

// ---------------------------------------------------------------- conditional formats

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatProxy> {
  readonly _typeName = 'ConditionalFormatCollection';

  _list(x: Exec): unknown[] {
    const tr = rangeOf(this, x);
    return tr.sheet.cfs.filter((cf) => intersect(cf.rect, tr.rect));
  }

  _makeItem(handle: unknown): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle);
  }

  /** "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(this._ctx, `${this._path}.add('${type}')`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const tr = rangeOf(this, x);
      const allowed = ['Custom', 'CellValue', 'ColorScale', 'DataBar', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText'];
      if (!allowed.includes(type)) throw err.invalidArgument('ConditionalFormatCollection.add');
      p._preset(x.wb.addConditionalFormat(tr.sheet, tr.rect, type, 'ConditionalFormatCollection.add'));
    });
    return p;
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => this._list(x).length);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const list = this._list(x);
      if (!isInt(index) || index < 0 || index >= list.length) throw err.itemNotFound('ConditionalFormatCollection.getItemAt');
      return list[index];
    });
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.getItem('${id}')`, (x) => {
      const cf = this._list(x).find((c) => (c as ConditionalFormatModel).id === id);
      if (!cf) throw err.itemNotFound('ConditionalFormatCollection.getItem');
      return cf;
    });
  }

  /** "Clears all conditional formats active on the current specified range." */
  clearAll(): void {
    this._queue('clearAll', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertUnprotected('ConditionalFormatCollection.clearAll');
      x.wb.clearConditionalFormats(tr.sheet, tr.rect);
    });
  }
}
declareScalars(ConditionalFormatCollectionProxy, {});

function cfOf(p: ProxyBase, x: Exec): ConditionalFormatModel {
  const cf = p._resolve(x) as ConditionalFormatModel | null;
  if (!cf || !cf.sheet.cfs.includes(cf) || !x.wb.sheets.includes(cf.sheet)) throw err.itemNotFound(p._typeName);
  return cf;
}

export class ConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'ConditionalFormat';

  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange()`, (x) => {
      const cf = cfOf(this, x);
      return trackIn(x, cf.sheet, cf.rect);
    });
  }

  delete(): void {
    this._queue('delete', (x) => {
      const cf = cfOf(this, x);
      cf.sheet.assertUnprotected('ConditionalFormat.delete');
      cf.sheet.cfs = cf.sheet.cfs.filter((c) => c !== cf);
    });
  }
}
declareScalars(ConditionalFormatProxy, {
  id: { read: (p, x) => cfOf(p, x).id },
  type: { read: (p, x) => cfOf(p, x).type },
  priority: {
    read: (p, x) => { const cf = cfOf(p, x); return cf.sheet.cfs.indexOf(cf); },
    write: (p, x, v) => {
      const cf = cfOf(p, x);
      const list = cf.sheet.cfs.filter((c) => c !== cf);
      const i = Math.max(0, Math.min(list.length, Number(v)));
      list.splice(i, 0, cf);
      cf.sheet.cfs = list;
    },
  },
  stopIfTrue: {
    read: (p, x) => cfOf(p, x).stopIfTrue,
    write: (p, x, v) => {
      cfOf(p, x).stopIfTrue = v === true;
    },
  },
});

function needType(p: ProxyBase, x: Exec, type: string): ConditionalFormatModel {
  const cf = cfOf(p, x);
  if (cf.type !== type) throw err.invalidOperation(`ConditionalFormat.${type === 'Custom' ? 'custom' : 'cellValue'}`);
  return cf;
}

export class CustomConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'CustomConditionalFormat';
}
declareNavs(CustomConditionalFormatProxy, {
  rule: (p) => new ConditionalFormatRuleProxy(p._ctx, `${p._path}.rule`, (x) => needType(p, x, 'Custom')),
  format: (p) => new ConditionalRangeFormatProxy(p._ctx, `${p._path}.format`, (x) => needType(p, x, 'Custom')),
});

export class ConditionalFormatRuleProxy extends ProxyBase {
  readonly _typeName = 'ConditionalFormatRule';
}
function ruleFormula(p: ProxyBase, x: Exec): unknown {
  return cfOf(p, x).rule.formula ?? '';
}
function setRuleFormula(p: ProxyBase, x: Exec, v: unknown): void {
  const cf = cfOf(p, x);
  if (typeof v !== 'string' || v.trim() === '') throw err.invalidArgument('ConditionalFormatRule.formula');
  cf.rule = { ...cf.rule, formula: v };
}
declareScalars(ConditionalFormatRuleProxy, {
  formula: { read: ruleFormula, write: setRuleFormula },
  formulaLocal: { read: ruleFormula, write: setRuleFormula },
});

export class ConditionalRangeFormatProxy extends ProxyBase {
  readonly _typeName = 'ConditionalRangeFormat';
}
declareNavs(ConditionalRangeFormatProxy, {
  fill: (p) => new ConditionalRangeFillProxy(p._ctx, `${p._path}.fill`, (x) => cfOf(p, x)),
  font: (p) => new ConditionalRangeFontProxy(p._ctx, `${p._path}.font`, (x) => cfOf(p, x)),
});

export class ConditionalRangeFillProxy extends ProxyBase {
  readonly _typeName = 'ConditionalRangeFill';
  clear(): void {
    this._queue('clear', (x) => {
      delete cfOf(this, x).format.fill;
    });
  }
}
declareScalars(ConditionalRangeFillProxy, {
  color: {
    read: (p, x) => cfOf(p, x).format.fill ?? null,
    write: (p, x, v) => {
      try {
        cfOf(p, x).format.fill = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('ConditionalRangeFill.color');
      }
    },
  },
});

export class ConditionalRangeFontProxy extends ProxyBase {
  readonly _typeName = 'ConditionalRangeFont';
  clear(): void {
    this._queue('clear', (x) => {
      const cf = cfOf(this, x);
      delete cf.format.fontColor;
      delete cf.format.bold;
      delete cf.format.italic;
    });
  }
}
declareScalars(ConditionalRangeFontProxy, {
  color: {
    read: (p, x) => cfOf(p, x).format.fontColor ?? null,
    write: (p, x, v) => {
      try {
        cfOf(p, x).format.fontColor = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('ConditionalRangeFont.color');
      }
    },
  },
  bold: {
    read: (p, x) => cfOf(p, x).format.bold ?? null,
    write: (p, x, v) => {
      cfOf(p, x).format.bold = v === true;
    },
  },
  italic: {
    read: (p, x) => cfOf(p, x).format.italic ?? null,
    write: (p, x, v) => {
      cfOf(p, x).format.italic = v === true;
    },
  },
});

export class CellValueConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'CellValueConditionalFormat';
}
declareScalars(CellValueConditionalFormatProxy, {
  rule: {
    read: (p, x) => cloneJson(needType(p, x, 'CellValue').rule),
    write: (p, x, v) => {
      const cf = needType(p, x, 'CellValue');
      const rule = v as Record<string, unknown> | null;
      if (!rule || typeof rule.formula1 !== 'string' || typeof rule.operator !== 'string') throw err.invalidArgument('CellValueConditionalFormat.rule');
      cf.rule = cloneJson(rule);
    },
  },
});
declareNavs(CellValueConditionalFormatProxy, {
  format: (p) => new ConditionalRangeFormatProxy(p._ctx, `${p._path}.format`, (x) => needType(p, x, 'CellValue')),
});

declareNavs(ConditionalFormatProxy, {
  custom: (p) => new CustomConditionalFormatProxy(p._ctx, `${p._path}.custom`, (x) => needType(p, x, 'Custom')),
  cellValue: (p) => new CellValueConditionalFormatProxy(p._ctx, `${p._path}.cellValue`, (x) => needType(p, x, 'CellValue')),
});

// ---------------------------------------------------------------- Tables

export class TableCollectionProxy extends CollectionProxy<TableProxy> {
  readonly _typeName = 'TableCollection';

  constructor(
    ctx: RequestCtx,
    path: string,
    resolver: Resolver,
    private readonly sheetProxy: WorksheetProxy | undefined,
  ) {
    super(ctx, path, resolver);
  }

  private scope(x: Exec): TableModel[] {
    const h = this._resolve(x);
    if (h instanceof DoubleWorkbook) return [...x.wb.tables];
    const s = sheetOf(this, x);
    return x.wb.tables.filter((t) => t.sheet === s);
  }

  _list(x: Exec): unknown[] {
    return this.scope(x);
  }

  _makeItem(handle: unknown): TableProxy {
    return new TableProxy(this._ctx, `tables.getItem(${(handle as TableModel | undefined)?.name ?? '?'})`, () => handle)._preset(handle);
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this._ctx, `${this._path}.getItem('${key}')`, (x) => {
      const t = this.scope(x).find((tb) => tb.name.toLowerCase() === String(key).toLowerCase() || tb.id === String(key));
      if (!t) throw err.itemNotFound('TableCollection.getItem');
      return t;
    });
  }

  getItemOrNullObject(key: string): TableProxy {
    const p = new TableProxy(this._ctx, `${this._path}.getItemOrNullObject('${key}')`, (x) => {
      return this.scope(x).find((tb) => tb.name.toLowerCase() === String(key).toLowerCase() || tb.id === String(key)) ?? null;
    });
    this._queue('getItemOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  getItemAt(index: number): TableProxy {
    return new TableProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const list = this.scope(x);
      if (!isInt(index) || index < 0 || index >= list.length) throw err.itemNotFound('TableCollection.getItemAt');
      return list[index];
    });
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => this.scope(x).length);
  }

  /**
   * Creates a table over a range or address. "If hasHeaders is false, Excel will automatically
   * generate a header and shift the data down by one row." Fails on protected sheets and overlaps.
   */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (address instanceof RangeProxy) this._sameContext(address);
    const p = new TableProxy(this._ctx, `${this._path}.add()`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const loc = 'TableCollection.add';
      let sheet: DoubleSheet;
      let rect: Rect;
      if (address instanceof RangeProxy) {
        const tr = rangeOf(address, x);
        sheet = tr.sheet;
        rect = tr.rect;
      } else {
        const { sheet: name, local } = splitSheetAddress(String(address));
        const scoped = this.sheetProxy ? sheetOf(this.sheetProxy, x) : undefined;
        const found = name !== undefined ? x.wb.findSheet(name) : scoped ?? x.wb.activeSheet();
        if (!found || (scoped && found !== scoped)) throw err.invalidArgument(loc);
        sheet = found;
        rect = parseRect(local, loc);
      }
      p._preset(x.wb.createTable(sheet, rect, hasHeaders === true, loc));
      x.wb.recordChange(sheet, rect, 'RangeEdited', x.source);
    });
    return p;
  }
}
declareScalars(TableCollectionProxy, {
  count: { read: (p, x) => (p as TableCollectionProxy)._list(x).length },
});

export class TableProxy extends ProxyBase {
  readonly _typeName = 'Table';
  readonly onChanged: EventHandlersDouble;

  constructor(ctx: RequestCtx, path: string, resolver: Resolver) {
    super(ctx, path, resolver);
    this.onChanged = new EventHandlersDouble(this, 'onChanged', (x) => ({ kind: 'tableChanged', tableId: tableOf(this, x).id }));
  }

  private part(label: string, f: (t: TableModel) => Rect): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.${label}`, (x) => {
      const t = tableOf(this, x);
      return trackIn(x, t.sheet, f(t));
    });
  }

  getRange(): RangeProxy {
    return this.part('getRange()', (t) => t.rect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.part('getHeaderRowRange()', headerRect);
  }

  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange()', bodyRect);
  }

  delete(): void {
    this._queue('delete', (x) => {
      const t = tableOf(this, x);
      t.sheet.assertUnprotected('Table.delete');
      x.wb.deleteTable(t, false);
      x.wb.recordChange(t.sheet, t.rect, 'RangeEdited', x.source);
    });
  }

  convertToRange(): RangeProxy {
    const p = new RangeProxy(this._ctx, `${this._path}.convertToRange()`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.convertToRange`));
    });
    this._queue('convertToRange', (x) => {
      const t = tableOf(this, x);
      t.sheet.assertUnprotected('Table.convertToRange');
      x.wb.deleteTable(t, true);
      p._preset(trackIn(x, t.sheet, t.rect));
    });
    return p;
  }
}
declareScalars(TableProxy, {
  id: { read: (p, x) => tableOf(p, x).id },
  name: {
    read: (p, x) => tableOf(p, x).name,
    write: (p, x, v) => x.wb.renameTable(tableOf(p, x), String(v)),
  },
  showHeaders: { read: () => true },
  showTotals: { read: () => false },
  style: {
    read: (p, x) => tableOf(p, x).style,
    write: (p, x, v) => {
      tableOf(p, x).style = String(v);
    },
  },
});
declareNavs(TableProxy, {
  columns: (p) => new TableColumnCollectionProxy(p._ctx, `${p._path}.columns`, (x) => tableOf(p, x)),
  rows: (p) => new TableRowCollectionProxy(p._ctx, `${p._path}.rows`, (x) => tableOf(p, x)),
  worksheet: (p) => new WorksheetProxy(p._ctx, `${p._path}.worksheet`, (x) => tableOf(p, x).sheet),
});

// ---------------------------------------------------------------- Table columns

interface ColumnHandle {
  table: TableModel;
  id: number;
}

function columnOf(p: ProxyBase, x: Exec): { t: TableModel; index: number } {
  const h = p._resolve(x) as ColumnHandle | null;
  if (!h || !x.wb.tables.includes(h.table)) throw err.itemNotFound(p._typeName);
  const index = h.table.columns.findIndex((c) => c.id === h.id);
  if (index < 0) throw err.itemNotFound(p._typeName);
  return { t: h.table, index };
}

export class TableColumnCollectionProxy extends CollectionProxy<TableColumnProxy> {
  readonly _typeName = 'TableColumnCollection';

  _list(x: Exec): unknown[] {
    const t = tableOf(this, x);
    return t.columns.map((c) => ({ table: t, id: c.id }));
  }

  _makeItem(handle: unknown): TableColumnProxy {
    return new TableColumnProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle);
  }

  private find(x: Exec, key: string | number): ColumnHandle | undefined {
    const t = tableOf(this, x);
    const k = String(key);
    const col = t.columns.find((c) => c.name.toLowerCase() === k.toLowerCase()) ?? t.columns.find((c) => String(c.id) === k);
    return col ? { table: t, id: col.id } : undefined;
  }

  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this._ctx, `${this._path}.getItem('${key}')`, (x) => {
      const h = this.find(x, key);
      if (!h) throw err.itemNotFound('TableColumnCollection.getItem');
      return h;
    });
  }

  getItemOrNullObject(key: string | number): TableColumnProxy {
    const p = new TableColumnProxy(this._ctx, `${this._path}.getItemOrNullObject('${key}')`, (x) => this.find(x, key) ?? null);
    this._queue('getItemOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const t = tableOf(this, x);
      if (!isInt(index) || index < 0 || index >= t.columns.length) throw err.itemNotFound('TableColumnCollection.getItemAt');
      return { table: t, id: t.columns[index].id };
    });
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => tableOf(this, x).columns.length);
  }

  /**
   * Adds a column (shifting cells of the table's rows to the right). `values` covers the header and
   * body (one row per table row); `name` (ExcelApi 1.4) overrides the header.
   */
  add(index?: number | null, values?: unknown[][] | null, name?: string): TableColumnProxy {
    const p = new TableColumnProxy(this._ctx, `${this._path}.add()`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const t = tableOf(this, x);
      const s = t.sheet;
      const loc = 'TableColumnCollection.add';
      s.assertUnprotected(loc);
      const at = index === undefined || index === null ? t.columns.length : index;
      if (!isInt(at) || at < 0 || at > t.columns.length) throw err.invalidArgument(loc);
      const height = rectRows(t.rect);
      if (values && (values.length !== height || values.some((r) => !Array.isArray(r) || r.length !== 1))) {
        throw new DoubleExcelError('InvalidArgument', MESSAGES.shapeMismatch, loc);
      }
      const c = t.rect.c0 + at;
      for (const o of s.tables()) {
        if (o !== t && o.rect.c1 >= c && !(o.rect.r1 < t.rect.r0 || o.rect.r0 > t.rect.r1)) throw err.invalidOperation(loc, MESSAGES.tableShift);
      }
      s.shiftRight(c, 1, t.rect.r0, t.rect.r1);
      t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
      const col = { id: t.nextColumnId, name: '' };
      t.nextColumnId += 1;
      t.columns.splice(at, 0, col);
      const colRect = { r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c };
      if (values) s.writeContent(colRect, values, 'values', x.source, loc);
      if (name !== undefined) {
        const h = s.ensureCell(t.rect.r0, c);
        h.v = String(name);
        delete h.f;
      }
      s.syncHeaderNames(t);
      x.wb.recordChange(s, colRect, 'ColumnInserted', x.source);
      p._preset({ table: t, id: col.id });
    });
    return p;
  }
}
declareScalars(TableColumnCollectionProxy, {
  count: { read: (p, x) => tableOf(p, x).columns.length },
});

export class TableColumnProxy extends ProxyBase {
  readonly _typeName = 'TableColumn';

  private part(label: string, f: (t: TableModel, c: number) => Rect): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.${label}`, (x) => {
      const { t, index } = columnOf(this, x);
      return trackIn(x, t.sheet, f(t, t.rect.c0 + index));
    });
  }

  getRange(): RangeProxy {
    return this.part('getRange()', (t, c) => ({ r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c }));
  }

  getHeaderRowRange(): RangeProxy {
    return this.part('getHeaderRowRange()', (t, c) => ({ r0: t.rect.r0, r1: t.rect.r0, c0: c, c1: c }));
  }

  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange()', (t, c) => ({ r0: t.rect.r0 + 1, r1: t.rect.r1, c0: c, c1: c }));
  }

  delete(): void {
    this._queue('delete', (x) => {
      const { t, index } = columnOf(this, x);
      const s = t.sheet;
      s.assertUnprotected('TableColumn.delete');
      if (t.columns.length === 1) throw err.invalidOperation('TableColumn.delete');
      const c = t.rect.c0 + index;
      for (let r = t.rect.r0; r <= t.rect.r1; r += 1) {
        const row = s.cells.get(r);
        if (!row) continue;
        row.delete(c);
        const moved = [...row].filter(([cc]) => cc > c).sort((a, b) => a[0] - b[0]);
        for (const [cc, cell] of moved) {
          row.delete(cc);
          row.set(cc - 1, cell);
        }
        if (row.size === 0) s.cells.delete(r);
      }
      t.columns.splice(index, 1);
      t.rect = { ...t.rect, c1: t.rect.c1 - 1 };
      x.wb.recordChange(s, t.rect, 'RangeEdited', x.source);
    });
  }
}
declareScalars(TableColumnProxy, {
  id: { read: (p, x) => { const { t, index } = columnOf(p, x); return t.columns[index].id; } },
  index: { read: (p, x) => columnOf(p, x).index },
  name: {
    read: (p, x) => { const { t, index } = columnOf(p, x); return t.columns[index].name; },
    write: (p, x, v) => {
      const { t, index } = columnOf(p, x);
      t.sheet.assertEditable({ r0: t.rect.r0, r1: t.rect.r0, c0: t.rect.c0 + index, c1: t.rect.c0 + index }, 'TableColumn.name');
      const cell = t.sheet.ensureCell(t.rect.r0, t.rect.c0 + index);
      cell.v = String(v);
      delete cell.f;
      t.sheet.syncHeaderNames(t);
    },
  },
  values: {
    read: (p, x) => {
      const { t, index } = columnOf(p, x);
      const c = t.rect.c0 + index;
      const g = t.sheet.grid({ r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c }, (r, cc) => t.sheet.valueAt(r, cc));
      x.responseBytes += payloadSize(g);
      return g;
    },
    write: (p, x, v) => {
      const { t, index } = columnOf(p, x);
      const c = t.rect.c0 + index;
      t.sheet.writeContent({ r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c }, v, 'values', x.source, 'TableColumn.values');
    },
    bytes: true,
  },
});

// ---------------------------------------------------------------- Table rows

interface RowHandle {
  table: TableModel;
  index: number;
}

/** "A TableRow object represents the physical location of the table row, but not the data." */
function rowOf(p: ProxyBase, x: Exec): { t: TableModel; r: number } {
  const h = p._resolve(x) as RowHandle | null;
  if (!h || !x.wb.tables.includes(h.table)) throw err.itemNotFound(p._typeName);
  const r = h.table.rect.r0 + 1 + h.index;
  if (r > h.table.rect.r1) throw err.itemNotFound(p._typeName);
  return { t: h.table, r };
}

export class TableRowCollectionProxy extends CollectionProxy<TableRowProxy> {
  readonly _typeName = 'TableRowCollection';

  _list(x: Exec): unknown[] {
    const t = tableOf(this, x);
    return Array.from({ length: rectRows(t.rect) - 1 }, (_, i) => ({ table: t, index: i }));
  }

  _makeItem(handle: unknown): TableRowProxy {
    return new TableRowProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle);
  }

  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const t = tableOf(this, x);
      if (!isInt(index) || index < 0 || index >= rectRows(t.rect) - 1) throw err.itemNotFound('TableRowCollection.getItemAt');
      return { table: t, index };
    });
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => rectRows(tableOf(this, x).rect) - 1);
  }

  /**
   * Works like Excel's, and counts `stats.rowsAddCalls`: under co-authoring this call causes merge
   * conflicts (OfficeDev/office-js#1813), so the adapter must append via getRowsBelow instead.
   */
  add(index?: number | null, values?: unknown[][] | null, alwaysInsert?: boolean): TableRowProxy {
    services(this).countRowsAdd();
    void alwaysInsert;
    const p = new TableRowProxy(this._ctx, `${this._path}.add()`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue(
      'add',
      (x) => {
        const t = tableOf(this, x);
        const rect = x.wb.addTableRows(t, index ?? undefined, values ?? undefined, x.source, 'TableRowCollection.add');
        p._preset({ table: t, index: rect.r0 - t.rect.r0 - 1 });
      },
      values ? () => payloadSize(values) : undefined,
    );
    return p;
  }
}
declareScalars(TableRowCollectionProxy, {
  count: { read: (p, x) => rectRows(tableOf(p, x).rect) - 1 },
});

export class TableRowProxy extends ProxyBase {
  readonly _typeName = 'TableRow';

  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange()`, (x) => {
      const { t, r } = rowOf(this, x);
      return trackIn(x, t.sheet, { r0: r, r1: r, c0: t.rect.c0, c1: t.rect.c1 });
    });
  }

  delete(): void {
    this._queue('delete', (x) => {
      const { t, r } = rowOf(this, x);
      t.sheet.assertUnprotected('TableRow.delete');
      if (rectRows(t.rect) - 1 === 1) {
        t.sheet.clear({ r0: r, r1: r, c0: t.rect.c0, c1: t.rect.c1 }, 'Contents', x.source, 'TableRow.delete');
        return;
      }
      t.sheet.shiftUp(r, 1, t.rect.c0, t.rect.c1, x.source, 'TableRow.delete');
    });
  }
}
declareScalars(TableRowProxy, {
  index: { read: (p, x) => (p._resolve(x) as RowHandle).index },
  values: {
    read: (p, x) => {
      const { t, r } = rowOf(p, x);
      return t.sheet.grid({ r0: r, r1: r, c0: t.rect.c0, c1: t.rect.c1 }, (rr, c) => t.sheet.valueAt(rr, c));
    },
    write: (p, x, v) => {
      const { t, r } = rowOf(p, x);
      t.sheet.writeContent({ r0: r, r1: r, c0: t.rect.c0, c1: t.rect.c1 }, v, 'values', x.source, 'TableRow.values');
    },
    bytes: true,
  },
});

// ---------------------------------------------------------------- event argument helpers

/** `getRange(ctx)` on event args: a Range proxy for the changed area in the caller's context. */
export function eventRange(ctx: unknown, sheetId: string, rect: Rect, orNull: boolean): RangeProxy {
  const c = ctx as RequestCtx;
  const p = new RangeProxy(c, `event.getRange()`, (x) => {
    const s = x.wb.sheetById(sheetId);
    if (!s) {
      if (orNull) return null;
      throw err.itemNotFound('event.getRange');
    }
    return trackIn(x, s, rect);
  });
  if (orNull) p._queue('getRangeOrNullObject', (x) => void p._resolve(x));
  return p;
}

export { formatRect };
