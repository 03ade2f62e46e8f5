/**
 * What a chart of the Excel double plots, read from its source range: categories, series and
 * whether the values are percentages. Pure and browser-safe (the preview draws it with
 * ChartPreview.tsx).
 *
 * Layout of the source (series by columns): the first row holds the series names, the first
 * column the categories, every further column is one series. `seriesBy` 'Rows' is the transpose;
 * 'Auto' is taken as Excel resolves it for a plain range: series along rows when the range has
 * more columns than rows, along columns otherwise. Blank and non-numeric cells give null (a gap).
 * Category and series names are the cells' displayed text. A series carries the colour the add-in
 * set on it (`series.format.fill.setSolidColor`, kept in the chart's model), which Excel draws
 * instead of its palette.
 */
import { splitSheetAddress, type ChartModel, type DoubleWorkbook } from '../excel/double';
import { formatRect, parseRect, type Rect } from '../excel/double/address';
import type { CellValue } from '../excel/double';
import { ui } from '../i18n';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** "#RRGGBB" set on the series by the add-in; absent: Office's palette */
  fill?: string;
}

export interface ChartData {
  /** Excel.ChartType, as stored ('ColumnStacked', 'Line', 'Pie', …) */
  type: string;
  /** '' when the chart shows no title */
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** every numeric value cell has a percent number format (the value axis then reads in %) */
  percent: boolean;
}

/** A whole-column reference is cut to the used rows; beyond this many rows/columns the rest is left out. */
const MAX_CATEGORIES = 500;
const MAX_SERIES = 60;

function numeric(v: CellValue): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A number format that shows a percentage (ignoring quoted literals and escaped characters). */
export function isPercentFormat(format: string): boolean {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

function transpose<T>(m: T[][]): T[][] {
  const rows = m.length;
  const cols = rows === 0 ? 0 : m[0].length;
  return Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => m[r][c]));
}

/** The source rectangle, cut to the used area when it is huge (whole columns/rows) and to the caps. */
function boundedRect(rect: Rect, used: Rect | undefined, byRows: boolean): Rect {
  const r = { ...rect };
  const maxRows = (byRows ? MAX_SERIES : MAX_CATEGORIES) + 1;
  const maxCols = (byRows ? MAX_CATEGORIES : MAX_SERIES) + 1;
  if (r.r1 - r.r0 + 1 > maxRows) r.r1 = Math.max(r.r0, Math.min(r.r1, used ? used.r1 : r.r0, r.r0 + maxRows - 1));
  if (r.c1 - r.c0 + 1 > maxCols) r.c1 = Math.max(r.c0, Math.min(r.c1, used ? used.c1 : r.c0, r.c0 + maxCols - 1));
  return r;
}

export function chartData(wb: DoubleWorkbook, chart: ChartModel): ChartData {
  const title = chart.titleVisible ? chart.title : '';
  const empty: ChartData = { type: chart.chartType, title, categories: [], series: [], percent: false };
  const { sheet: sheetName, local } = splitSheetAddress(chart.source);
  const sheet = sheetName === undefined ? undefined : wb.findSheet(sheetName);
  if (!sheet) return empty;
  let rect: Rect;
  try {
    rect = parseRect(local, 'chartData');
  } catch {
    return empty;
  }
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  const byRows = chart.seriesBy === 'Rows' || (chart.seriesBy === 'Auto' && cols > rows);
  const address = formatRect(boundedRect(rect, sheet.usedRect(true), byRows));
  const oriented = <T>(m: T[][]): T[][] => (byRows ? transpose(m) : m);
  const values = oriented(sheet.getValues(address));
  const labels = oriented(sheet.getText(address));
  const formats = oriented(sheet.getNumberFormats(address));
  const header = labels[0] ?? [];
  const categories = labels.slice(1).map((row) => row[0] ?? '');
  const series: ChartSeries[] = [];
  let numbers = 0;
  let percents = 0;
  for (let c = 1; c < header.length; c += 1) {
    const name = header[c].trim() === '' ? ui.preview.chartSeriesName(c) : header[c];
    const vals = values.slice(1).map((row, r) => {
      const v = numeric(row[c]);
      if (v !== null) {
        numbers += 1;
        if (isPercentFormat(formats[r + 1][c])) percents += 1;
      }
      return v;
    });
    // the model's series of the same place and name (the model fixes 'Auto' as columns: a series
    // this reading puts along rows has no match there, and Excel's palette colours it)
    const model = chart.series[c - 1];
    const fill = model && model.name === header[c] ? model.fill : null;
    series.push(fill ? { name, values: vals, fill } : { name, values: vals });
  }
  return { type: chart.chartType, title, categories, series, percent: numbers > 0 && percents === numbers };
}
