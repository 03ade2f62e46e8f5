/**
 * Queue reads of whole tables and sheets inside one batch; the returned thunks are called after
 * the batch's single `context.sync()`. Keeping reads as "queue now, read later" is what lets every
 * user action cost a fixed number of round trips whatever the ledger's size.
 */
import { columnLetter } from '../workbook/schema';
import type { SheetGrid, SheetRow, SheetTable } from '../workbook/ledgerData';

export interface TableReadOptions {
  /**
   * Keep only the rows whose cell under `header` passes `keep` (the value as `values` would hold
   * it: '' → null, undefined without such a column). Filtering before the row objects are built is
   * what makes reading a few hundred 退回 out of tens of thousands of 反馈记录 rows cheap.
   */
  where?: { header: string; keep: (value: unknown) => boolean };
}

export interface QueuedTable {
  /** call after sync */
  read(opts?: TableReadOptions): SheetTable;
  /** the same rows as raw arrays with header positions (no record per row); call after sync */
  readGrid(opts?: TableReadOptions): SheetGrid;
}

/** A cell as a SheetTable row holds it: blank ('') → null. */
const asValue = (v: unknown): unknown => (v === '' ? null : v);

/** A table's header and body, as a SheetTable (Excel row numbers, header → column letter). */
export function queueTable(context: Excel.RequestContext, tableName: string): QueuedTable {
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load('values,columnIndex');
  const body = table.getDataBodyRange().load('values,rowIndex');
  const readGrid = (opts: TableReadOptions = {}): SheetGrid => {
    const headers = header.values[0].map((h) => String(h ?? '').trim());
    // each non-empty header once, at its first position (a repeated header reads its first column)
    const position = new Map<string, number>();
    headers.forEach((h, i) => {
      if (h && !position.has(h)) position.set(h, i);
    });
    const letters: Record<string, string> = {};
    for (const [h, i] of position) letters[h] = columnLetter(header.columnIndex + i + 1);
    const at = [...position.values()];
    const where = opts.where;
    const whereAt = where ? position.get(where.header) : undefined;
    const rows: SheetGrid['rows'] = [];
    body.values.forEach((cells, i) => {
      // the filter first: it looks at one cell, and turns most rows away when it is given
      if (where && !where.keep(whereAt === undefined ? undefined : asValue(cells[whereAt]))) return;
      if (!at.some((k) => cells[k] !== '' && cells[k] !== null)) return; // a blank row
      rows.push({ row: body.rowIndex + i + 1, cells });
    });
    return { headers, letters, position, rows };
  };
  return {
    readGrid,
    read(opts) {
      const g = readGrid(opts);
      const named = [...g.position];
      const rows = g.rows.map((r): SheetRow => {
        const values: Record<string, unknown> = {};
        for (const [h, k] of named) values[h] = asValue(r.cells[k]);
        return { row: r.row, values };
      });
      return { headers: g.headers, letters: g.letters, rows };
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
