/**
 * office-js #5299 (https://github.com/OfficeDev/office-js/issues/5299; Excel for Microsoft 365 on
 * Windows, Version 2412): "When creating conditional formatting via the JavaScript API, which refers
 * to another cell, if the value in that cell changes the conditional formatting does not update."
 * The 台账 row colours test the row's 预警状态 cell (`$Y2="逾期"` over the whole row): created by
 * 初始化台账 through Office.js on Windows, a row may keep yesterday's colour. The template's rules
 * (written by exceljs) are not affected.
 *
 * Mitigation: the schema tints the 预警状态 column with rules of its own (schema/ledger.ts); for a
 * schema that did not, 初始化台账 would give the 预警状态 column itself the row tint's rules. There each rule reads
 * only the cell it colours (`$Y2` applied to Y2:Y…), which is not the case #5299 describes, so the
 * status cell always shows its current colour even where the row tint lags. The row tint stays (it
 * is right wherever Excel refreshes it: the web, Mac, a reopened workbook). Modelled and tested on
 * the double's `m365-windows` profile (src/excel/double/profiles.ts, staleConditionalFormats).
 */
import { columnLetter, type ConditionalFormatSpec, type SheetSpec } from '../workbook/schema';

const STATUS_HEADER = '预警状态';

function parseBox(range: string): { c0: string; r0: number; c1: string; r1: number } | null {
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(range);
  return m ? { c0: m[1], r0: Number(m[2]), c1: m[3], r1: Number(m[4]) } : null;
}

/**
 * The sheet as 初始化台账 builds it through Office.js: for the table holding 预警状态, the rules of
 * every conditional format spanning that column whose formulas test only `$<status column><row>`
 * are repeated on the status column alone, first in priority.
 */
export function withSelfRefreshingRules(sheet: SheetSpec): SheetSpec {
  const extra: ConditionalFormatSpec[] = [];
  for (const table of sheet.tables) {
    const i = table.columns.findIndex((c) => c.header === STATUS_HEADER);
    if (i < 0) continue;
    const col = columnLetter(table.firstCol + i);
    // the schema already tints the status column on its own (schema/ledger.ts): nothing to add
    if (sheet.conditionalFormats.some((cf) => parseBox(cf.range)?.c0 === col && parseBox(cf.range)?.c1 === col)) continue;
    const own = new RegExp(`\\$${col}${table.headerRow + 1}(?![0-9])`);
    const cellRef = /\$?[A-Z]{1,3}\$?\d+/g;
    for (const cf of sheet.conditionalFormats) {
      const b = parseBox(cf.range);
      if (!b || b.r0 !== table.headerRow + 1 || b.c0 === b.c1 || b.c0 !== columnLetter(table.firstCol)) continue;
      const rules = cf.rules.filter(
        (r) => r.type === 'expression' && own.test(r.formula) && (r.formula.match(cellRef) ?? []).every((ref) => ref === `$${col}${table.headerRow + 1}`),
      );
      // `Y2` rather than `$Y2`: the same cell on a one-column range, and a formula of its own, so
      // 初始化台账's repair (which matches rules by formula) notices when these are lost.
      const self = rules.map((r) => (r.type === 'expression' ? { ...r, formula: r.formula.split(`$${col}`).join(col) } : r));
      if (self.length > 0) extra.push({ range: `${col}${b.r0}:${col}${b.r1}`, rules: self });
    }
  }
  return extra.length === 0 ? sheet : { ...sheet, conditionalFormats: [...extra, ...sheet.conditionalFormats] };
}
