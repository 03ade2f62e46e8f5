/**
 * The preview of an import, pure: each pasted row checked against the ledger as read, nothing
 * written. A row whose 编号 exists is an update (the pasted columns over the row as it is; only the
 * cells that change are listed, before → after); any other row is an addition (numbered at apply)
 * with the workflow's defaults in its blank cells. Duplicates — the same 编号 twice in the block, or
 * the same 事项内容 + 承办科室 as an existing row or an earlier pasted row — are listed and not
 * applied. Errors are located on the pasted block (row and column letter as pasted) and counted by
 * row; a required column the block lacks altogether is said once, not on every row.
 */
import { importText } from '../../i18n/import';
import { isoToSerial } from '../parseDate';
import type { IsoDate, LedgerItem } from '../types';
import { LEDGER_INPUT_COLUMNS, validateLedgerRow, type CellError, type CellNote, type InputColumn } from '../validation';
import { suggestSection } from './cells';
import type { PastedBlock } from './block';
import type { ColumnMapping } from './headers';
import { defaultsText, fillNewRow, readPastedCells, type ImportOptions, type RowPlace } from './rowReading';

/** A cell value as Excel holds it (dates as serials, blank as ''). */
export type ImportCell = string | number | boolean;

export interface CellChange {
  header: string;
  /** the cell as it is now (raw value as read) */
  before: ImportCell;
  /** the cell as the import writes it (before the write-time apostrophe) */
  after: ImportCell;
}

export interface ImportAddition {
  pastedRow: number;
  /** the row as checked (id '' when it is numbered at apply) */
  item: LedgerItem;
  /** true when the pasted row had no 编号 */
  toNumber: boolean;
}

export interface ImportUpdate {
  pastedRow: number;
  id: string;
  before: LedgerItem | null;
  after: LedgerItem;
  changes: CellChange[];
}

export type DuplicateKind = 'same-id-in-block' | 'same-content-existing' | 'same-content-in-block';

export interface ImportDuplicate {
  pastedRow: number;
  kind: DuplicateKind;
  id: string;
  /** the existing 编号, or the earlier pasted row, it duplicates */
  other: string | number;
  message: string;
}

/** A 承办科室 not in the list, and the listed one it is close to. */
export interface SectionSuggestion {
  pastedRow: number;
  typed: string;
  suggested: string;
}

export interface ImportPreview {
  add: ImportAddition[];
  update: ImportUpdate[];
  unchanged: { pastedRow: number; id: string }[];
  errors: CellError[];
  /** the pasted rows with at least one error (what the 错误 count counts) */
  errorRows: number[];
  notes: CellNote[];
  duplicates: ImportDuplicate[];
  suggestions: SectionSuggestion[];
  /** where each pasted column went */
  mapping: ColumnMapping[];
  /** the defaults new rows got (one line each) */
  defaultsUsed: string[];
  unknownHeaders: string[];
  /** zh-CN messages about the header line, missing columns and stray cells */
  problems: string[];
  /**
   * 设置 导入列映射 and 科室别名 as the import writes them (the workbook's remembered choices with
   * this preview's over them); absent when the preview did not read the workbook.
   */
  remember?: { columnTargets: string; sectionAliases: string };
}

/** What the preview needs of the workbook besides the ledger rows. */
export interface PreviewEnv {
  /** the 科室 of 科室人员 */
  sections: readonly string[];
  /** 设置 今天 (the pane's today) */
  today: IsoDate;
}

export interface ExistingRow {
  row: number;
  values: Record<string, unknown>;
}

const ID_PLACEHOLDER = '（待编号）';
const HEADERS = LEDGER_INPUT_COLUMNS.map((col) => col.header);
const REQUIRED = new Set(LEDGER_INPUT_COLUMNS.filter((col) => col.required).map((col) => col.header));

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const contentKey = (content: unknown, section: unknown) => `${text(content)}\u0000${text(section)}`;

/** A field as the cell Excel holds: dates as serials, counts as numbers, blank as ''. */
function cellOf(col: InputColumn, v: unknown): ImportCell {
  if (v === null || v === undefined) return '';
  if (col.kind === 'date') return isoToSerial(v as string);
  if (col.kind === 'int') return v as number;
  return col.kind === 'bool' ? (v ? '是' : '') : String(v);
}

/** The input cells of an item, by header, as Excel holds them. */
export function itemCellValues(item: LedgerItem): Record<string, ImportCell> {
  const out: Record<string, ImportCell> = {};
  for (const col of LEDGER_INPUT_COLUMNS) out[col.header] = cellOf(col, item[col.field as keyof LedgerItem]);
  return out;
}

export function sameCell(a: unknown, b: unknown): boolean {
  const x = a === null || a === undefined ? '' : a;
  const y = b === null || b === undefined ? '' : b;
  return x === y;
}

function emptyPreview(block: PastedBlock, env: PreviewEnv, options: ImportOptions): ImportPreview {
  return {
    add: [],
    update: [],
    unchanged: [],
    errors: [],
    errorRows: [],
    notes: [],
    duplicates: [],
    suggestions: [],
    mapping: [...(block.mapping ?? [])],
    defaultsUsed: block.rows.length > 0 ? defaultsText(env.today, options) : [],
    unknownHeaders: [...block.unknownHeaders],
    problems: [...block.problems],
  };
}

/** The ledger's rows by 编号 and by 事项内容 + 承办科室. */
function indexExisting(existingRows: readonly ExistingRow[]) {
  const byId = new Map<string, Record<string, unknown>>();
  const byContent = new Map<string, string>();
  for (const r of existingRows) {
    const id = text(r.values['编号']);
    if (isBlank(id)) continue;
    if (!byId.has(id)) byId.set(id, r.values);
    const key = contentKey(r.values['事项内容'], r.values['承办科室']);
    if (!isBlank(r.values['事项内容']) && !byContent.has(key)) byContent.set(key, id);
  }
  return { byId, byContent };
}

/**
 * The errors of one row as shown: an unknown 承办科室 gets its "是否为……" suggestion; a required
 * column the block does not have is left to the one block-level problem (the row still counts).
 */
function shownErrors(
  errors: readonly CellError[],
  place: RowPlace,
  sections: readonly string[],
  preview: ImportPreview,
  missing: Set<string>,
  isNew: boolean,
): CellError[] {
  const out: CellError[] = [];
  for (const e of errors) {
    if (isNew && e.column === '' && e.code === 'required' && REQUIRED.has(e.header)) {
      missing.add(e.header);
      continue;
    }
    if (e.header === '承办科室' && e.code === 'unknown-section' && typeof e.value === 'string') {
      const suggested = suggestSection(e.value, sections);
      if (suggested) {
        preview.suggestions.push({ pastedRow: place.row, typed: e.value, suggested });
        out.push({ ...e, message: `${e.message}；${importText.cells.sectionSuggestion(suggested)}` });
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

/** Check pasted rows against the ledger as it is now. Pure; never throws. */
export function previewRows(block: PastedBlock, existingRows: readonly ExistingRow[], env: PreviewEnv, options: ImportOptions = {}): ImportPreview {
  const preview = emptyPreview(block, env, options);
  const sections = Array.isArray(env.sections) ? env.sections : [];
  const { byId, byContent } = indexExisting(existingRows);
  const pastedHeaders = new Set(Object.keys(block.letters));
  const missing = new Set<string>();

  // the same 编号 more than once in the block: none of those rows is imported
  const rowsById = new Map<string, number[]>();
  block.rows.forEach((r, i) => {
    const id = r['编号'];
    if (typeof id === 'string' && !isBlank(id)) rowsById.set(id, [...(rowsById.get(id) ?? []), block.rowNumbers[i]]);
  });
  const contentSeen = new Map<string, number>();

  block.rows.forEach((pasted, i) => {
    const place: RowPlace = { sheet: options.origin?.sheet ?? importText.sheet, row: block.rowNumbers[i] ?? i + 2, letters: block.letters };
    const rawId = pasted['编号'];
    const id = typeof rawId === 'string' && !isBlank(rawId) ? rawId : '';
    const current = id ? byId.get(id) : undefined;
    const toNumber = isBlank(rawId);
    // the row as it would be: the pasted columns over the existing row (updates), or alone
    const merged: Record<string, unknown> = current ? { ...current } : {};
    for (const h of HEADERS) if (Object.prototype.hasOwnProperty.call(pasted, h)) merged[h] = pasted[h];
    preview.notes.push(...readPastedCells(merged, pastedHeaders, place, env.today, options));
    if (!current) preview.notes.push(...fillNewRow(merged, place, env.today, options));
    if (toNumber) merged['编号'] = ID_PLACEHOLDER;
    const v = validateLedgerRow(merged, { sheet: place.sheet, rowNumber: place.row, columnLetters: block.letters, sections });
    preview.notes.push(...v.notes);
    if (!v.item) {
      preview.errors.push(...shownErrors(v.errors, place, sections, preview, missing, !current));
      preview.errorRows.push(place.row);
      return;
    }
    const item = toNumber ? { ...v.item, id: '' } : v.item;
    const dupRows = id ? (rowsById.get(id) ?? []) : [];
    if (dupRows.length > 1) {
      const other = dupRows.find((x) => x !== place.row) ?? place.row;
      preview.duplicates.push({
        pastedRow: place.row,
        kind: 'same-id-in-block',
        id,
        other,
        message: importText.duplicates.sameIdInBlock(place.row, id, dupRows),
      });
      return;
    }
    const key = contentKey(item.content, item.section);
    // an update that keeps its row's own 事项内容 + 承办科室 is not a new duplicate
    const ownKey = current ? contentKey(current['事项内容'], current['承办科室']) : null;
    const sameAs = key === ownKey ? undefined : byContent.get(key);
    if (sameAs !== undefined && sameAs !== id) {
      preview.duplicates.push({
        pastedRow: place.row,
        kind: 'same-content-existing',
        id,
        other: sameAs,
        message: importText.duplicates.sameContentExisting(place.row, sameAs),
      });
      return;
    }
    const seen = key === ownKey ? undefined : contentSeen.get(key);
    if (seen !== undefined) {
      preview.duplicates.push({
        pastedRow: place.row,
        kind: 'same-content-in-block',
        id,
        other: seen,
        message: importText.duplicates.sameContentInBlock(place.row, seen),
      });
      return;
    }
    if (key !== ownKey) contentSeen.set(key, place.row);
    if (!current) preview.add.push({ pastedRow: place.row, item, toNumber });
    else diffUpdate(preview, place.row, id, current, item, sections);
  });
  for (const h of missing) preview.problems.push(importText.headers.missingRequired(h));
  return preview;
}

/** An update: only the cells that change, before (as read) → after (as the import writes it). */
function diffUpdate(
  preview: ImportPreview,
  pastedRow: number,
  id: string,
  current: Record<string, unknown>,
  item: LedgerItem,
  sections: readonly string[],
): void {
  const beforeV = validateLedgerRow(current, { sheet: '台账', rowNumber: 0, columnLetters: {}, sections });
  const beforeCells = beforeV.item ? itemCellValues(beforeV.item) : null;
  const afterCells = itemCellValues(item);
  const changes: CellChange[] = [];
  for (const h of HEADERS) {
    const differs = beforeCells ? beforeCells[h] !== afterCells[h] : !sameCell(current[h], afterCells[h]);
    if (differs) changes.push({ header: h, before: (current[h] ?? '') as ImportCell, after: afterCells[h] });
  }
  if (changes.length === 0) preview.unchanged.push({ pastedRow, id });
  else preview.update.push({ pastedRow, id, before: beforeV.item, after: item, changes });
}
