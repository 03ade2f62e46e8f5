/**
 * Table columns: the collection (getItem by name or id, getItemAt, add with values and a name,
 * count) and TableColumn (ranges, name, values, delete).
 */
import { Rect, rectRows } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import type { TableModel } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, declareScalars, payloadSize, queueResult } from '../proxy';
import { RangeProxy } from './range';
import { isInt, tableOf, trackIn } from './resolve';

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
  id: {
    read: (p, x) => {
      const { t, index } = columnOf(p, x);
      return t.columns[index].id;
    },
  },
  index: { read: (p, x) => columnOf(p, x).index },
  name: {
    read: (p, x) => {
      const { t, index } = columnOf(p, x);
      return t.columns[index].name;
    },
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
