/** `context.workbook` and `workbook.application`. */
import { ProxyBase, RequestCtx, declareNavs, declareScalars } from '../proxy';
import { NamedItemCollectionProxy } from './names';
import { RangeProxy } from './range';
import { trackIn } from './resolve';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy } from './worksheet';

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
  names: (p) => new NamedItemCollectionProxy(p._ctx, 'workbook.names', (x) => x.wb),
});

export class ApplicationProxy extends ProxyBase {
  readonly _typeName = 'Application';
  constructor(ctx: RequestCtx) {
    super(ctx, 'workbook.application', (x) => x.wb);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queue('suspendApiCalculationUntilNextSync', () => undefined);
  }
  /** ExcelApi 1.9 (profiles.ts). */
  suspendScreenUpdatingUntilNextSync(): void {
    this._require('suspendScreenUpdatingUntilNextSync');
    this._queue('suspendScreenUpdatingUntilNextSync', () => undefined);
  }
  calculate(_type?: string): void {
    this._queue('calculate', () => undefined);
  }
}
declareScalars(ApplicationProxy, {
  calculationMode: { read: () => 'Automatic' },
});
