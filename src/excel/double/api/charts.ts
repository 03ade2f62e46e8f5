/**
 * Charts (ExcelApi 1.1), the minimal part the 督查看板 needs (`worksheet.charts` is declared in
 * worksheet.ts):
 *
 * - `worksheet.charts` (ChartCollection): `add(type, sourceData, seriesBy?)`, `getCount()`, `items`
 *   (`load('items/name')`), `getItem(name)`, `getItemOrNullObject(name)`, `getItemAt(index)`.
 * - `Chart`: `name` (writable; unique per sheet, ItemAlreadyExists otherwise — uncertain: Excel
 *   may accept duplicates, the strict choice is taken), `id`, `chartType` (writable), `title.text`
 *   / `title.visible`, `setPosition(startCell, endCell?)`, `delete()`.
 * - Stored per sheet (`sheet.charts`; `chartsOf(sheet)`, direct access): type, series-by, the source address as
 *   given at `add` (with its sheet), title, position (start/end cell addresses).
 *
 * Not modelled: series, axes, legend, data labels, formatting, `setData`, chart sheets, events;
 * the source range does not move with row inserts/deletes (Excel's series references would);
 * `seriesBy` 'Auto' is stored as given, not resolved. Adding a chart to a protected sheet needs
 * `allowEditObjects` (as Excel: "Edit objects"), and so do moving, renaming and deleting it.
 */
import { formatAddress, formatRect } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import type { ChartModel, DoubleSheet } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, declareNavs, declareScalars, queueResult } from '../proxy';
import { RangeProxy, rectArg } from './range';
import { rangeOf, sheetOf } from './resolve';

let nextId = 1;

/** Excel.ChartType values the double accepts (a subset: the common 2-D types). */
export const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100',
  'Line', 'LineMarkers', 'LineStacked', 'Pie', 'Doughnut', 'Area', 'AreaStacked', 'XYScatter',
] as const;
const SERIES_BY = ['Auto', 'Columns', 'Rows'];

// ---------------------------------------------------------------- helpers

interface ChartHandle {
  sheet: DoubleSheet;
  chart: ChartModel;
}

function chartOf(p: ProxyBase, x: Exec): ChartHandle {
  const h = p._resolve(x) as ChartHandle | null;
  if (!h || !x.wb.sheets.includes(h.sheet) || !h.sheet.charts.includes(h.chart)) throw err.itemNotFound(p._typeName);
  return h;
}

// ---------------------------------------------------------------- ChartCollection

export class ChartCollectionProxy extends CollectionProxy<ChartProxy> {
  readonly _typeName = 'ChartCollection';

  _list(x: Exec): unknown[] {
    const s = sheetOf(this, x);
    return s.charts.map((chart) => ({ sheet: s, chart }) satisfies ChartHandle);
  }

  _makeItem(handle: unknown): ChartProxy {
    return new ChartProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle ?? null);
  }

  private find(x: Exec, name: string): ChartHandle | null {
    const s = sheetOf(this, x);
    const chart = s.charts.find((c) => c.name.toLowerCase() === String(name).toLowerCase());
    return chart ? { sheet: s, chart } : null;
  }

  /** `add(type, sourceData, seriesBy?)`: sourceData is a Range (any sheet of the workbook). */
  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    if (sourceData instanceof RangeProxy) this._sameContext(sourceData);
    const p = new ChartProxy(this._ctx, `${this._path}.add('${type}')`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const loc = 'ChartCollection.add';
      const s = sheetOf(this, x);
      s.assertAllowed('allowEditObjects', loc);
      if (!(CHART_TYPES as readonly string[]).includes(type)) {
        throw err.invalidArgument(loc);
      }
      if (!SERIES_BY.includes(seriesBy)) throw err.invalidArgument(loc);
      if (!(sourceData instanceof RangeProxy)) throw err.invalidArgument(loc);
      const tr = rangeOf(sourceData, x);
      const charts = s.charts;
      let n = charts.length + 1;
      while (charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = {
        id: `{chart-${nextId++}}`,
        name: `Chart ${n}`,
        chartType: type,
        seriesBy,
        source: formatAddress(tr.sheet.name, tr.rect),
        title: '',
        titleVisible: false,
        position: null,
      };
      charts.push(chart);
      p._preset({ sheet: s, chart } satisfies ChartHandle);
    });
    return p;
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this._ctx, `${this._path}.getItem('${name}')`, (x) => {
      const h = this.find(x, name);
      if (!h) throw err.itemNotFound('ChartCollection.getItem');
      return h;
    });
  }

  getItemOrNullObject(name: string): ChartProxy {
    const p = new ChartProxy(this._ctx, `${this._path}.getItemOrNullObject('${name}')`, (x) => this.find(x, name));
    this._queue('getItemOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const all = this._list(x);
      if (!Number.isInteger(index) || index < 0 || index >= all.length) throw err.itemNotFound('ChartCollection.getItemAt');
      return all[index];
    });
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => sheetOf(this, x).charts.length);
  }
}
declareScalars(ChartCollectionProxy, {
  count: { read: (p, x) => sheetOf(p, x).charts.length, explicitOnly: true },
});

// ---------------------------------------------------------------- Chart, ChartTitle

export class ChartProxy extends ProxyBase {
  readonly _typeName = 'Chart';

  /** "Positions the chart relative to cells on the worksheet." */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    if (startCell instanceof RangeProxy) this._sameContext(startCell);
    if (endCell instanceof RangeProxy) this._sameContext(endCell);
    this._queue('setPosition', (x) => {
      const loc = 'Chart.setPosition';
      const { sheet, chart } = chartOf(this, x);
      sheet.assertAllowed('allowEditObjects', loc);
      const start = rectArg(this, startCell, sheet, x, loc);
      const end = endCell === undefined || endCell === null ? null : rectArg(this, endCell, sheet, x, loc);
      if (end && (end.r1 < start.r0 || end.c1 < start.c0)) throw err.invalidArgument(loc);
      chart.position = {
        start: formatRect({ r0: start.r0, c0: start.c0, r1: start.r0, c1: start.c0 }),
        end: end ? formatRect({ r0: end.r1, c0: end.c1, r1: end.r1, c1: end.c1 }) : null,
      };
    });
  }

  delete(): void {
    this._queue('delete', (x) => {
      const { sheet, chart } = chartOf(this, x);
      sheet.assertAllowed('allowEditObjects', 'Chart.delete');
      const l = sheet.charts;
      l.splice(l.indexOf(chart), 1);
    });
  }
}
declareScalars(ChartProxy, {
  id: { read: (p, x) => chartOf(p, x).chart.id },
  name: {
    read: (p, x) => chartOf(p, x).chart.name,
    write: (p, x, v) => {
      const { sheet, chart } = chartOf(p, x);
      const name = String(v ?? '').trim();
      if (name === '') throw err.invalidArgument('Chart.name');
      sheet.assertAllowed('allowEditObjects', 'Chart.name');
      if (sheet.charts.some((c) => c !== chart && c.name.toLowerCase() === name.toLowerCase())) throw err.alreadyExists('Chart.name');
      chart.name = name;
    },
  },
  chartType: {
    read: (p, x) => chartOf(p, x).chart.chartType,
    write: (p, x, v) => {
      if (!(CHART_TYPES as readonly string[]).includes(String(v))) throw err.invalidArgument('Chart.chartType');
      chartOf(p, x).chart.chartType = String(v);
    },
  },
});

export class ChartTitleProxy extends ProxyBase {
  readonly _typeName = 'ChartTitle';
}
declareScalars(ChartTitleProxy, {
  text: {
    read: (p, x) => chartOf(p, x).chart.title,
    write: (p, x, v) => {
      const { chart } = chartOf(p, x);
      chart.title = String(v ?? '');
      // Setting a title's text shows it (Excel).
      chart.titleVisible = chart.title !== '';
    },
  },
  visible: {
    read: (p, x) => chartOf(p, x).chart.titleVisible,
    write: (p, x, v) => {
      chartOf(p, x).chart.titleVisible = v === true;
    },
  },
});

declareNavs(ChartProxy, {
  title: (p) => new ChartTitleProxy(p._ctx, `${p._path}.title`, (x) => p._resolve(x)),
});
