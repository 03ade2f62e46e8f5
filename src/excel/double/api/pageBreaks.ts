/**
 * `worksheet.horizontalPageBreaks` (ExcelApi 1.9): manual breaks, each above a row (the sheet's
 * `pageLayout.rowBreaks`, 0-based rows a new page starts at, ascending, no duplicates). `add`
 * puts a break above the range's top row (one that exists is a no-op; above row 1 is refused);
 * PageBreak `rowIndex` is 0-based like Range.rowIndex, `columnIndex` always 0 (uncertain: the
 * docs do not say). Inserting/deleting rows does not move breaks (Excel would).
 */
import { MAX_ROWS } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import type { DoubleSheet } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, declareScalars, queueResult } from '../proxy';
import { checkSameContext, oneRectArg } from './pageLayout';
import { RangeProxy } from './range';
import { sheetOf, trackIn } from './resolve';

interface BreakHandle {
  sheet: DoubleSheet;
  row: number;
}

function breakOf(p: ProxyBase, x: Exec): BreakHandle {
  const h = p._resolve(x) as BreakHandle | null;
  if (!h || !x.wb.sheets.includes(h.sheet) || !h.sheet.pageLayout.rowBreaks.includes(h.row)) throw err.itemNotFound(p._typeName);
  return h;
}

function sortedBreaks(s: DoubleSheet): number[] {
  return [...s.pageLayout.rowBreaks].sort((a, b) => a - b);
}

/** `worksheet.horizontalPageBreaks`: manual breaks, each above a row (the model's `rowBreaks`). */
export class PageBreakCollectionProxy extends CollectionProxy<PageBreakProxy> {
  readonly _typeName = 'PageBreakCollection';

  _list(x: Exec): unknown[] {
    const s = sheetOf(this, x);
    return sortedBreaks(s).map((row) => ({ sheet: s, row }) satisfies BreakHandle);
  }

  _makeItem(handle: unknown): PageBreakProxy {
    return new PageBreakProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle ?? null);
  }

  /** "Adds a page break before the top-left cell of the range specified." */
  add(pageBreakRange: RangeProxy | string): PageBreakProxy {
    checkSameContext(this, pageBreakRange);
    const p = new PageBreakProxy(this._ctx, `${this._path}.add()`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const loc = 'PageBreakCollection.add';
      const s = sheetOf(this, x);
      const r = oneRectArg(pageBreakRange, s, x, loc);
      if (r.r0 === 0 || r.r0 >= MAX_ROWS) throw err.invalidArgument(loc);
      const l = s.pageLayout;
      if (!l.rowBreaks.includes(r.r0)) l.rowBreaks = [...l.rowBreaks, r.r0].sort((a, b) => a - b);
      p._preset({ sheet: s, row: r.r0 } satisfies BreakHandle);
    });
    return p;
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => sheetOf(this, x).pageLayout.rowBreaks.length);
  }

  getItem(index: number): PageBreakProxy {
    return new PageBreakProxy(this._ctx, `${this._path}.getItem(${index})`, (x) => {
      const all = this._list(x);
      if (!Number.isInteger(index) || index < 0 || index >= all.length) throw err.itemNotFound('PageBreakCollection.getItem');
      return all[index];
    });
  }

  /** "Resets all manual page breaks in the collection." */
  removePageBreaks(): void {
    this._queue('removePageBreaks', (x) => {
      sheetOf(this, x).pageLayout.rowBreaks = [];
    });
  }
}
declareScalars(PageBreakCollectionProxy, {});

export class PageBreakProxy extends ProxyBase {
  readonly _typeName = 'PageBreak';

  /** "Gets the first cell after the page break." (column A of the break row) */
  getCellAfterBreak(): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getCellAfterBreak()`, (x) => {
      const { sheet, row } = breakOf(this, x);
      return trackIn(x, sheet, { r0: row, r1: row, c0: 0, c1: 0 });
    });
  }

  delete(): void {
    this._queue('delete', (x) => {
      const { sheet, row } = breakOf(this, x);
      const l = sheet.pageLayout;
      l.rowBreaks = l.rowBreaks.filter((b) => b !== row);
    });
  }
}
declareScalars(PageBreakProxy, {
  rowIndex: { read: (p, x) => breakOf(p, x).row },
  columnIndex: {
    read: (p, x) => {
      breakOf(p, x);
      return 0;
    },
  },
});
