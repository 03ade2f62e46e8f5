/**
 * The queued writes of a round, as steps that are packed into syncs of at most the payload budget
 * (Excel on the web refuses a request over 5 MB): list bodies replaced, report grids with their
 * merges, look and print setup.
 *
 * A list body is replaced by APPENDING the new rows below the old ones and then deleting the old
 * rows (co-authoring-safe appends through getRowsBelow, never rows.add). Excel applies the
 * operations of a failed batch up to the one that failed, so a round can stop between any two of
 * them; with this order no row the clerk typed or edited is ever overwritten before its new copy
 * exists. What a stop can leave is the same row twice (the old copy above, the new one below):
 * roundLists reads the old copy first and drops a hand row that repeats another word for word.
 */
import { columnLetter } from '../workbook/schema';
import { documentPrintSetup } from '../workbook/print';
import type { CellValue } from './cells';
import { jsonBytes } from './payloadBytes';
import { queuePrintSetup } from './printSetup';
import { REPORT_WIDTHS, queueStyles, reportStyles } from './reportStyle';
import { LAYOUT, padGrid, type ReportGrid, type Row } from './roundGrid';
import { BASELINE_COLS } from './roundLists';

/** What Excel counts per queued operation beside its values (object paths, method names). */
const OP_BYTES = 256;

/** A unit of writing: the sheets it writes (unprotected around it), its size, its queued calls. */
export interface WriteStep {
  sheets: readonly string[];
  bytes: number;
  queue(context: Excel.RequestContext): void;
}

/**
 * Steps grouped, in order, into syncs of at most `budget` bytes (a step alone over the budget gets
 * a sync of its own; the steps that build it keep each under the budget).
 */
export function packSteps(steps: readonly WriteStep[], budget: number): WriteStep[][] {
  const groups: WriteStep[][] = [];
  let size = 0;
  for (const s of steps) {
    const last = groups[groups.length - 1];
    if (!last || size + s.bytes > budget) {
      groups.push([s]);
      size = s.bytes;
    } else {
      last.push(s);
      size += s.bytes;
    }
  }
  return groups;
}

/** Rows cut into runs of at most `budget` bytes each. */
export function chunkRows(rows: readonly Row[], budget: number): { first: number; rows: Row[]; bytes: number }[] {
  const chunks: { first: number; rows: Row[]; bytes: number }[] = [];
  let current: { first: number; rows: Row[]; bytes: number } | null = null;
  rows.forEach((row, i) => {
    const bytes = jsonBytes(row) + 1;
    if (!current || (current.bytes + bytes > budget && current.rows.length > 0)) {
      current = { first: i, rows: [], bytes: OP_BYTES };
      chunks.push(current);
    }
    current.rows.push(row);
    current.bytes += bytes;
  });
  return chunks;
}

/**
 * Replace a table's body (`currentRows` rows now) by `rows` (in the table's column order): the new
 * rows appended below, chunk by chunk, then the old rows deleted (shift up, the table's own columns
 * only). An empty list leaves one blank body row (a table keeps at least one).
 */
export function replaceBodySteps(tableName: string, currentRows: number, width: number, rows: readonly Row[], budget: number): WriteStep[] {
  const sheets = [tableName];
  const body = (context: Excel.RequestContext) => context.workbook.tables.getItem(tableName).getDataBodyRange();
  if (rows.length === 0) {
    // nothing to keep (hand rows are always kept, so an empty list had none): blank the first row
    return [
      {
        sheets,
        bytes: OP_BYTES * 2 + width * 3,
        queue(context) {
          const b = body(context);
          b.getRow(0).values = [Array<CellValue>(width).fill('')];
          if (currentRows > 1)
            b.getRow(1)
              .getResizedRange(currentRows - 2, 0)
              .delete('Up' as Excel.DeleteShiftDirection.up);
        },
      },
    ];
  }
  const appends: WriteStep[] = chunkRows(rows, budget - OP_BYTES).map((chunk) => ({
    sheets,
    bytes: chunk.bytes,
    queue(context) {
      body(context).getRowsBelow(chunk.rows.length).values = chunk.rows as CellValue[][];
    },
  }));
  const deleteOld: WriteStep = {
    sheets,
    bytes: OP_BYTES,
    queue(context) {
      body(context)
        .getRow(0)
        .getResizedRange(currentRows - 1, 0)
        .delete('Up' as Excel.DeleteShiftDirection.up);
    },
  };
  return [...appends, deleteOld];
}

/** A grid's values from `firstRow` on, padded to its width, in chunks of at most `budget` bytes. */
export function gridValueSteps(sheet: string, grid: ReportGrid, firstRow: number, budget: number): WriteStep[] {
  const width = Math.max(grid.width, LAYOUT.width);
  const last = columnLetter(width);
  const rows = padGrid(grid.rows, width).slice(firstRow - 1);
  return chunkRows(rows, budget - OP_BYTES).map((chunk) => ({
    sheets: [sheet],
    bytes: chunk.bytes,
    queue(context) {
      const top = firstRow + chunk.first;
      context.workbook.worksheets.getItem(sheet).getRange(`A${top}:${last}${top + chunk.rows.length - 1}`).values = chunk.rows;
    },
  }));
}

/** Bytes of the look of a grid (merges, bold rows, number formats, styles, print setup). */
export function lookBytes(grid: ReportGrid): number {
  return OP_BYTES * (grid.mergedRows.length + grid.boldRows.length + grid.formats.length + reportStyles(grid).length * 2 + 24);
}

/** Merges, bold rows and number formats of a grid from `firstWriteRow` on. */
export function queueGridLook(ws: Excel.Worksheet, grid: ReportGrid, firstWriteRow: number): void {
  const last = columnLetter(Math.max(grid.width, LAYOUT.width));
  for (const r of grid.mergedRows) {
    if (r < firstWriteRow) continue;
    ws.getRange(`A${r}:${columnLetter(LAYOUT.width)}${r}`).merge(false);
  }
  for (const r of grid.boldRows) if (r >= firstWriteRow) ws.getRange(`A${r}:${last}${r}`).format.font.bold = true;
  for (const f of grid.formats) ws.getRange(f.address).numberFormat = [[f.numberFormat]];
}

/** Unmerge and clear rows [from, to] over columns A:last. */
export function queueClearRows(ws: Excel.Worksheet, from: number, to: number, lastCol: string): void {
  if (to < from) return;
  const r = ws.getRange(`A${from}:${lastCol}${to}`);
  r.unmerge();
  r.clear('All' as Excel.ClearApplyTo.all);
}

/** Widths, look and print setup of a report sheet (idempotent). */
function queueReportLook(ws: Excel.Worksheet, grid: ReportGrid): void {
  // the title over the printed width (the template's merge is narrower)
  const title = ws.getRange(`A1:${columnLetter(grid.printWidth)}1`);
  title.unmerge();
  title.merge(false);
  ws.getRange('A:A').format.columnWidth = REPORT_WIDTHS.first;
  ws.getRange(`B:${columnLetter(Math.max(grid.width, grid.printWidth))}`).format.columnWidth = REPORT_WIDTHS.rest;
  queueStyles(ws, reportStyles(grid));
  queuePrintSetup(ws, documentPrintSetup({ lastRow: grid.lastRow, lastColumn: columnLetter(grid.printWidth) }, [grid.appendixFirst]));
}

/** 督查报告: the look, and the hidden 生成记录 columns. */
export function queueReportLayout(ws: Excel.Worksheet, grid: ReportGrid): void {
  queueReportLook(ws, grid);
  ws.getRange(`${BASELINE_COLS.first}:${BASELINE_COLS.last}`).columnHidden = true;
}

/** A dated copy's look (its values are written by gridValueSteps). */
export function queueArchiveLook(ws: Excel.Worksheet, grid: ReportGrid): void {
  queueGridLook(ws, grid, 1);
  queueReportLook(ws, grid);
}

/** The whole live grid (督查报告 is small: one step). */
export function queueGrid(ws: Excel.Worksheet, grid: ReportGrid, firstWriteRow: number): void {
  const width = Math.max(grid.width, LAYOUT.width);
  const rows = padGrid(grid.rows, width).slice(firstWriteRow - 1);
  if (rows.length > 0) ws.getRange(`A${firstWriteRow}:${columnLetter(width)}${firstWriteRow + rows.length - 1}`).values = rows;
  queueGridLook(ws, grid, firstWriteRow);
}
