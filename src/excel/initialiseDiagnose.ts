/**
 * 初始化台账, the diagnosis: the schema × what the workbook holds (initialiseProbe.ts) → the plan
 * of the write (initialisePlan.ts), or a refusal. Pure — no Office calls — so each decision can be
 * tested on a hand-made observed workbook.
 *
 * Missing sheets are built whole; existing ones are repaired without ever changing what users typed:
 * input cells (values of input columns, 设置 values, 月度考核 B2), rows (never added to or deleted
 * from existing tables, never reordered), column widths, number formats and styles of existing
 * columns stay as they are. Formula cells of formula columns are rewritten only when the column is
 * found damaged. Sheets written to are unprotected first; every sheet the schema protects (or that
 * was protected) ends protected.
 */
import { excel } from '../i18n/excel';
import { workbook as wt } from '../i18n/workbook';
import {
  LEDGER,
  RETIRED_WIDE_TINT,
  SCHEMA_VERSION,
  SETTING_ROWS,
  columnLetter,
  formulaForRow,
  settingRow,
  type CFRule,
  type ColumnSpec,
  type DefinedNameSpec,
  type SheetSpec,
  type TableSpec,
} from '../workbook/schema';
import { textCell } from './cells';
import { blockGrid, buildSheet, buildTable, cellValue, seedRows, settingValue } from './initialiseBuild';
import { anchoredTable, boxAddress, canonicalFormula, findColumn, isBlank, parseBox, specTableCF } from './initialiseHelpers';
import { normalisePassword } from './protection';
import { Draft, SheetDraft, type Plan, type PlanInputs, type ShiftedColumn } from './initialisePlan';
import type { CFRead, Details, ExistingTableRead, FixedRead, MissingTableProbe, SheetRead, SheetState, Structure, TableState } from './initialiseProbe';
import { SHEET } from '../workbook/sheetNames';

const TEXT = excel.initialise;

/** The schema as 初始化台账 builds it: its sheets (in tab order) and its defined names. */
export interface DiagnoseSchema {
  sheets: readonly SheetSpec[];
  names: readonly DefinedNameSpec[];
}

/** What syncs 1 and 2 found. */
export interface Observed {
  structure: Structure;
  details: Details;
}

export type Diagnosis = { ok: true; plan: Plan } | { ok: false; code: 'schema-newer' | 'password-required'; message: string };

const ruleLabel = (rule: CFRule) => (rule.type === 'colorScale' ? TEXT.colorScale : rule.formula);

/** The places, highest first, of the retired whole-row tint's rules among the formats found on 台账's probe column. */
function wideTintAt(beyond: readonly CFRead[] | null | undefined): number[] {
  const retired = new Set(RETIRED_WIDE_TINT.formulas.map((f) => canonicalFormula(f)));
  const at = (beyond ?? []).flatMap((f, i) => (f.type === 'Custom' && f.formula !== null && retired.has(canonicalFormula(f.formula)) ? [i] : []));
  return at.reverse();
}

/** `found` less one format per format in `gone` (the same formulas): what is left once those are deleted. */
function without(found: readonly CFRead[], gone: readonly CFRead[]): CFRead[] {
  const left = [...found];
  for (const g of gone) {
    const i = left.findIndex(
      (f) => f.type === g.type && f.formula !== null && g.formula !== null && canonicalFormula(f.formula) === canonicalFormula(g.formula),
    );
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}

function ruleFound(rule: CFRule, found: readonly CFRead[]): boolean {
  if (rule.type === 'colorScale') return found.some((f) => f.type === 'ColorScale');
  const want = canonicalFormula(rule.formula);
  return found.some((f) => f.type === 'Custom' && f.formula !== null && canonicalFormula(f.formula) === want);
}

/** The DataValidation `type` Excel reports for a rule of the schema. */
function validationType(v: NonNullable<ColumnSpec['validation']>): string {
  return v.type === 'list' || v.type === 'listRange' ? 'List' : v.type === 'date' ? 'Date' : v.type === 'decimal' ? 'Decimal' : 'WholeNumber';
}

// ---------------------------------------------------------------------------------------------
// an existing table
// ---------------------------------------------------------------------------------------------

/** Missing columns, at their schema place: after the nearest schema column to their left. */
function addMissingColumns(w: SheetDraft, table: TableSpec, state: TableState, read: ExistingTableRead): string[] {
  const order = [...state.columns];
  const added: ColumnSpec[] = [];
  table.columns.forEach((c, k) => {
    if (findColumn(order, c.header)) return;
    let index = 0;
    for (let j = k - 1; j >= 0; j -= 1) {
      const left = findColumn(order, table.columns[j].header);
      if (left) {
        index = order.indexOf(left) + 1;
        break;
      }
    }
    order.splice(index, 0, c.header);
    added.push(c);
    w.at('structure', { kind: 'addColumn', table: state.name, index, header: c.header });
    w.repaired(TEXT.columnAdded(w.spec.name, c.header));
  });
  if (added.length === 0) return order;
  const bodyFirst = read.rowIndex + 2;
  for (const c of added) {
    w.at('structure', { kind: 'columnFrame', table: state.name, column: c.header, spec: c });
    const formula = c.kind === 'formula' && !!c.formula;
    w.at('content', { kind: 'columnBody', table: state.name, column: c.header, spec: c, firstRow: bodyFirst, rows: read.bodyRows, formula, validation: true });
  }
  // Columns moved right: their sheet columns' widths, hidden flags and locks now belong to others.
  const firstShifted = Math.min(...added.map((c) => order.indexOf(c.header)));
  const columns: ShiftedColumn[] = [];
  for (let i = firstShifted; i < order.length; i += 1) {
    const c = table.columns.find((x) => x.header === order[i]);
    columns.push({ col: read.columnIndex + 1 + i, hidden: c?.hidden === true, width: c ? c.width : null, locked: c ? c.locked : false });
  }
  w.at('structure', { kind: 'shiftedColumns', headerRow: read.rowIndex + 1, bodyRows: read.bodyRows, columns });
  return order;
}

function repairTable(w: SheetDraft, table: TableSpec, state: TableState, read: ExistingTableRead, sheetRead: SheetRead): void {
  const sheet = w.spec.name;
  const bodyFirst = read.rowIndex + 2; // 1-based
  const bodyRows = read.bodyRows;
  const order = addMissingColumns(w, table, state, read);
  const column = (header: string) => findColumn(order, header) ?? header;

  // Damaged formula columns: a body cell without a formula, or the first/last formula not the schema's.
  for (const h of read.formulas) {
    const c = table.columns.find((x) => x.header === h.header)!;
    const own = state.name;
    // the schema's formula at that row, or its row-free form (rows the add-in appended)
    const ok = (f: unknown, row: number) =>
      [`=${formulaForRow(c.formula!, row)}`, `=${c.rowFreeFormula ?? c.formula}`].some((x) => canonicalFormula(f, own) === canonicalFormula(x, own));
    const healthy = h.formulaCells === bodyRows && ok(h.first, bodyFirst) && ok(h.last, bodyFirst + bodyRows - 1);
    if (healthy) continue;
    w.at('content', {
      kind: 'columnBody',
      table: state.name,
      column: column(c.header),
      spec: c,
      firstRow: bodyFirst,
      rows: bodyRows,
      formula: true,
      validation: false,
    });
    w.repaired(TEXT.formulaColumn(sheet, c.header));
  }

  // Lost or replaced data validation.
  for (const v of read.validation) {
    const c = table.columns.find((x) => x.header === v.header)!;
    const ok = c.validation ? v.type === validationType(c.validation) : v.promptTitle === (c.inputMessage?.[0] ?? '');
    if (ok) continue;
    w.at('content', {
      kind: 'columnBody',
      table: state.name,
      column: column(c.header),
      spec: c,
      firstRow: bodyFirst,
      rows: bodyRows,
      formula: false,
      validation: true,
    });
    w.repaired(TEXT.validation(sheet, c.header));
  }

  // A whole-row tint of an older ledger: deleted before anything is added (an added format takes
  // the top place and would move the places read), and no longer counted as found below.
  const wide = table.name === LEDGER ? wideTintAt(sheetRead.beyondTint) : [];
  const gone = wide.map((i) => sheetRead.beyondTint![i]);
  if (wide.length > 0) {
    w.at('content', { kind: 'deleteConditionalFormats', table: state.name, column: column(RETIRED_WIDE_TINT.probeColumn), indices: wide });
    w.repaired(TEXT.tintNarrowed(sheet));
  }

  // Lost conditional formats anchored to this table (re-added over the body as it is now).
  w.spec.conditionalFormats.forEach((cf, i) => {
    const anchor = anchoredTable(w.spec, cf);
    if (!anchor || anchor.table.name !== table.name) return;
    const missing = cf.rules.filter((rule) => !ruleFound(rule, without(sheetRead.cfs.get(i) ?? [], gone)));
    if (missing.length === 0) return;
    const from = order.indexOf(column(anchor.from));
    const to = order.indexOf(column(anchor.to));
    if (from < 0 || to < 0) return;
    const address = boxAddress({ r0: bodyFirst, r1: bodyFirst + bodyRows - 1, c0: read.columnIndex + 1 + from, c1: read.columnIndex + 1 + to });
    w.at('content', { kind: 'conditionalFormats', address, rules: missing });
    // a rule the whole-row tint held is part of the narrowing (one message above), not a loss
    for (const rule of missing) if (!ruleFound(rule, sheetRead.cfs.get(i) ?? [])) w.repaired(TEXT.conditionalFormat(sheet, ruleLabel(rule)));
  });
}

/**
 * A missing table on an existing sheet: wrap matching data, build it on empty ground, or warn.
 * Returns the body rows of the table as it will be, or null when it is left alone.
 */
function repairMissingTable(w: SheetDraft, table: TableSpec, probe: MissingTableProbe, usedLastRow: number | null): number | null {
  const sheet = w.spec.name;
  const headers = table.columns.map((c) => c.header);
  const matches = headers.every((h, i) => String(probe.headerValues[i] ?? '').trim() === h);
  if (matches) {
    const last = Math.max(table.headerRow + 1, usedLastRow ?? 0);
    const bodyRows = last - table.headerRow;
    const address = boxAddress({ r0: table.headerRow, r1: last, c0: table.firstCol, c1: table.firstCol + headers.length - 1 });
    w.at('structure', { kind: 'wrapTable', table, address });
    // The column was not a table column: its formulas could not be checked; they are rewritten.
    w.at('content', { kind: 'tableBody', table, bodyRows, clearValidation: true });
    w.repaired(TEXT.tableWrapped(sheet, table.name));
    return bodyRows;
  }
  const empty = probe.headerValues.every(isBlank) && (usedLastRow === null || usedLastRow < table.headerRow);
  if (empty) {
    const rows = table.name === SHEET.calendar || table.name === SHEET.scoreDetail ? seedRows(w.draft.inputs, table, false) : [];
    buildTable(w, table, rows);
    w.repaired(TEXT.tableBuilt(sheet, table.name));
    return Math.max(1, rows.length);
  }
  w.draft.plan.warnings.push(TEXT.tableUnrepairable(sheet, table.name));
  return null;
}

// ---------------------------------------------------------------------------------------------
// fixed cells, blocks and 设置
// ---------------------------------------------------------------------------------------------

const at = (grid: unknown[][], r: number, c: number) => grid[r - 1]?.[c - 1] ?? '';

/** The 当月 block of an existing sheet: header texts, and columns whose formulas or texts differ. */
function repairBlocks(w: SheetDraft, fixed: FixedRead): void {
  const sheet = w.spec.name;
  for (const block of w.spec.blocks) {
    block.columns.forEach((c, i) => {
      const col = block.firstCol + i;
      if (at(fixed.formulas, block.headerRow, col) !== c.header) {
        w.at('structure', { kind: 'values', at: { row: block.headerRow, col }, values: [[textCell(c.header)]] });
        w.repaired(TEXT.cellText(sheet, `${columnLetter(col)}${block.headerRow}`));
      }
      let damaged = false;
      for (let k = 0; k < block.rows && !damaged; k += 1) {
        const r = block.firstRow + k;
        if (c.formula) damaged = canonicalFormula(at(fixed.formulas, r, col)) !== canonicalFormula(`=${formulaForRow(c.formula, r)}`);
        else if (c.values && c.values[k] !== undefined) damaged = at(fixed.values, r, col) !== c.values[k];
      }
      if (!damaged) return;
      const grid = blockGrid(block).map((row) => [row[i]]);
      w.at('content', { kind: 'formulas', at: { row: block.firstRow, col, rows: block.rows }, formulas: grid });
      w.repaired(TEXT.blockColumn(sheet, c.header));
    });
  }
}

/** Fixed cells of an existing sheet: formulas of locked cells, texts (see below). */
function repairCells(w: SheetDraft, fixed: FixedRead): void {
  const sheet = w.spec.name;
  for (const cell of w.spec.cells) {
    const b = parseBox(cell.address);
    if (sheet === SHEET.settings && b.c0 === 1 && b.r0 > 1) continue; // 设置 rows: by name (repairSettings)
    const locked = cell.locked ?? true;
    if (cell.formula && locked) {
      if (canonicalFormula(at(fixed.formulas, b.r0, b.c0)) === canonicalFormula(`=${cell.formula}`)) continue;
      w.at('content', { kind: 'formulas', at: cell.address, formulas: [[`=${cell.formula}`]] });
      w.repaired(TEXT.cellFormula(sheet, cell.address));
    } else if (cell.value !== undefined && !(sheet === SHEET.settings && b.c0 === 3 && b.r0 > 1)) {
      // Texts of locked cells belong to the schema (an upgrade may change them); others only when empty.
      const found = at(fixed.values, b.r0, b.c0);
      if (locked ? found === cell.value : !isBlank(found)) continue;
      w.at('structure', { kind: 'values', at: cell.address, values: [[cellValue(cell.value)]] });
      w.repaired(TEXT.cellText(sheet, cell.address));
    }
  }
}

/** 设置: rows whose 名称 is gone are written again (名称, default value, 说明); values are never changed. */
function repairSettings(w: SheetDraft, fixed: FixedRead): void {
  const names = new Map<string, number>();
  fixed.values.forEach((row, i) => {
    const n = String(row[0] ?? '').trim();
    if (n && i > 0 && !names.has(n)) names.set(n, i + 1);
  });
  for (const row of SETTING_ROWS) {
    const note = wt.settings[row.name];
    const found = names.get(row.name);
    if (found !== undefined) {
      // a rule a later version gave an existing row (thresholds, weights, deductions): added, the value kept
      const type = fixed.validationTypes?.[found - 1];
      if (row.validation && type !== undefined && type !== validationType(row.validation)) {
        w.at('content', { kind: 'settingRowValue', row: found, value: null, validation: row.validation });
        w.repaired(TEXT.settingValidation(row.name));
      }
      if (fixed.values[found - 1]?.[2] !== note) {
        w.at('structure', { kind: 'values', at: `C${found}`, values: [[textCell(note)]] });
        w.repaired(TEXT.cellText(SHEET.settings, `C${found}`));
      }
      continue;
    }
    const r = settingRow(row.name);
    const occupied = !isBlank(fixed.values[r - 1]?.[0]) || !isBlank(fixed.formulas[r - 1]?.[1]);
    if (occupied) {
      w.draft.plan.warnings.push(TEXT.settingRowBlocked(row.name, r));
      continue;
    }
    w.at('structure', { kind: 'settingRowFrame', row: r, setting: row, note });
    w.at('content', { kind: 'settingRowValue', row: r, value: settingValue(w.draft.inputs, row), validation: row.validation });
    w.repaired(TEXT.settingRow(row.name));
  }
}

/** 设置 as found: 保护密码 and 结构版本 (with its row). */
export function readSettings(fixed: { values: unknown[][] } | null): { password: string; version: number | null; versionRow: number | null } {
  const out = { password: '', version: null as number | null, versionRow: null as number | null };
  if (!fixed) return out;
  fixed.values.forEach((row, i) => {
    const n = String(row[0] ?? '').trim();
    if (n === '保护密码') out.password = isBlank(row[1]) ? '' : String(row[1]);
    if (n === '结构版本' && out.versionRow === null) {
      out.versionRow = i + 1;
      out.version = typeof row[1] === 'number' ? row[1] : null;
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// the workbook
// ---------------------------------------------------------------------------------------------

/** Where a missing sheet goes back: after the ledger sheet before it (new ones append); updates `tabs`. */
function tabPosition(sheets: readonly SheetSpec[], k: number, tabs: string[]): number | undefined {
  const before = sheets
    .slice(0, k)
    .reverse()
    .find((x) => tabs.includes(x.name.toLowerCase()));
  const after = sheets.slice(k + 1).find((x) => tabs.includes(x.name.toLowerCase()));
  const at = before ? tabs.indexOf(before.name.toLowerCase()) + 1 : after ? tabs.indexOf(after.name.toLowerCase()) : tabs.length;
  tabs.splice(at, 0, sheets[k].name.toLowerCase());
  return at === tabs.length - 1 ? undefined : at;
}

/** An existing sheet: its tables, conditional formats, fixed cells and 设置 rows. */
function repairSheet(w: SheetDraft, structure: Structure, read: SheetRead): void {
  const spec = w.spec;
  const rebuilt = new Map<string, number | null>();
  for (const table of spec.tables) {
    const ts = structure.tables.get(table.name.toLowerCase());
    const tr = read.tables.get(table.name);
    if (ts && tr) repairTable(w, table, ts, tr, read);
    else if (read.missingTables.has(table.name)) rebuilt.set(table.name, repairMissingTable(w, table, read.missingTables.get(table.name)!, read.usedLastRow));
  }
  // Conditional formats not anchored to an existing table (月度考核 block, or a table just rebuilt).
  spec.conditionalFormats.forEach((cf, i) => {
    const anchor = anchoredTable(spec, cf);
    if (anchor && structure.tables.has(anchor.table.name.toLowerCase())) return;
    const bodyRows = anchor ? rebuilt.get(anchor.table.name) : undefined;
    if (anchor && (bodyRows === null || bodyRows === undefined)) return;
    const missing = cf.rules.filter((rule) => !ruleFound(rule, read.cfs.get(i) ?? []));
    if (missing.length === 0) return;
    const address = anchor ? specTableCF(anchor.table, anchor.from, anchor.to, bodyRows!) : cf.range;
    w.at('content', { kind: 'conditionalFormats', address, rules: missing });
    for (const rule of missing) w.repaired(TEXT.conditionalFormat(spec.name, ruleLabel(rule)));
  });
  if (read.fixed) {
    repairBlocks(w, read.fixed);
    repairCells(w, read.fixed);
    if (spec.name === SHEET.settings) repairSettings(w, read.fixed);
  }
}

/** Protection: unprotect what is written to, protect what the schema protects (or was protected). */
function planProtection(draft: Draft, sheets: readonly { w: SheetDraft; state: SheetState | undefined }[]): string[] {
  const { plan } = draft;
  const needPassword: string[] = [];
  for (const { w, state } of sheets) {
    const wasProtected = state?.protected === true;
    if (state && w.touched && wasProtected) {
      if (state.passwordProtected && plan.password === undefined) needPassword.push(state.name);
      if (state.passwordProtected === null && plan.password === undefined) plan.unknownPassword.push(state.name);
      draft.push('unprotect', w.name, { kind: 'unprotect' });
    }
    const endProtected = w.spec.protect || wasProtected;
    if (endProtected && (!state || w.touched || !wasProtected)) {
      plan.toProtect.push(w.spec.name);
      draft.push('protect', w.name, { kind: 'protect' });
      if (state && !wasProtected && !w.built) plan.repaired.push(TEXT.protection(w.spec.name));
    }
  }
  return needPassword;
}

/**
 * The plan that makes the workbook `observed` what `schema` describes, or a refusal: a 结构版本
 * newer than this add-in's, or a password-protected sheet to write to without the password.
 * `password`: the one given (normalised), else 设置 保护密码's is used.
 */
export function diagnose(schema: DiagnoseSchema, observed: Observed, inputs: PlanInputs, password: string | undefined): Diagnosis {
  const { structure, details } = observed;
  const settingsRead = readSettings(structure.sheets.has(SHEET.settings) ? (details.sheets.get(SHEET.settings)?.fixed ?? null) : null);
  if (settingsRead.version !== null && settingsRead.version > SCHEMA_VERSION) {
    return { ok: false, code: 'schema-newer', message: TEXT.newerVersion(settingsRead.version, SCHEMA_VERSION) };
  }
  const draft = new Draft(inputs);
  const { plan } = draft;
  plan.password = password ?? normalisePassword(settingsRead.password);

  const sheets: { w: SheetDraft; state: SheetState | undefined }[] = [];
  const tabs = [...structure.sheets.values()].map((s) => s.name.toLowerCase());
  schema.sheets.forEach((spec, k) => {
    const state = structure.sheets.get(spec.name.toLowerCase());
    const w = new SheetDraft(draft, spec, state?.name ?? null);
    sheets.push({ w, state });
    if (!state) {
      buildSheet(w, true, tabPosition(schema.sheets, k, tabs));
      plan.created.push(spec.name);
      return;
    }
    const read = details.sheets.get(spec.name)!;
    if (read.usedLastRow === null && spec.tables.every((t) => !structure.tables.has(t.name.toLowerCase()))) {
      buildSheet(w, false);
      plan.repaired.push(TEXT.emptySheetBuilt(spec.name));
      return;
    }
    repairSheet(w, structure, read);
  });

  // Defined names (设置 rows used by formulas).
  const settingsCreated = plan.created.includes(SHEET.settings);
  for (const n of schema.names) {
    if (structure.names.has(n.name.toLowerCase())) continue;
    draft.push('names', null, { kind: 'addName', name: n.name, ref: n.ref });
    if (!settingsCreated) plan.repaired.push(TEXT.name(n.name));
  }

  // 结构版本: upgrade (or write it where it is missing).
  plan.versionBefore = settingsCreated ? null : settingsRead.version;
  if (!settingsCreated && settingsRead.versionRow !== null && settingsRead.version !== SCHEMA_VERSION) {
    const settings = sheets.find((x) => x.w.spec.name === SHEET.settings)!.w;
    settings.at('version', { kind: 'values', at: `B${settingsRead.versionRow}`, values: [[SCHEMA_VERSION]] });
    plan.repaired.push(TEXT.version(settingsRead.version, SCHEMA_VERSION));
  }

  const needPassword = planProtection(draft, sheets);
  if (needPassword.length > 0) return { ok: false, code: 'password-required', message: TEXT.passwordRequired(needPassword) };
  return { ok: true, plan };
}
