/**
 * Worksheets: the collection (getItem, add, getActiveWorksheet, events), the worksheet (ranges,
 * used range, name/position/visibility/tab colour/showGridlines, its tables, charts, page layout
 * and page breaks), sheet protection and freeze panes.
 */
import { MAX_COLS, MAX_ROWS, parseRect, splitSheetAddress } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { DoubleSheet, protectionOptions } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, RequestCtx, Resolver, declareNavs, declareScalars, queueResult } from '../proxy';
import { normalizeColor } from '../values';
import { ChartCollectionProxy } from './charts';
import { EventHandlersDouble } from './events';
import { PageBreakCollectionProxy } from './pageBreaks';
import { PageLayoutProxy } from './pageLayout';
import { RangeProxy, rectArg } from './range';
import { checkRect, isInt, sheetOf, trackIn } from './resolve';
import { TableCollectionProxy } from './tables';

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
    const p = new WorksheetProxy(
      this._ctx,
      `worksheets.getItemOrNullObject('${key}')`,
      (x) => x.wb.findSheet(String(key)) ?? x.wb.sheetById(String(key)) ?? null,
    );
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
  /** Writable (ExcelApi 1.1): the sheet moves to that tab position. */
  position: {
    read: (p, x) => x.wb.sheets.indexOf(sheetOf(p, x)),
    write: (p, x, v) => {
      const s = sheetOf(p, x);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= x.wb.sheets.length) throw err.invalidArgument('Worksheet.position');
      const list = x.wb.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    },
  },
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
  /** ExcelApi 1.8; a view setting, allowed on a protected sheet. */
  showGridlines: {
    read: (p, x) => sheetOf(p, x).pageLayout.showGridlines,
    write: (p, x, v) => {
      const l = sheetOf(p, x).pageLayout;
      if (typeof v !== 'boolean') throw err.invalidArgument('Worksheet.showGridlines');
      l.showGridlines = v;
    },
  },
});
declareNavs(WorksheetProxy, {
  tables: (p) => new TableCollectionProxy(p._ctx, `${p._path}.tables`, (x) => sheetOf(p, x), p as WorksheetProxy),
  protection: (p) => new WorksheetProtectionProxy(p._ctx, `${p._path}.protection`, (x) => sheetOf(p, x)),
  freezePanes: (p) => new FreezePanesProxy(p._ctx, `${p._path}.freezePanes`, (x) => sheetOf(p, x)),
  charts: (p) => new ChartCollectionProxy(p._ctx, `${p._path}.charts`, (x) => p._resolve(x)),
  pageLayout: (p) => new PageLayoutProxy(p._ctx, `${p._path}.pageLayout`, (x) => sheetOf(p, x)),
  horizontalPageBreaks: (p) => new PageBreakCollectionProxy(p._ctx, `${p._path}.horizontalPageBreaks`, (x) => sheetOf(p, x)),
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

  /** ExcelApi 1.7: rows and columns above/left of the range's bottom-right corner are frozen. */
  freezeAt(frozenRange: RangeProxy | string): void {
    if (frozenRange instanceof RangeProxy) this._sameContext(frozenRange);
    this._queue('freezeAt', (x) => {
      const s = sheetOf(this, x);
      const rect = rectArg(this, frozenRange, s, x, 'WorksheetFreezePanes.freezeAt');
      // The bottom-right corner of the range is the last frozen cell; whole columns/rows freeze one direction.
      s.freezeRows = rect.r1 < MAX_ROWS - 1 ? rect.r1 + 1 : 0;
      s.freezeColumns = rect.c1 < MAX_COLS - 1 ? rect.c1 + 1 : 0;
      if (s.freezeRows === 0 && s.freezeColumns === 0) throw err.invalidArgument('WorksheetFreezePanes.freezeAt');
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
