/**
 * 初始化台账, the plan of a sheet built whole (a missing sheet, or an empty sheet of a ledger
 * name) and of a table built on empty ground. Pure: steps for initialiseApply.ts.
 */
import { isoToSerial } from '../domain/parseDate';
import { calendarRows } from '../workbook/calendarRows';
import { SETTING_ROWS, formulaForRow, settingRow, type BlockSpec, type SettingRow, type TableSpec } from '../workbook/schema';
import { textCell } from './cells';
import { anchoredTable, specTableCF } from './initialiseHelpers';
import type { Cell, PlanInputs, SheetDraft } from './initialisePlan';
import { SHEET } from '../workbook/sheetNames';

/** Seed rows of a table built from scratch (input cells; null where a formula goes). */
export function seedRows(inputs: PlanInputs, table: TableSpec, sheetIsNew: boolean): Cell[][] {
  const byHeader = (values: Record<string, Cell>) => table.columns.map((c) => (c.kind === 'formula' ? null : (values[c.header] ?? null)));
  switch (table.name) {
    case SHEET.people:
      return sheetIsNew
        ? inputs.sections.map((s) => byHeader({ 科室: textCell(s.section), 科长: textCell(s.chief), 分管副职: textCell(s.deputy), 备注: textCell(s.note) }))
        : [];
    case SHEET.calendar:
      return calendarRows().map((r) => byHeader({ 日期: isoToSerial(r.date), 工作日: r.workday, 说明: textCell(r.note) }));
    case SHEET.scoreDetail: {
      const year = inputs.today.slice(0, 4);
      const months = Array.from({ length: 12 }, (_, i) => isoToSerial(`${year}-${String(i + 1).padStart(2, '0')}-01`));
      return months.flatMap((m) => inputs.detailSections.map((s) => byHeader({ 月份: m, 科室: textCell(s) })));
    }
    default:
      return [];
  }
}

/** Builds a table from scratch at its spec place, with `rows` seed rows (at least one body row). */
export function buildTable(w: SheetDraft, table: TableSpec, rows: Cell[][]): void {
  const bodyRows = Math.max(1, rows.length);
  w.at('structure', { kind: 'tableFrame', table, rows, bodyRows });
  w.at('content', { kind: 'tableBody', table, bodyRows, clearValidation: false });
}

/** The values and formulas of a block's body, row by row. */
export function blockGrid(block: BlockSpec): Cell[][] {
  return Array.from({ length: block.rows }, (_, k) =>
    block.columns.map((c) => (c.formula ? `=${formulaForRow(c.formula, block.firstRow + k)}` : (c.values?.[k] ?? null))),
  );
}

/** A fixed text as written (behind Excel's apostrophe where it would not stay text). */
export function cellValue(v: string | number): string | number {
  return typeof v === 'string' ? textCell(v) : v;
}

/** A 设置 row's default value as written: a formula, a constant, or null for none. */
export function settingValue(inputs: PlanInputs, row: SettingRow): Cell {
  const v = row.value(inputs.settings);
  if (typeof v === 'object') return `=${v.formula}`;
  if (v === '') return null;
  return typeof v === 'string' ? textCell(v) : v;
}

/** A whole sheet from scratch (`isNew`: created; else an empty sheet of that name is already there). */
export function buildSheet(w: SheetDraft, isNew: boolean, position?: number): void {
  const spec = w.spec;
  const inputs = w.draft.inputs;
  w.built = true;
  if (isNew) w.create(position);
  w.at('structure', { kind: 'layoutSheet', spec });
  if (spec.freeze && (spec.freeze.row > 0 || spec.freeze.col > 0)) w.at('content', { kind: 'freezePanes', ...spec.freeze });
  const bodyRows = new Map<string, number>();
  for (const block of spec.blocks) {
    w.at('structure', { kind: 'blockFrame', block });
    w.at('content', {
      kind: 'formulas',
      at: { row: block.firstRow, col: block.firstCol, rows: block.rows, cols: block.columns.length },
      formulas: blockGrid(block),
    });
  }
  for (const table of spec.tables) {
    const rows = seedRows(inputs, table, isNew);
    bodyRows.set(table.name, Math.max(1, rows.length));
    buildTable(w, table, rows);
  }
  for (const cell of spec.cells) {
    w.at('structure', { kind: 'cellFrame', cell });
    if (cell.formula || cell.validation || cell.inputMessage) w.at('content', { kind: 'cellContent', cell });
  }
  if (spec.name === SHEET.settings) {
    // 设置 B values (formulas such as =TODAY() in the content phase)
    for (const row of SETTING_ROWS) {
      const v = settingValue(inputs, row);
      if (v === null) continue;
      const phase = typeof v === 'string' && v.startsWith('=') ? 'content' : 'structure';
      w.at(phase, { kind: 'formulas', at: `B${settingRow(row.name)}`, formulas: [[v]] });
    }
  }
  // The conditional formats, table-anchored ones over the table's body. The schema lists rules
  // highest priority first; each add goes on top, so add from the end.
  for (const cf of [...spec.conditionalFormats].reverse()) {
    const anchor = anchoredTable(spec, cf);
    const address = anchor ? specTableCF(anchor.table, anchor.from, anchor.to, bodyRows.get(anchor.table.name) ?? 1) : cf.range;
    w.at('content', { kind: 'conditionalFormats', address, rules: cf.rules });
  }
}
