/**
 * The ledger workbook described as DATA: sheets, tables, columns (input or formula), data
 * validation, conditional formats, freeze panes, protection and the 设置 rows with their defined
 * names, one file per sheet (ledger, settings, scores, tables) over shared types. `template.ts`
 * writes it with exceljs; 初始化台账 (src/excel/initialise.ts) creates the same workbook from it.
 * Formula text is stored without the leading '=' in plain A1 form (`$M{r}`, `台账!$G$2:$G$20001`):
 * formulas.ts writes structured references and `toA1` (applied to every formula of the schema
 * below) turns them into references that Excel, LibreOffice and Gnumeric all compute.
 */
import { defaultSettings } from '../../domain/settings';
import { CALENDAR, DETAIL, LEDGER, PEOPLE, RECORDS, toA1, type TableLayout } from '../formulas';
import { workbook as t } from '../../i18n/workbook';
import { ledgerSheet } from './ledger';
import { monthlySheet } from './scores';
import { SETTING_ROWS, settingRef, settingsSheet } from './settings';
import { CALENDAR_COLUMNS, LOG_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS, listColumns, reportSheet, simpleTableSheet } from './tables';
import { SCHEMA_VERSION, columnLetter, type SheetSpec, type WorkbookSchema } from './types';
import { SHEET } from '../sheetNames';

export * from './types';
export * from './ledger';
export * from './settings';
export * from './scores';
export { CALENDAR_COLUMNS, LOG_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS } from './tables';

const SHEETS: SheetSpec[] = [
  ledgerSheet,
  simpleTableSheet(SHEET.records, RECORDS, RECORD_COLUMNS, true, 'FF2E75B6'),
  simpleTableSheet(SHEET.people, PEOPLE, PEOPLE_COLUMNS, false, 'FFBF8F00'),
  simpleTableSheet(SHEET.calendar, CALENDAR, CALENDAR_COLUMNS, true, 'FF7F7F7F'),
  settingsSheet,
  monthlySheet,
  simpleTableSheet(SHEET.issues, SHEET.issues, listColumns(t.lists.问题清单, [6, 13, 50, 18, 10, 11, 9, 6, 20]), false, 'FFC00000'),
  simpleTableSheet(SHEET.nonImplementation, SHEET.nonImplementation, listColumns(t.lists.不落实清单, [6, 13, 18, 70, 22, 9, 6, 20]), false, 'FFC00000'),
  reportSheet,
  simpleTableSheet(SHEET.log, SHEET.log, LOG_COLUMNS, false, 'FF7F7F7F'),
];

// Every formula of the schema in A1 form (formulas.ts `toA1`): the file holds no structured reference.
const LAYOUTS = new Map<string, TableLayout>();
for (const sheet of SHEETS) {
  for (const table of sheet.tables) {
    LAYOUTS.set(table.name, {
      sheet: sheet.name,
      headerRow: table.headerRow,
      letters: new Map(table.columns.map((c, i) => [c.header, columnLetter(table.firstCol + i)])),
    });
  }
}
// In place, so that LEDGER_COLUMNS, DETAIL_COLUMNS, … (the same objects) say what the file holds.
for (const sheet of SHEETS) {
  for (const table of sheet.tables) {
    for (const c of table.columns) {
      if (!c.formula) continue;
      const rowFree = toA1(c.formula, LAYOUTS, table.name, true);
      if (!/\{(r|prev|next)\}/.test(rowFree)) c.rowFreeFormula = rowFree;
      c.formula = toA1(c.formula, LAYOUTS, table.name);
    }
  }
  for (const block of sheet.blocks) for (const c of block.columns) if (c.formula) c.formula = toA1(c.formula, LAYOUTS, null);
  for (const c of sheet.cells) if (c.formula) c.formula = toA1(c.formula, LAYOUTS, null);
}

export const WORKBOOK_SCHEMA: WorkbookSchema = {
  version: SCHEMA_VERSION,
  sheets: SHEETS,
  names: SETTING_ROWS.filter((r) => !r.noName).map((r) => ({ name: r.name, ref: settingRef(r.name) })),
};

/** The sheet spec by name. */
export function sheetSpec(name: string): SheetSpec {
  const s = WORKBOOK_SCHEMA.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every formula of the schema with where it lives (tests scan them). */
export function allFormulas(): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  for (const sheet of WORKBOOK_SCHEMA.sheets) {
    for (const table of sheet.tables) {
      for (const c of table.columns) if (c.formula) out.push({ where: `${sheet.name}!${table.name}[${c.header}]`, formula: c.formula });
    }
    for (const block of sheet.blocks) {
      for (const c of block.columns) if (c.formula) out.push({ where: `${sheet.name}!block[${c.header}]`, formula: c.formula });
    }
    for (const cell of sheet.cells) if (cell.formula) out.push({ where: `${sheet.name}!${cell.address}`, formula: cell.formula });
  }
  for (const row of SETTING_ROWS) {
    const v = row.value(defaultSettings());
    if (typeof v === 'object') out.push({ where: `设置!${row.name}`, formula: v.formula });
  }
  return out;
}

// re-exported for the writer and tests
export { CALENDAR, DETAIL, LEDGER, PEOPLE, RECORDS };
