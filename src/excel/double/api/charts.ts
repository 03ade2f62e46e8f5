/**
 * Charts (ExcelApi 1.1), the minimal part the 督查看板 needs (`worksheet.charts` is declared in
 * worksheet.ts):
 *
 * - `worksheet.charts` (ChartCollection): `add(type, sourceData, seriesBy?)`, `getCount()`, `items`
 *   (`load('items/name')`), `getItem(name)`, `getItemOrNullObject(name)`, `getItemAt(index)`.
 * - `Chart`: `name` (writable; unique per sheet, ItemAlreadyExists otherwise — uncertain: Excel
 *   may accept duplicates, the strict choice is taken), `id`, `chartType` (writable), `title.text`
 *   / `title.visible`, `setPosition(startCell, endCell?)`, `delete()`.
 * - `chart.series` (ChartSeriesCollection, ExcelApi 1.1): `items` (`load('items/name')`), `count`,
 *   `getItemAt(index)`, `getCount()` (1.4); `ChartSeries.name` (writable);
 *   `series.format.fill.setSolidColor(color)` / `clear()` (ChartSeriesFormat, ChartFill: ExcelApi 1.1).
 * - Stored per sheet (`sheet.charts`; `chartsOf(sheet)`, direct access): type, series-by, the source address as
 *   given at `add` (with its sheet), title, position (start/end cell addresses), the series (name,
 *   fill colour "#RRGGBB" or null for Office's palette).
 *
 * Series are fixed at `add` from the source range: 'Columns' (and 'Auto', taken as columns, as
 * the xlsx exporter does — Excel's Auto picks by shape) one series per column after the first,
 * named by the first row's text ("SeriesN" when blank); 'Rows' the transpose; a source of one row
 * or column is one series "Series1". They do not follow later edits of the cells.
 *
 * Not modelled: series `add`/`delete`/values, axes, legend, data labels, other formatting,
 * `setData`, chart sheets, events; the source range does not move with row inserts/deletes
 * (Excel's series references would); `seriesBy` 'Auto' is stored as given, not resolved. Adding a
 * chart to a protected sheet needs `allowEditObjects` (as Excel: "Edit objects"), and so do
 * moving, renaming, deleting it and renaming or colouring its series.
 */
import { formatAddress, formatRect, type Rect } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import type { ChartModel, ChartSeriesModel, DoubleSheet } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, declareNavs, declareScalars, payloadSize, queueResult } from '../proxy';
import { normalizeColor } from '../values';
import { RangeProxy, rectArg } from './range';
import { rangeOf, sheetOf } from './resolve';

let nextId = 1;

/** Excel.ChartType values the double accepts (a subset: the common 2-D types). */
export const CHART_TYPES = [
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'LineMarkers',
  'LineStacked',
  'Pie',
  'Doughnut',
  'Area',
  'AreaStacked',
  'XYScatter',
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

interface SeriesHandle extends ChartHandle {
  index: number;
}

function seriesHandleOf(p: ProxyBase, x: Exec): SeriesHandle & { series: ChartSeriesModel } {
  const h = p._resolve(x) as SeriesHandle | null;
  if (!h || !x.wb.sheets.includes(h.sheet) || !h.sheet.charts.includes(h.chart) || h.index >= h.chart.series.length) {
    throw err.itemNotFound(p._typeName);
  }
  return { ...h, series: h.chart.series[h.index] };
}

/** The series of a new chart, from its source (see the file header). */
function seriesFrom(sheet: DoubleSheet, rect: Rect, seriesBy: string): ChartSeriesModel[] {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (rows < 2 || cols < 2) return [{ name: 'Series1', fill: null }];
  const byRows = seriesBy === 'Rows';
  return Array.from({ length: byRows ? rows - 1 : cols - 1 }, (_, k) => {
    const text = byRows ? sheet.textAt(rect.r0 + 1 + k, rect.c0) : sheet.textAt(rect.r0, rect.c0 + 1 + k);
    return { name: text !== '' ? text : `Series${k + 1}`, fill: null };
  });
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
        series: seriesFrom(tr.sheet, tr.rect, seriesBy),
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
  series: (p) => new ChartSeriesCollectionProxy(p._ctx, `${p._path}.series`, (x) => p._resolve(x)),
});

// ---------------------------------------------------------------- ChartSeriesCollection, ChartSeries, format, fill

export class ChartSeriesCollectionProxy extends CollectionProxy<ChartSeriesProxy> {
  readonly _typeName = 'ChartSeriesCollection';

  _list(x: Exec): unknown[] {
    const { sheet, chart } = chartOf(this, x);
    return chart.series.map((_, index) => ({ sheet, chart, index }) satisfies SeriesHandle);
  }

  _makeItem(handle: unknown): ChartSeriesProxy {
    return new ChartSeriesProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle ?? null);
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const all = this._list(x);
      if (!Number.isInteger(index) || index < 0 || index >= all.length) throw err.itemNotFound('ChartSeriesCollection.getItemAt');
      return all[index];
    });
  }

  /** ExcelApi 1.4. */
  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => chartOf(this, x).chart.series.length);
  }
}
declareScalars(ChartSeriesCollectionProxy, {
  count: { read: (p, x) => chartOf(p, x).chart.series.length, explicitOnly: true },
});

export class ChartSeriesProxy extends ProxyBase {
  readonly _typeName = 'ChartSeries';
}
declareScalars(ChartSeriesProxy, {
  name: {
    read: (p, x) => seriesHandleOf(p, x).series.name,
    write: (p, x, v) => {
      const { sheet, series } = seriesHandleOf(p, x);
      sheet.assertAllowed('allowEditObjects', 'ChartSeries.name');
      series.name = String(v ?? '');
    },
    bytes: true,
  },
});

export class ChartSeriesFormatProxy extends ProxyBase {
  readonly _typeName = 'ChartSeriesFormat';
}

export class ChartFillProxy extends ProxyBase {
  readonly _typeName = 'ChartFill';

  /** "Sets the fill formatting of a chart element to a uniform color." (HTML colour code or name) */
  setSolidColor(color: string): void {
    this._queue(
      'setSolidColor',
      (x) => {
        const loc = 'ChartFill.setSolidColor';
        const { sheet, series } = seriesHandleOf(this, x);
        sheet.assertAllowed('allowEditObjects', loc);
        try {
          series.fill = normalizeColor(String(color));
        } catch {
          throw err.invalidArgument(loc);
        }
      },
      () => payloadSize(color),
    );
  }

  /** "Clears the fill color of a chart element." (back to Office's palette) */
  clear(): void {
    this._queue('clear', (x) => {
      const { sheet, series } = seriesHandleOf(this, x);
      sheet.assertAllowed('allowEditObjects', 'ChartFill.clear');
      series.fill = null;
    });
  }
}

declareNavs(ChartSeriesProxy, {
  format: (p) => new ChartSeriesFormatProxy(p._ctx, `${p._path}.format`, (x) => p._resolve(x)),
});
declareNavs(ChartSeriesFormatProxy, {
  fill: (p) => new ChartFillProxy(p._ctx, `${p._path}.fill`, (x) => p._resolve(x)),
});
