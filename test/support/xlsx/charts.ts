/**
 * The charts of an exported workbook (exportXlsx.ts): exceljs cannot write charts, so the zip is
 * post-processed — one `xl/drawings/drawingN.xml` per sheet with charts (a `xdr:twoCellAnchor` per
 * chart) and one `xl/charts/chartM.xml` (DrawingML) per chart, with their relationships, the
 * worksheet's `<drawing r:id>` and the content-type overrides.
 */
import type JSZip from 'jszip';
import { columnLetters, parseRect, splitSheetAddress, type Rect } from '../../../src/excel/double/address';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  chartsOf,
  hiddenColumns,
  type ChartModel,
  type DoubleSheet,
  type DoubleWorkbook,
} from '../../../src/excel/double/model';

const EMU_PER_POINT = 12700;
/** Excel's size for a new chart: 5 in × 3 in. */
const DEFAULT_CHART_WIDTH_PT = 360;
const DEFAULT_CHART_HEIGHT_PT = 216;

// ---------------------------------------------------------------- charts (DrawingML)

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `'Sheet Name'!$A$1:$A$5` — always quoted (valid for every name, needed for spaces/CJK in some readers). */
function absRef(sheetName: string, r: Rect): string {
  const a = (row: number, col: number): string => `$${columnLetters(col)}$${row + 1}`;
  const local = r.r0 === r.r1 && r.c0 === r.c1 ? a(r.r0, r.c0) : `${a(r.r0, r.c0)}:${a(r.r1, r.c1)}`;
  return `'${sheetName.replace(/'/g, "''")}'!${local}`;
}

interface SeriesSpec {
  name?: Rect;
  cat?: Rect;
  val: Rect;
}

/**
 * Series of a chart source. Columns (and Auto, taken as columns — Excel's Auto picks by shape):
 * first row = series names, first column = categories, each further column one series.
 * Rows: the transpose. A range of one row or column is a single unnamed series.
 */
function seriesOf(src: Rect, seriesBy: string): SeriesSpec[] {
  const rows = src.r1 - src.r0 + 1;
  const cols = src.c1 - src.c0 + 1;
  if (rows < 2 || cols < 2) return [{ val: src }];
  const out: SeriesSpec[] = [];
  if (seriesBy === 'Rows') {
    for (let r = src.r0 + 1; r <= src.r1; r += 1) {
      out.push({
        name: { r0: r, r1: r, c0: src.c0, c1: src.c0 },
        cat: { r0: src.r0, r1: src.r0, c0: src.c0 + 1, c1: src.c1 },
        val: { r0: r, r1: r, c0: src.c0 + 1, c1: src.c1 },
      });
    }
  } else {
    for (let c = src.c0 + 1; c <= src.c1; c += 1) {
      out.push({
        name: { r0: src.r0, r1: src.r0, c0: c, c1: c },
        cat: { r0: src.r0 + 1, r1: src.r1, c0: src.c0, c1: src.c0 },
        val: { r0: src.r0 + 1, r1: src.r1, c0: c, c1: c },
      });
    }
  }
  return out;
}

function cellsOf(r: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let row = r.r0; row <= r.r1; row += 1) for (let col = r.c0; col <= r.c1; col += 1) out.push([row, col]);
  return out;
}

/** Chart data: a reference with caches when the source sheet is in the file, literals otherwise. */
class DataWriter {
  constructor(
    private readonly sheet: DoubleSheet,
    private readonly inFile: boolean,
  ) {}

  private strPts(r: Rect): string {
    const cells = cellsOf(r);
    const pts = cells.map(([row, col], i) => `<c:pt idx="${i}"><c:v>${esc(this.sheet.textAt(row, col))}</c:v></c:pt>`).join('');
    return `<c:ptCount val="${cells.length}"/>${pts}`;
  }

  private numPts(r: Rect): string {
    const cells = cellsOf(r);
    const fmt = cells.length > 0 ? (this.sheet.fmtAt(cells[0][0], cells[0][1], 'numberFormat') ?? 'General') : 'General';
    const pts = cells
      .map(([row, col], i) => {
        const v = this.sheet.valueAt(row, col);
        return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '';
      })
      .join('');
    return `<c:formatCode>${esc(fmt)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}`;
  }

  str(r: Rect): string {
    if (!this.inFile) return `<c:strLit>${this.strPts(r)}</c:strLit>`;
    return `<c:strRef><c:f>${esc(absRef(this.sheet.name, r))}</c:f><c:strCache>${this.strPts(r)}</c:strCache></c:strRef>`;
  }

  num(r: Rect): string {
    if (!this.inFile) return `<c:numLit>${this.numPts(r)}</c:numLit>`;
    return `<c:numRef><c:f>${esc(absRef(this.sheet.name, r))}</c:f><c:numCache>${this.numPts(r)}</c:numCache></c:numRef>`;
  }

  tx(r: Rect): string {
    if (!this.inFile) return `<c:tx><c:v>${esc(this.sheet.textAt(r.r0, r.c0))}</c:v></c:tx>`;
    return `<c:tx>${this.str(r)}</c:tx>`;
  }
}

type Kind = 'bar' | 'line' | 'pie' | 'doughnut' | 'area' | 'scatter';

function kindOf(type: string): { kind: Kind; barDir?: 'col' | 'bar'; grouping?: string; markers?: boolean } {
  switch (type) {
    case 'ColumnClustered':
      return { kind: 'bar', barDir: 'col', grouping: 'clustered' };
    case 'ColumnStacked':
      return { kind: 'bar', barDir: 'col', grouping: 'stacked' };
    case 'ColumnStacked100':
      return { kind: 'bar', barDir: 'col', grouping: 'percentStacked' };
    case 'BarClustered':
      return { kind: 'bar', barDir: 'bar', grouping: 'clustered' };
    case 'BarStacked':
      return { kind: 'bar', barDir: 'bar', grouping: 'stacked' };
    case 'BarStacked100':
      return { kind: 'bar', barDir: 'bar', grouping: 'percentStacked' };
    case 'Line':
      return { kind: 'line', grouping: 'standard', markers: false };
    case 'LineMarkers':
      return { kind: 'line', grouping: 'standard', markers: true };
    case 'LineStacked':
      return { kind: 'line', grouping: 'stacked', markers: false };
    case 'Pie':
      return { kind: 'pie' };
    case 'Doughnut':
      return { kind: 'doughnut' };
    case 'Area':
      return { kind: 'area', grouping: 'standard' };
    case 'AreaStacked':
      return { kind: 'area', grouping: 'stacked' };
    case 'XYScatter':
      return { kind: 'scatter' };
    default:
      throw new Error(`exportXlsx: chart type ${type} is not supported`);
  }
}

const AX_CAT = 500000001;
const AX_VAL = 500000002;

/** Category and value axes; `valFormat` is the data's number format (Excel links the axis to it). */
function axes(kind: Kind, barDir: 'col' | 'bar' | undefined, valFormat: string): string {
  const catPos = barDir === 'bar' ? 'l' : 'b';
  const valPos = barDir === 'bar' ? 'b' : 'l';
  const common = (id: number, cross: number, pos: string, grid: boolean, format = 'General'): string =>
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>` +
    (grid ? '<c:majorGridlines/>' : '') +
    `<c:numFmt formatCode="${esc(format)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/>`;
  if (kind === 'scatter') {
    return (
      `<c:valAx>${common(AX_CAT, AX_VAL, 'b', false)}<c:crossBetween val="midCat"/></c:valAx>` +
      `<c:valAx>${common(AX_VAL, AX_CAT, 'l', true, valFormat)}<c:crossBetween val="midCat"/></c:valAx>`
    );
  }
  return (
    `<c:catAx>${common(AX_CAT, AX_VAL, catPos, false)}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx>${common(AX_VAL, AX_CAT, valPos, true, valFormat)}<c:crossBetween val="${kind === 'area' ? 'midCat' : 'between'}"/></c:valAx>`
  );
}

/** `xl/charts/chartN.xml` for one chart of the model. */
export function chartXml(chart: ChartModel, wb: DoubleWorkbook, exported: Set<DoubleSheet>): string {
  const { sheet: srcName, local } = splitSheetAddress(chart.source);
  const srcSheet = srcName === undefined ? undefined : wb.findSheet(srcName);
  if (!srcSheet) throw new Error(`exportXlsx: chart ${chart.name}: source sheet of ${chart.source} not found`);
  const data = new DataWriter(srcSheet, exported.has(srcSheet));
  const { kind, barDir, grouping, markers } = kindOf(chart.chartType);
  let series = seriesOf(parseRect(local), chart.seriesBy);
  if (kind === 'pie') series = series.slice(0, 1); // a pie shows its first series only

  const ser = series
    .map((s, i) => {
      // a colour set by series.format.fill.setSolidColor: c:ser/c:spPr (the line's stroke for a line chart)
      const fill = i < chart.series.length ? chart.series[i].fill : null;
      const solid = fill ? `<a:solidFill><a:srgbClr val="${fill.replace('#', '')}"/></a:solidFill>` : '';
      const spPr = !solid ? '' : kind === 'line' ? `<c:spPr><a:ln w="28575" cap="rnd">${solid}<a:round/></a:ln></c:spPr>` : `<c:spPr>${solid}</c:spPr>`;
      const head = `<c:idx val="${i}"/><c:order val="${i}"/>${s.name ? data.tx(s.name) : ''}${kind === 'scatter' ? '' : spPr}`;
      const cat = s.cat ? `<c:cat>${data.str(s.cat)}</c:cat>` : '';
      const val = `<c:val>${data.num(s.val)}</c:val>`;
      switch (kind) {
        case 'bar':
          return `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
        case 'line':
          return `<c:ser>${head}${markers ? '' : '<c:marker><c:symbol val="none"/></c:marker>'}${cat}${val}<c:smooth val="0"/></c:ser>`;
        case 'scatter': {
          const noLine = '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>';
          const x = s.cat ? `<c:xVal>${data.num(s.cat)}</c:xVal>` : '';
          return `<c:ser>${head}${noLine}${x}<c:yVal>${data.num(s.val)}</c:yVal><c:smooth val="0"/></c:ser>`;
        }
        default:
          return `<c:ser>${head}${cat}${val}</c:ser>`;
      }
    })
    .join('');

  const axIds = `<c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/>`;
  const first = series[0].val;
  const valFormat = grouping === 'percentStacked' ? '0%' : (srcSheet.fmtAt(first.r0, first.c0, 'numberFormat') ?? 'General');
  let plot: string;
  switch (kind) {
    case 'bar':
      plot =
        `<c:barChart><c:barDir val="${barDir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="${grouping === 'clustered' ? 219 : 150}"/><c:overlap val="${grouping === 'clustered' ? -27 : 100}"/>${axIds}</c:barChart>` +
        axes(kind, barDir, valFormat);
      break;
    case 'line':
      plot = `<c:lineChart><c:grouping val="${grouping}"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>${axes(kind, undefined, valFormat)}`;
      break;
    case 'area':
      plot = `<c:areaChart><c:grouping val="${grouping}"/><c:varyColors val="0"/>${ser}${axIds}</c:areaChart>${axes(kind, undefined, valFormat)}`;
      break;
    case 'scatter':
      plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}${axIds}</c:scatterChart>${axes(kind, undefined, valFormat)}`;
      break;
    case 'pie':
      plot = `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case 'doughnut':
      plot = `<c:doughnutChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
      break;
  }

  let title = '<c:autoTitleDeleted val="1"/>';
  if (chart.titleVisible && chart.title !== '') {
    title =
      '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>' +
      `<a:r><a:rPr lang="zh-CN" sz="1400" b="0"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
      '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  } else if (chart.titleVisible) {
    title = '<c:title><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'; // automatic title text
  }

  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

interface Anchor {
  from: { col: number; colOff: number; row: number; rowOff: number };
  to: { col: number; colOff: number; row: number; rowOff: number };
  cx: number;
  cy: number;
}

function colPoints(s: DoubleSheet, hidden: Set<number>, c: number): number {
  return hidden.has(c) ? 0 : (s.colWidth.get(c) ?? DEFAULT_COLUMN_WIDTH);
}

function rowPoints(s: DoubleSheet, r: number): number {
  return s.rowHeight.get(r) ?? DEFAULT_ROW_HEIGHT;
}

/** Walks `size` points from index `start` along widths; returns the cell and offset (EMU) it ends in. */
function walk(start: number, size: number, at: (i: number) => number): { index: number; off: number } {
  let i = start;
  let left = size;
  for (let guard = 0; guard < 100000; guard += 1) {
    const w = at(i);
    if (left < w) return { index: i, off: Math.round(left * EMU_PER_POINT) };
    left -= w;
    i += 1;
  }
  return { index: i, off: 0 };
}

/**
 * The anchor of a chart: from its start cell's top-left to its end cell's bottom-right
 * (`setPosition(start, end)` covers the end cell); without an end cell, Excel's default size from the
 * start cell; without a position, the default size to the right of the used range (charts without a
 * position stacked downwards).
 */
function anchorOf(s: DoubleSheet, chart: ChartModel, unpositioned: number): Anchor {
  const hidden = new Set(hiddenColumns(s));
  let start: { r: number; c: number };
  if (chart.position) {
    const r = parseRect(chart.position.start);
    start = { r: r.r0, c: r.c0 };
  } else {
    const used = s.usedRect(false);
    start = { r: unpositioned * 16, c: used ? used.c1 + 2 : 0 };
  }
  let to: Anchor['to'];
  if (chart.position?.end) {
    const e = parseRect(chart.position.end);
    to = { col: e.c1 + 1, colOff: 0, row: e.r1 + 1, rowOff: 0 };
  } else {
    const c = walk(start.c, DEFAULT_CHART_WIDTH_PT, (i) => colPoints(s, hidden, i));
    const r = walk(start.r, DEFAULT_CHART_HEIGHT_PT, (i) => rowPoints(s, i));
    to = { col: c.index, colOff: c.off, row: r.index, rowOff: r.off };
  }
  let w = to.colOff / EMU_PER_POINT;
  for (let c = start.c; c < to.col; c += 1) w += colPoints(s, hidden, c);
  let h = to.rowOff / EMU_PER_POINT;
  for (let r = start.r; r < to.row; r += 1) h += rowPoints(s, r);
  return {
    from: { col: start.c, colOff: 0, row: start.r, rowOff: 0 },
    to,
    cx: Math.round(w * EMU_PER_POINT),
    cy: Math.round(h * EMU_PER_POINT),
  };
}

function drawingXml(s: DoubleSheet, charts: ChartModel[]): string {
  let unpositioned = 0;
  const anchors = charts
    .map((chart, i) => {
      const a = anchorOf(s, chart, chart.position ? 0 : unpositioned++);
      const pt = (tag: string, p: Anchor['from']): string =>
        `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${p.colOff}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${p.rowOff}</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${pt('from', a.from)}${pt('to', a.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${a.cx}" cy="${a.cy}"/></xdr:xfrm>` +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/>` +
        '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${anchors}</xdr:wsDr>`
  );
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  const body = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${body}</Relationships>`;
}

/** Worksheet children that must come after `<drawing>` (the CT_Worksheet sequence of ECMA-376 Part 1). */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** Inserts `element` among the worksheet root's children at its schema position. */
export function insertDrawingElement(sheetXml: string, element: string): string {
  const tag = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(sheetXml))) {
    if (m[0].startsWith('<?') || m[0].startsWith('<!')) continue;
    const closing = m[1] === '/';
    const selfClosing = m[5] === '/';
    if (closing) {
      depth -= 1;
      if (depth === 0) return sheetXml.slice(0, m.index) + element + sheetXml.slice(m.index); // </worksheet>
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(m[3])) return sheetXml.slice(0, m.index) + element + sheetXml.slice(m.index);
    if (!selfClosing) depth += 1;
  }
  throw new Error('exportXlsx: worksheet XML without a root element');
}

function nextRelId(relsXmlText: string): number {
  let max = 0;
  for (const m of relsXmlText.matchAll(/\bId="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** The worksheet part of each `<sheet>` of xl/workbook.xml, in order. */
async function worksheetParts(zip: JSZip): Promise<string[]> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...book.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (!part) throw new Error('exportXlsx: cannot find a worksheet part in xl/workbook.xml');
    return part;
  });
}

export async function addCharts(zip: JSZip, wb: DoubleWorkbook, sheets: DoubleSheet[]): Promise<void> {
  const withCharts = sheets.map((s) => ({ s, charts: chartsOf(s) })).filter((x) => x.charts.length > 0);
  if (withCharts.length === 0) return;
  const parts = await worksheetParts(zip);
  const exported = new Set(sheets);
  let drawingNo = 0;
  let chartNo = 0;
  const overrides: string[] = [];
  const free = (path: (n: number) => string, n: number): number => {
    let k = n;
    while (zip.file(path(k))) k += 1;
    return k;
  };
  for (const { s, charts } of withCharts) {
    const sheetPart = parts[sheets.indexOf(s)];
    const sheetXml = await zip.file(sheetPart)!.async('string');
    const dir = sheetPart.slice(0, sheetPart.lastIndexOf('/'));
    const file = sheetPart.slice(sheetPart.lastIndexOf('/') + 1);
    const sheetRelsPath = `${dir}/_rels/${file}.rels`;
    const sheetRels = zip.file(sheetRelsPath) ? await zip.file(sheetRelsPath)!.async('string') : undefined;
    if (/<drawing\b/.test(sheetXml) || (sheetRels && sheetRels.includes(REL_DRAWING))) {
      throw new Error(`exportXlsx: sheet ${s.name} already has a drawing (images): not supported`);
    }

    drawingNo = free((n) => `xl/drawings/drawing${n}.xml`, drawingNo + 1);
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (const [i, chart] of charts.entries()) {
      chartNo = free((n) => `xl/charts/chart${n}.xml`, chartNo + 1);
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart, wb, exported));
      chartRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/>`);
    }
    zip.file(drawingPath, drawingXml(s, charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);

    const rel = { type: REL_DRAWING, target: `../drawings/drawing${drawingNo}.xml` };
    let relId: string;
    if (sheetRels) {
      relId = `rId${nextRelId(sheetRels)}`;
      const entry = `<Relationship Id="${relId}" Type="${rel.type}" Target="${rel.target}"/>`;
      zip.file(sheetRelsPath, sheetRels.replace('</Relationships>', `${entry}</Relationships>`));
    } else {
      relId = 'rId1';
      zip.file(sheetRelsPath, relsXml([{ id: relId, ...rel }]));
    }
    let xml = sheetXml;
    if (!/xmlns:r="/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet'))))) {
      xml = xml.replace('<worksheet', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    }
    zip.file(sheetPart, insertDrawingElement(xml, `<drawing r:id="${relId}"/>`));
  }
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', ct.replace('</Types>', `${overrides.join('')}</Types>`));
}
