/**
 * A section's .xlsx picked in the pane, read in the browser: exceljs is loaded only now (its own
 * webpack chunk, "xlsx", never in the pane's initial bundle), every worksheet's used range turned
 * into the records a pasted block yields (src/domain/import/sheetRows.ts). Nothing is uploaded:
 * the file's bytes stay in the page.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs objects, not Office.js proxies */
import type { Workbook } from 'exceljs';
import { sheetBlock } from '../domain/import/sheetRows';

export interface PickedSheet {
  name: string;
  /** header line first (title lines above it left out), as the clipboard parser yields them */
  records: string[][];
  /** the sheet row of records[0], so that messages name the rows the user sees in the file */
  firstRow: number;
}

/** A cell of a merged area other than its top-left one reads as blank (as a copied block has it). */
function rowValues(sheet: Workbook['worksheets'][number], r: number, columns: number): unknown[] {
  const row = sheet.getRow(r);
  const out: unknown[] = [];
  for (let c = 1; c <= columns; c += 1) {
    const cell = row.getCell(c);
    out.push(cell.isMerged && cell.master !== cell ? null : cell.value);
  }
  return out;
}

/** The worksheets of an .xlsx file's bytes, in workbook order; hidden sheets left out. Throws when the bytes are not an .xlsx. */
export async function readXlsxSheets(bytes: ArrayBuffer): Promise<PickedSheet[]> {
  const mod = await import(/* webpackChunkName: "xlsx" */ 'exceljs');
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets
    .filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden')
    .map((s) => {
      const rows: unknown[][] = [];
      for (let r = 1; r <= s.rowCount; r += 1) rows.push(rowValues(s, r, s.columnCount));
      return { name: s.name, ...sheetBlock(rows) };
    });
}
