/**
 * `Range`: navigation (getCell, getOffsetRange, getRowsBelow, …), find, intersections, the used
 * range, clear/insert/delete/select, merges and special cells, and the cell properties (values,
 * formulas, numberFormat, text, valueTypes, columnHidden). Formats are in rangeFormat.ts and
 * borders.ts, validation in dataValidation.ts, conditional formats in conditionalFormats.ts.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  formatAddress,
  intersect,
  isEntireColumns,
  isEntireRows,
  parseRect,
  rectCols,
  rectRows,
  splitSheetAddress,
} from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import type { DoubleSheet, TrackedRange } from '../model';
import { Exec, ProxyBase, declareNavs, declareScalars, payloadSize } from '../proxy';
import { ConditionalFormatCollectionProxy } from './conditionalFormats';
import { DataValidationProxy } from './dataValidation';
import { AreasHandle, RangeAreasProxy, specialCellsProxy } from './rangeAreas';
import { RangeFormatProxy } from './rangeFormat';
import { argInt, checkRect, rangeOf, services, trackIn } from './resolve';
import { WorksheetProxy } from './worksheet';

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
    this._require('find');
    return this.derived('find()', (tr) => {
      const r = this.findRect(text, criteria, tr);
      if (!r) throw err.itemNotFound('Range.find');
      return r;
    });
  }

  findOrNullObject(text: string, criteria?: FindCriteria): RangeProxy {
    this._require('findOrNullObject');
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
    const p = this.derived(
      'getIntersectionOrNullObject()',
      (tr, x) => intersect(tr.rect, this.otherRect(other, tr, x, 'Range.getIntersectionOrNullObject')) ?? null,
    );
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

  // ------------------------------------------------------------ building a workbook (初始化台账)

  /** ExcelApi 1.9: Blanks, Constants or Formulas (with a value-type filter) as a RangeAreas (rangeAreas.ts). */
  getSpecialCells(cellType: string, cellValueType?: string): RangeAreasProxy {
    this._require('getSpecialCells');
    return specialCellsProxy(this, cellType, cellValueType, false);
  }

  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy {
    this._require('getSpecialCellsOrNullObject');
    return specialCellsProxy(this, cellType, cellValueType, true);
  }

  /** ExcelApi 1.13: the merged areas that touch the range, or a null object. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this._require('getMergedAreasOrNullObject');
    const out = new RangeAreasProxy(this._ctx, `${this._path}.getMergedAreasOrNullObject()`, (x) => {
      const tr = rangeOf(this, x);
      const rects = tr.sheet.merges.filter((m) => intersect(m, tr.rect));
      return rects.length > 0 ? ({ sheet: tr.sheet, rects: rects.map((r) => ({ ...r })) } satisfies AreasHandle) : null;
    });
    out._queue('getMergedAreasOrNullObject', (x) => void out._resolve(x));
    return out;
  }

  /** ExcelApi 1.2: merging keeps the top-left cell's content and clears the rest, as Excel does. */
  merge(across = false): void {
    this._queue('merge', (x) => {
      const tr = rangeOf(this, x);
      const s = tr.sheet;
      s.assertUnprotected('Range.merge');
      const targets: Rect[] = across
        ? Array.from({ length: tr.rect.r1 - tr.rect.r0 + 1 }, (_, i) => ({ ...tr.rect, r0: tr.rect.r0 + i, r1: tr.rect.r0 + i }))
        : [{ ...tr.rect }];
      const list = s.merges.filter((m) => !intersect(m, tr.rect));
      for (const t of targets) {
        if (t.r0 === t.r1 && t.c0 === t.c1) continue;
        // Excel keeps the upper-left value only.
        for (const [r, c, cell] of [...s.presentCells(t)]) {
          if (r === t.r0 && c === t.c0) continue;
          cell.v = '';
          delete cell.f;
          delete cell.q;
          s.tidy(r, c);
        }
        list.push(t);
      }
      s.merges = list;
      x.wb.recordChange(s, tr.rect, 'RangeEdited', x.source);
    });
  }

  unmerge(): void {
    this._queue('unmerge', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertUnprotected('Range.unmerge');
      tr.sheet.merges = tr.sheet.merges.filter((m) => !intersect(m, tr.rect));
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
  address: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return formatAddress(tr.sheet.name, tr.rect);
    },
  },
  addressLocal: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return formatAddress(tr.sheet.name, tr.rect);
    },
  },
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
  /** ExcelApi 1.2: hides whole sheet columns; reads true / false / null (mixed). */
  columnHidden: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const h = tr.sheet.hiddenCols;
      let all = true;
      let any = false;
      const last = Math.min(tr.rect.c1, MAX_COLS - 1);
      for (let c = tr.rect.c0; c <= last; c += 1) {
        if (h.has(c)) any = true;
        else all = false;
        if (any && !all) return null;
      }
      return all;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatColumns', 'Range.columnHidden');
      if (typeof v !== 'boolean') throw err.invalidArgument('Range.columnHidden');
      const h = tr.sheet.hiddenCols;
      for (let c = tr.rect.c0; c <= tr.rect.c1; c += 1) {
        if (v) h.add(c);
        else h.delete(c);
      }
    },
  },
});
declareNavs(RangeProxy, {
  format: (p) => new RangeFormatProxy(p._ctx, `${p._path}.format`, (x) => rangeOf(p, x)),
  worksheet: (p) => new WorksheetProxy(p._ctx, `${p._path}.worksheet`, (x) => rangeOf(p, x).sheet),
  dataValidation: (p) => new DataValidationProxy(p._ctx, `${p._path}.dataValidation`, (x) => rangeOf(p, x)),
  conditionalFormats: (p) => new ConditionalFormatCollectionProxy(p._ctx, `${p._path}.conditionalFormats`, (x) => rangeOf(p, x)),
});

/** A rectangle from a Range proxy (same context) or an address on `sheet`. */
export function rectArg(owner: ProxyBase, arg: unknown, sheet: DoubleSheet, x: Exec, location: string): Rect {
  if (arg instanceof RangeProxy) {
    owner._sameContext(arg);
    const tr = rangeOf(arg, x);
    if (tr.sheet !== sheet) throw err.invalidArgument(location);
    return tr.rect;
  }
  if (typeof arg !== 'string' || arg === '') throw err.invalidArgument(location);
  const { sheet: name, local } = splitSheetAddress(arg);
  if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) throw err.invalidArgument(location);
  return parseRect(local, location);
}
