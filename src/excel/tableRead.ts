/**
 * Queue reads of whole tables and sheets inside one batch; the returned thunks are called after
 * the batch's single `context.sync()`. Keeping reads as "queue now, read later" is what lets every
 * user action cost a fixed number of round trips whatever the ledger's size.
 */
import { columnLetter } from '../workbook/schema';
import type { SheetTable } from '../workbook/ledgerData';

export interface QueuedTable {
  /** call after sync */
  read(): SheetTable;
}

/** A table's header and body, as a SheetTable (Excel row numbers, header → column letter). */
export function queueTable(context: Excel.RequestContext, tableName: string): QueuedTable {
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load('values,columnIndex');
  const body = table.getDataBodyRange().load('values,rowIndex');
  return {
    read() {
      const headers = header.values[0].map((h) => String(h ?? '').trim());
      const letters: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h && !(h in letters)) letters[h] = columnLetter(header.columnIndex + i + 1);
      });
      const rows = body.values
        .map((row, i) => {
          const values: Record<string, unknown> = {};
          headers.forEach((h, k) => {
            if (h && !(h in values)) values[h] = row[k] === '' ? null : row[k];
          });
          return { row: body.rowIndex + i + 1, values };
        })
        .filter((r) => Object.values(r.values).some((v) => v !== null));
      return { headers, letters, rows };
    },
  };
}

/** The used range of a sheet as values and formulas (for 设置: name/value pairs). */
export function queueUsedRange(context: Excel.RequestContext, sheetName: string) {
  const used = context.workbook.worksheets.getItem(sheetName).getUsedRange().load('values,formulas');
  return {
    read(): { values: unknown[][]; formulas: unknown[][] } {
      return { values: used.values, formulas: used.formulas };
    },
  };
}
