import { LEDGER_SHEETS } from '../workbook/ledgerSheets';
import type { ExcelRun } from './run';

export interface WorkbookInfo {
  /** The workbook's file name as Excel reports it. */
  name: string;
  /** For each ledger sheet (LEDGER_SHEETS order): does the workbook have it? */
  sheets: Record<string, boolean>;
}

/** Which workbook the task pane is attached to and which ledger sheets it has: one round trip. */
export async function readWorkbookInfo(run: ExcelRun): Promise<WorkbookInfo> {
  return run(async (context) => {
    const workbook = context.workbook;
    workbook.load('name');
    const worksheets = workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name));
    const sheets: Record<string, boolean> = {};
    for (const name of LEDGER_SHEETS) sheets[name] = present.has(name);
    return { name: workbook.name, sheets };
  });
}
