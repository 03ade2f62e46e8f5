/**
 * How the 督查报告 and the 督查看板 look in Excel, so that printing them gives an attachment that
 * can go with a 公文: 宋体 body, 黑体 title and headings, bordered tables with a shaded header row,
 * sentences merged over the page width with a row height that fits their text, unused rows of the
 * fixed layout shrunk. Pure: `reportStyles` / `dashboardStyles` give the operations, `queueStyles`
 * queues them through Office.js (a fixed number per table or row kind, not per cell).
 */
import { columnLetter } from '../workbook/schema';
import type { DashboardGrid } from './dashboard';
import type { ReportGrid } from './rounds';

export const BODY_FONT = '宋体';
export const TITLE_FONT = '黑体';
const BODY_SIZE = 10.5;
const HEADER_FILL = '#EDEDED';
const HINT_COLOUR = '#808080';

export interface StyleOp {
  /** sheet-local A1 address */
  range: string;
  font?: { name?: string; size?: number; bold?: boolean; color?: string };
  /** '#RRGGBB', or '' for no fill */
  fill?: string;
  /** thin borders round every cell */
  grid?: boolean;
  horizontal?: 'Left' | 'Center' | 'Right';
  vertical?: 'Top' | 'Center' | 'Bottom';
  wrap?: boolean;
  rowHeight?: number;
  /** fit the rows' heights to their wrapped text */
  autofit?: boolean;
}

/** Column widths of the report (points): A holds section and source names, B:H figures. */
export const REPORT_WIDTHS = { first: 150, rest: 62 } as const;

/** Full-width characters per line of a sentence merged over A:H at 10.5 pt (a CJK glyph is 10.5 pt wide). */
const CHARS_PER_LINE = Math.floor((REPORT_WIDTHS.first + 7 * REPORT_WIDTHS.rest) / 10.5);
const LINE_HEIGHT = 15.5;

/** Printed width of a text in full-width characters (Latin letters and digits count about half). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return w;
}

/** Height (points) of a sentence row that wraps over the page width. */
export function sentenceHeight(text: string): number {
  return Math.max(1, Math.ceil(textWidth(text) / CHARS_PER_LINE)) * LINE_HEIGHT + 4;
}

function tableOps(t: ReportGrid['tables'][number]): StyleOp[] {
  const last = columnLetter(t.width);
  const ops: StyleOp[] = [
    { range: `A${t.header}:${last}${t.last}`, grid: true, horizontal: 'Center', vertical: 'Center', wrap: true },
    { range: `A${t.header}:${last}${t.header}`, fill: HEADER_FILL, font: { bold: true }, rowHeight: 21 },
  ];
  if (t.last > t.header)
    ops.push({ range: `A${t.header + 1}:${last}${t.last}`, ...(t.longText ? { horizontal: 'Left', vertical: 'Top', autofit: true } : { rowHeight: 17 }) });
  if (t.labels && t.last > t.header + 1) ops.push({ range: `A${t.header + 1}:A${t.last - 1}`, horizontal: 'Left' });
  return ops;
}

/** The 督查报告 (live, or a dated copy with its lists). */
export function reportStyles(grid: ReportGrid): StyleOp[] {
  const width = columnLetter(Math.max(grid.width, grid.printWidth));
  const ops: StyleOp[] = [
    // no bold here: queueGrid has made headings, table headers and totals bold
    { range: `A1:${width}${grid.rows.length}`, font: { name: BODY_FONT, size: BODY_SIZE } },
    { range: `A1:${width}1`, font: { name: TITLE_FONT, size: 20, bold: false }, horizontal: 'Center', vertical: 'Center', rowHeight: 40 },
    { range: 'A2:A3', horizontal: 'Right' },
    // the template's input shading on the dates is for the screen; the printed report has none
    { range: `B2:${width}3`, horizontal: 'Left', rowHeight: 18, fill: '' },
  ];
  const inTable = new Set<number>();
  for (const t of grid.tables) for (let r = t.header; r <= t.last; r++) inTable.add(r);
  const special = new Set<number>([1, 2, 3, ...inTable, ...grid.mergedRows, ...grid.headings.map((h) => h.row)]);
  for (const h of grid.headings) {
    ops.push({ range: `A${h.row}`, font: { name: TITLE_FONT, size: h.level === 1 ? 14 : 12, bold: false }, vertical: 'Bottom', rowHeight: 24 });
  }
  for (const r of grid.mergedRows) {
    const text = String(grid.rows[r - 1]?.[0] ?? '').replace(/^'/, '');
    ops.push({ range: `A${r}`, wrap: true, vertical: 'Top', horizontal: 'Left', rowHeight: sentenceHeight(text) });
  }
  for (const t of grid.tables) ops.push(...tableOps(t));
  // unused rows of the fixed layout (empty problem / suggestion slots, gaps): thin
  grid.rows.forEach((row, i) => {
    if (!special.has(i + 1) && row.slice(0, grid.printWidth).every((v) => v === '')) ops.push({ range: `A${i + 1}`, rowHeight: 6 });
  });
  // the editing hint beside 三、督查建议: grey, small, not bold (outside the print area)
  grid.rows.forEach((row, i) => {
    if (row.length > grid.printWidth && row.slice(grid.printWidth).some((v) => v !== '')) {
      ops.push({ range: `${columnLetter(grid.printWidth + 1)}${i + 1}:${width}${i + 1}`, font: { name: BODY_FONT, size: 9, bold: false, color: HINT_COLOUR } });
    }
  });
  return ops;
}

/** The 督查看板's three tables. */
export function dashboardStyles(grid: DashboardGrid): StyleOp[] {
  const width = columnLetter(grid.width);
  const ops: StyleOp[] = [
    { range: `A1:${width}${grid.rows.length}`, font: { name: BODY_FONT, size: BODY_SIZE } },
    { range: `A1:${width}1`, font: { name: TITLE_FONT, size: 18, bold: false }, horizontal: 'Center', vertical: 'Center', rowHeight: 36 },
    { range: `A2:${width}2`, font: { size: 9.5 }, wrap: true, vertical: 'Top', rowHeight: 30 },
  ];
  for (const b of [grid.status, grid.trend, grid.source]) {
    ops.push({ range: `A${b.heading}`, font: { name: TITLE_FONT, size: 12, bold: false }, vertical: 'Bottom', rowHeight: 24 });
    ops.push(...tableOps({ header: b.header, last: b.last, width: b.width, labels: true }));
    if (b.last > b.header) ops.push({ range: `A${b.header + 1}:A${b.last}`, horizontal: 'Left' });
  }
  return ops;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Queue the operations (no sync). A one-row (one-column) range has no inside-horizontal (vertical) edge: not set (VBA raises error 1004 there). */
export function queueStyles(ws: Excel.Worksheet, ops: readonly StyleOp[]): void {
  for (const op of ops) {
    const f = ws.getRange(op.range).format;
    if (op.font?.name !== undefined) f.font.name = op.font.name;
    if (op.font?.size !== undefined) f.font.size = op.font.size;
    if (op.font?.bold !== undefined) f.font.bold = op.font.bold;
    if (op.font?.color !== undefined) f.font.color = op.font.color;
    if (op.fill === '') f.fill.clear();
    else if (op.fill !== undefined) f.fill.color = op.fill;
    if (op.horizontal) f.horizontalAlignment = op.horizontal as Excel.HorizontalAlignment;
    if (op.vertical) f.verticalAlignment = op.vertical as Excel.VerticalAlignment;
    if (op.wrap !== undefined) f.wrapText = op.wrap;
    if (op.rowHeight !== undefined) f.rowHeight = op.rowHeight;
    if (op.autofit) f.autofitRows();
    if (op.grid) {
      const [a, b = a] = op.range.split(':');
      const rowsOf = (x: string) => Number(/\d+/.exec(x)![0]);
      const colsOf = (x: string) => /[A-Z]+/.exec(x)![0];
      const oneRow = rowsOf(a) === rowsOf(b);
      const oneCol = colsOf(a) === colsOf(b);
      for (const edge of EDGES) {
        if ((edge === 'InsideHorizontal' && oneRow) || (edge === 'InsideVertical' && oneCol)) continue;
        const border = f.borders.getItem(edge as Excel.BorderIndex);
        border.style = 'Continuous' as Excel.BorderLineStyle;
        border.color = '#000000';
      }
    }
  }
}
