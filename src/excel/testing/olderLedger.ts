/**
 * Ledgers as older versions of the add-in made them, built from a current one by taking out what
 * came later (tests of 初始化台账's upgrade and of reading an older ledger):
 * - 结构版本 3 and before: the 台账 table ends at 佐证材料 (the helpers appended after it came with
 *   结构版本 4), and 日历 ends at 第N个工作日 (its per-date deadline columns came with 结构版本 4);
 * - 结构版本 2 and before: no 佐证材料 either.
 */
import { CALENDAR_DUE_COLUMNS } from '../../workbook/formulas';
import { LEDGER_COLUMNS, settingRow, sheetSpec } from '../../workbook/schema';
import type { ExcelDouble } from '../double';
import { LEDGER_PROTECTION_OPTIONS } from '../protection';

const EVIDENCE = LEDGER_COLUMNS.findIndex((c) => c.header === '佐证材料');
/** 台账 columns of 结构版本 4 (appended after 佐证材料). */
export const V4_LEDGER_COLUMNS = LEDGER_COLUMNS.slice(EVIDENCE + 1);
/** 日历 columns of 结构版本 4. */
export const V4_CALENDAR_COLUMNS = CALENDAR_DUE_COLUMNS.map((c) => c.header);
/** The 台账 columns of a ledger of a version (2: before 佐证材料; 3: before the version-4 helpers). */
export const ledgerColumnsOf = (version: 2 | 3) => LEDGER_COLUMNS.slice(0, version === 2 ? EVIDENCE : EVIDENCE + 1);

/**
 * Takes an initialised (current) ledger back to `version`: the later columns deleted, 结构版本 set
 * back. Sheets end protected.
 */
export async function downgrade(xl: ExcelDouble, version: 2 | 3): Promise<void> {
  const ledger = xl.workbook.sheet('台账');
  const calendar = xl.workbook.sheet('日历');
  ledger.unprotect();
  calendar.unprotect();
  const gone = LEDGER_COLUMNS.length - ledgerColumnsOf(version).length;
  await xl.run(async (context) => {
    for (const c of LEDGER_COLUMNS.slice(-gone)) context.workbook.tables.getItem('台账').columns.getItem(c.header).delete();
    for (const h of V4_CALENDAR_COLUMNS) context.workbook.tables.getItem('日历').columns.getItem(h).delete();
  });
  ledger.protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>);
  if (sheetSpec('日历').protect) calendar.protect(LEDGER_PROTECTION_OPTIONS as Record<string, boolean | string>);
  xl.workbook.sheet('设置').setValues(`B${settingRow('结构版本')}`, [[version]]);
}
