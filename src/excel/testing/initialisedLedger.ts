/**
 * Ledgers for the tests of 初始化台账: one just initialised, or one with typed 台账 rows (the start
 * of an older ledger, which `olderLedger.ts` then takes back to its version).
 */
import type { LedgerItem } from '../../domain/types';
import type { CellValue } from '../cells';
import type { Result } from '../../domain/result';
import { columnLetter, sheetSpec } from '../../workbook/schema';
import { createExcelDouble, type ExcelDouble } from '../double';
import { initialiseLedger } from '../initialise';
import { itemCells, tableRow } from '../ledgerCodec';

/** The value of an ok result; a failed one throws with its code and message. */
export function okValue<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A blank workbook on which 初始化台账 ran as of `today`. */
export async function initialisedLedger(today: string): Promise<ExcelDouble> {
  const xl = createExcelDouble({ sheets: ['Sheet1'], workbookName: '督办台账.xlsx' });
  okValue(await initialiseLedger(xl.run, { today }));
  return xl;
}

/**
 * An initialised ledger whose 台账 body holds `items` (操作ID op-old-k), each cell as `cell` turns
 * it (header, written value); 台账 is left unprotected.
 */
export async function ledgerWithRows(
  today: string,
  items: readonly LedgerItem[],
  cell: (header: string, v: CellValue) => CellValue = (_h, v) => v,
  extra: Record<string, string> = {},
): Promise<ExcelDouble> {
  const xl = await initialisedLedger(today);
  const s = xl.workbook.sheet('台账');
  s.unprotect();
  const columns = sheetSpec('台账').tables[0].columns;
  const headers = columns.map((c) => c.header);
  s.setFormulas(
    `A2:${columnLetter(headers.length)}${items.length + 1}`,
    items.map((it, k) => tableRow(headers, columns, { ...itemCells(it), ...extra, 操作ID: `op-old-${k}` }).map((v, i) => cell(headers[i], v))),
  );
  return xl;
}
