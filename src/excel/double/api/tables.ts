/**
 * Tables: the collection (workbook- or sheet-scoped; add over a range or address, getItem,
 * getItemAt, getCount), Table (ranges, delete, convertToRange, name, style, onChanged) and its
 * rows (`rows.add` works like Excel's and is counted: the adapter must not use it). Columns are in
 * tableColumns.ts; the table rules themselves (auto-expansion, calculated columns) in the model.
 */
import { Rect, parseRect, rectRows, splitSheetAddress } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { DoubleSheet, DoubleWorkbook, TableModel } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, RequestCtx, Resolver, declareNavs, declareScalars, payloadSize, queueResult } from '../proxy';
import { EventHandlersDouble } from './events';
import { RangeProxy } from './range';
import { bodyRect, headerRect, isInt, rangeOf, services, sheetOf, tableOf, trackIn } from './resolve';
import { TableColumnCollectionProxy } from './tableColumns';
import { WorksheetProxy } from './worksheet';

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
        const found = name !== undefined ? x.wb.findSheet(name) : (scoped ?? x.wb.activeSheet());
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
