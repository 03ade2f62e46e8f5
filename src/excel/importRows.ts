/**
 * 导入: rows of 台账 pasted as a block (copied from Excel or WeChat) → a preview → one operation.
 *
 * - `parsePastedBlock(text)`: tab-separated, first line the headers (台账 input headers; unknown
 *   ones reported), quoted cells as Excel puts them on the clipboard ("a""b", tabs and newlines
 *   inside quotes), CRLF / LF / CR line ends. Cell text is kept byte for byte; a blank cell is null.
 * - `previewImport(run, block, opts)`: ONE sync, nothing written. Each pasted row is checked with
 *   the domain's validateLedgerRow (errors located on sheet 「导入」, the pasted row number — the
 *   header line is row 1 — and the column letter of the pasted block). A row whose 编号 exists is an
 *   update: the pasted columns overlay the row as it is (columns not pasted are kept; a blank pasted
 *   cell clears that cell), and only the cells that change are listed (before → after). A row with a
 *   new 编号, or none, is an addition (numbered at apply). Duplicates — the same 编号 twice in the
 *   block, or the same 事项内容 + 承办科室 as an existing row or an earlier pasted row — are listed
 *   and NOT applied.
 * - `applyImport(run, preview, ctx)`: ONE operation id, the gateway's protocol: sync 1 reads, sync 2
 *   writes (操作日志 lines keyed by (操作ID, 编号) and skipped when present; additions appended in
 *   one operation carrying 操作ID; each update as ONE row operation located by 编号 and carrying
 *   操作ID, last). A failed write is rolled forward by running the attempt again under the same id.
 *   An update whose cells a co-author changed since the preview is skipped (reported), not clobbered.
 * - `undoImport(run, opId, ctx)`: reads the 操作日志 lines of 动作 「导入」 of that operation. Their
 *   变更前 / 变更后 hold JSON (`{"导入":"更新"|"新增","值":{列名: 单元格值}}`, 操作ID included):
 *   updated rows get their before values back (操作ID too); added rows are CLEARED by writing
 *   blanks into their input cells (never deleted: rows are not deleted under co-authoring; a blank
 *   row is skipped by every reader). A row changed again after the import is left alone and
 *   reported. Undo is idempotent by value: a row already holding its before values is skipped.
 *
 * Text written by the import that Excel would read as something else (numbers, dates, TRUE, a
 * leading ' or = + - @) is written behind an apostrophe so it reads back byte for byte.
 */
import { logLine as operationLogLine, syncMessage } from './operationLog';
import { patchedRow, readRowsByKey } from './ledgerWrites';
import { done, queueUnprotected, queueWriteState, rollForward, writeFailed, type Attempt } from './writePath';
import { nextItemNumber } from '../domain/itemNumber';
import { err, ok, type Result } from '../domain/result';
import type { LedgerItem } from '../domain/types';
import { LEDGER_INPUT_COLUMNS, validateLedgerRow, type CellError, type CellNote } from '../domain/validation';
import { excel as t } from '../i18n/excel';
import { sectionsFromTable } from '../workbook/ledgerData';
import { LEDGER_COLUMNS, LOG_COLUMNS, columnLetter } from '../workbook/schema';
import { cellText, textCell, type CellValue } from './cells';
import { headerIndex, itemValues, rowRecord } from './ledgerCodec';
import type { ActionContext } from './ledgerService';
import { locateRow, queueAppend } from './ledgerWrites';
import type { ExcelRun } from './run';
import { completeReads, queueTable } from './tableRead';

const LEDGER = '台账';
const PEOPLE = '科室人员';
const LOG = '操作日志';
/** The sheet name errors of pasted rows carry. */
export const IMPORT_SHEET = '导入';
export const IMPORT_ACTION = '导入';
export const UNDO_IMPORT_ACTION = '撤销导入';
/** context.sync() calls of a clean apply / undo. */
export const IMPORT_SYNCS = 2;

const INPUT_HEADERS = LEDGER_INPUT_COLUMNS.map((c) => c.header);
const INPUT_SET = new Set(INPUT_HEADERS);

/** zh-CN texts of the import. */
export const importText = {
  unknownHeader: (h: string, col: string) => `${IMPORT_SHEET} 第1行 ${col}列：列名“${h}”不是台账的填写列，该列不会导入`,
  duplicateHeader: (h: string, col: string) => `${IMPORT_SHEET} 第1行 ${col}列：列名“${h}”重复，只导入第一列`,
  noHeaders: `${IMPORT_SHEET}：粘贴内容的第一行应为台账列名（如“编号”“事项内容”“承办科室”）`,
  extraCells: (row: number, n: number) => `${IMPORT_SHEET} 第${row}行：多出 ${n} 个没有列名的单元格，未导入`,
  sameIdInBlock: (row: number, id: string, rows: number[]) => `${IMPORT_SHEET} 第${row}行：编号“${id}”在粘贴内容中出现多次（第${rows.join('、')}行），这些行都不导入`,
  sameContentExisting: (row: number, id: string) => `${IMPORT_SHEET} 第${row}行：事项内容和承办科室与台账中的 ${id} 相同，疑似重复登记，未导入`,
  sameContentInBlock: (row: number, first: number) => `${IMPORT_SHEET} 第${row}行：事项内容和承办科室与粘贴的第${first}行相同，疑似重复，未导入`,
  changedSincePreview: (id: string) => `${id} 在预览之后被修改过，未导入该行，请重新预览`,
  idTakenSincePreview: (id: string) => `编号 ${id} 在预览之后已被他人使用，未导入该行，请重新预览`,
  rowGone: (id: string) => `${id} 已不在台账中，未导入该行`,
  rowInvalid: (id: string, msg: string) => `${id} 导入后不合规：${msg}`,
  changedSinceImport: (id: string) => `${id} 在导入之后又被修改过，未撤销该行`,
  nothingToUndo: (opId: string) => `操作日志中没有操作 ${opId} 的导入记录`,
};

// ---------------------------------------------------------------------------------------------
// parsing
// ---------------------------------------------------------------------------------------------

export interface PastedBlock {
  /** the header line's cells, trimmed, in pasted order */
  headers: string[];
  /** one record per non-blank pasted row: 台账 header → cell text (null when blank) */
  rows: Record<string, unknown>[];
  /** the pasted row number of each row (the header line is row 1) */
  rowNumbers: number[];
  /** known header → column letter in the pasted block */
  letters: Record<string, string>;
  /** headers that are not 台账 input columns (not imported) */
  unknownHeaders: string[];
  /** zh-CN messages about the header line and stray cells */
  problems: string[];
}

/** Split clipboard text into records of cells (Excel's quoting rules; lenient on stray quotes). */
export function splitClipboard(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = s.length;
  const endOfLine = (j: number) => (s[j] === '\r' && s[j + 1] === '\n' ? 2 : s[j] === '\r' || s[j] === '\n' ? 1 : 0);
  while (i <= n) {
    // one field starting at i
    let value = '';
    let j = i;
    let quoted = false;
    if (s[i] === '"') {
      // try a quoted field: "…" with "" for a quote, ending at a tab, a line end or the end
      let k = i + 1;
      let buf = '';
      let closed = -1;
      while (k < n) {
        if (s[k] === '"') {
          if (s[k + 1] === '"') {
            buf += '"';
            k += 2;
            continue;
          }
          closed = k;
          break;
        }
        buf += s[k];
        k += 1;
      }
      const after = closed + 1;
      if (closed >= 0 && (after >= n || s[after] === '\t' || endOfLine(after) > 0)) {
        value = buf;
        j = after;
        quoted = true;
      }
    }
    if (!quoted) {
      while (j < n && s[j] !== '\t' && endOfLine(j) === 0) j += 1;
      value = s.slice(i, j);
    }
    row.push(value);
    if (j >= n) {
      records.push(row);
      break;
    }
    if (s[j] === '\t') {
      i = j + 1;
      continue;
    }
    records.push(row);
    row = [];
    i = j + endOfLine(j);
    if (i >= n) break; // the clipboard's final line end
  }
  return records;
}

const blankText = (v: string) => v.trim() === '';

/** Parse a pasted block. Never throws. */
export function parsePastedBlock(text: string): PastedBlock {
  const records = splitClipboard(typeof text === 'string' ? text : String(text ?? ''));
  const out: PastedBlock = { headers: [], rows: [], rowNumbers: [], letters: {}, unknownHeaders: [], problems: [] };
  const first = records.findIndex((r) => r.some((c) => !blankText(c)));
  if (first < 0) {
    out.problems.push(importText.noHeaders);
    return out;
  }
  out.headers = records[first].map((h) => h.replace(/^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/g, ''));
  const take: { header: string; at: number }[] = [];
  out.headers.forEach((h, i) => {
    const col = columnLetter(i + 1);
    if (h === '') return;
    if (!INPUT_SET.has(h)) {
      if (!out.unknownHeaders.includes(h)) out.unknownHeaders.push(h);
      out.problems.push(importText.unknownHeader(h, col));
    } else if (h in out.letters) {
      out.problems.push(importText.duplicateHeader(h, col));
    } else {
      out.letters[h] = col;
      take.push({ header: h, at: i });
    }
  });
  if (take.length === 0) out.problems.push(importText.noHeaders);
  for (let r = first + 1; r < records.length; r += 1) {
    const cells = records[r];
    if (cells.every(blankText)) continue;
    const rowNumber = r - first + 1;
    const rec: Record<string, unknown> = {};
    for (const { header, at } of take) {
      const v = cells[at];
      rec[header] = v === undefined || v === '' ? null : v;
    }
    const extra = cells.slice(out.headers.length).filter((c) => !blankText(c)).length;
    if (extra > 0) out.problems.push(importText.extraCells(rowNumber, extra));
    out.rows.push(rec);
    out.rowNumbers.push(rowNumber);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// preview
// ---------------------------------------------------------------------------------------------

export interface CellChange {
  header: string;
  /** the cell as it is now (raw value as read) */
  before: CellValue;
  /** the cell as the import writes it (before the write-time apostrophe) */
  after: CellValue;
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

export interface ImportPreview {
  add: ImportAddition[];
  update: ImportUpdate[];
  unchanged: { pastedRow: number; id: string }[];
  errors: CellError[];
  notes: CellNote[];
  duplicates: ImportDuplicate[];
  unknownHeaders: string[];
  /** zh-CN messages about the header line / stray cells */
  problems: string[];
}

export interface PreviewOptions {
  /** sheet name in messages (default 「导入」) */
  sheet?: string;
}

type RowInput = PastedBlock | readonly Record<string, unknown>[];

function asBlock(input: RowInput): PastedBlock {
  if (!Array.isArray(input)) return input as PastedBlock;
  const rows = input as readonly Record<string, unknown>[];
  const headers = INPUT_HEADERS.filter((h) => rows.some((r) => Object.prototype.hasOwnProperty.call(r, h)));
  const letters = Object.fromEntries(headers.map((h, i) => [h, columnLetter(i + 1)]));
  return { headers, rows: [...rows], rowNumbers: rows.map((_, i) => i + 2), letters, unknownHeaders: [], problems: [] };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const contentKey = (content: unknown, section: unknown) => `${cellText(content)}\u0000${cellText(section)}`;
const ID_PLACEHOLDER = '（待编号）';

/** The plain cells an item is written as (input columns), by header. */
function plainCells(item: LedgerItem): Record<string, CellValue> {
  return itemValues(item);
}

function sameCell(a: unknown, b: unknown): boolean {
  const x = a === null || a === undefined ? '' : a;
  const y = b === null || b === undefined ? '' : b;
  return x === y;
}

/**
 * Check pasted rows against the ledger as it is now. ONE sync; nothing is written.
 */
export async function previewImport(run: ExcelRun, input: RowInput, opts: PreviewOptions = {}): Promise<Result<ImportPreview>> {
  const block = asBlock(input);
  const read = await run(async (context) => {
    const ledger = queueTable(context, LEDGER);
    const people = queueTable(context, PEOPLE);
    try {
      await context.sync();
      await completeReads(context);
    } catch (e) {
      return { error: e };
    }
    return { ledger: ledger.read(), people: people.read() };
  });
  if ('error' in read) {
    const code = (read.error as { code?: string })?.code;
    return code === 'ItemNotFound' ? err('not-initialised', t.notInitialised) : err('sync-failed', t.syncFailed(String((read.error as Error)?.message ?? read.error)));
  }
  const sections = sectionsFromTable(read.people).map((p) => p.section);
  return ok(previewRows(block, read.ledger.rows.map((r) => ({ row: r.row, values: r.values })), sections, opts));
}

/** The pure part of the preview (exported for tests and the fuzzer). */
export function previewRows(
  input: RowInput,
  existingRows: readonly { row: number; values: Record<string, unknown> }[],
  sections: readonly string[],
  opts: PreviewOptions = {},
): ImportPreview {
  const block = asBlock(input);
  const sheet = opts.sheet ?? IMPORT_SHEET;
  const preview: ImportPreview = {
    add: [],
    update: [],
    unchanged: [],
    errors: [],
    notes: [],
    duplicates: [],
    unknownHeaders: [...block.unknownHeaders],
    problems: [...block.problems],
  };
  const existing = new Map<string, Record<string, unknown>>();
  const existingByContent = new Map<string, string>();
  for (const r of existingRows) {
    const id = cellText(r.values['编号']);
    if (isBlank(id)) continue;
    if (!existing.has(id)) existing.set(id, r.values);
    const key = contentKey(r.values['事项内容'], r.values['承办科室']);
    if (!isBlank(r.values['事项内容']) && !existingByContent.has(key)) existingByContent.set(key, id);
  }

  // the same 编号 more than once in the block: none of those rows is imported
  const rowsById = new Map<string, number[]>();
  block.rows.forEach((r, i) => {
    const id = r['编号'];
    if (typeof id === 'string' && !isBlank(id)) rowsById.set(id, [...(rowsById.get(id) ?? []), block.rowNumbers[i]]);
  });
  const contentSeen = new Map<string, number>();

  block.rows.forEach((pasted, i) => {
    const pastedRow = block.rowNumbers[i] ?? i + 2;
    const rawId = pasted['编号'];
    const id = typeof rawId === 'string' && !isBlank(rawId) ? rawId : '';
    const current = id ? existing.get(id) : undefined;
    const toNumber = isBlank(rawId);
    // the row as it would be: the pasted columns over the existing row (updates), or alone
    const merged: Record<string, unknown> = current ? { ...current } : {};
    for (const h of INPUT_HEADERS) if (Object.prototype.hasOwnProperty.call(pasted, h)) merged[h] = pasted[h];
    if (toNumber) merged['编号'] = ID_PLACEHOLDER;
    const v = validateLedgerRow(merged, { sheet, rowNumber: pastedRow, columnLetters: block.letters, sections });
    preview.notes.push(...v.notes);
    if (!v.item) {
      preview.errors.push(...v.errors);
      return;
    }
    const item = toNumber ? { ...v.item, id: '' } : v.item;
    const dupRows = id ? rowsById.get(id) ?? [] : [];
    if (dupRows.length > 1) {
      preview.duplicates.push({ pastedRow, kind: 'same-id-in-block', id, other: dupRows.find((x) => x !== pastedRow) ?? pastedRow, message: importText.sameIdInBlock(pastedRow, id, dupRows) });
      return;
    }
    const key = contentKey(item.content, item.section);
    // an update that keeps its row's own 事项内容 + 承办科室 is not a new duplicate
    const ownKey = current ? contentKey(current['事项内容'], current['承办科室']) : null;
    const sameAs = key === ownKey ? undefined : existingByContent.get(key);
    if (sameAs !== undefined && sameAs !== id) {
      preview.duplicates.push({ pastedRow, kind: 'same-content-existing', id, other: sameAs, message: importText.sameContentExisting(pastedRow, sameAs) });
      return;
    }
    const seen = key === ownKey ? undefined : contentSeen.get(key);
    if (seen !== undefined) {
      preview.duplicates.push({ pastedRow, kind: 'same-content-in-block', id, other: seen, message: importText.sameContentInBlock(pastedRow, seen) });
      return;
    }
    if (key !== ownKey) contentSeen.set(key, pastedRow);
    if (!current) {
      preview.add.push({ pastedRow, item, toNumber });
      return;
    }
    const beforeV = validateLedgerRow(current, { sheet: LEDGER, rowNumber: 0, columnLetters: {}, sections });
    const beforeCells = beforeV.item ? plainCells(beforeV.item) : null;
    const afterCells = plainCells(item);
    const changes: CellChange[] = [];
    for (const h of INPUT_HEADERS) {
      const differs = beforeCells ? beforeCells[h] !== afterCells[h] : !sameCell(current[h], afterCells[h]);
      if (differs) changes.push({ header: h, before: (current[h] ?? '') as CellValue, after: afterCells[h] });
    }
    if (changes.length === 0) preview.unchanged.push({ pastedRow, id });
    else preview.update.push({ pastedRow, id, before: beforeV.item, after: item, changes });
  });
  return preview;
}

// ---------------------------------------------------------------------------------------------
// writing helpers
// ---------------------------------------------------------------------------------------------


/**
 * A text cell written so that it reads back as the same string: Excel's apostrophe before text it
 * would otherwise read as a formula, number, date, percentage, boolean or error (or that starts
 * with an apostrophe itself).
 */
export function importTextCell(s: string): string {
  return textCell(s);
}

const encode = (v: CellValue): CellValue => (typeof v === 'string' ? importTextCell(v) : v);

/** The JSON kept in 操作日志 变更前 / 变更后 for 动作 「导入」. */
interface LogPayload {
  导入: '更新' | '新增';
  值: Record<string, CellValue>;
}

function payload(kind: '更新' | '新增', cells: Record<string, CellValue>): string {
  const p: LogPayload = { 导入: kind, 值: cells };
  return JSON.stringify(p);
}

function parsePayload(s: unknown): LogPayload | null {
  if (typeof s !== 'string' || !s.startsWith('{')) return null;
  try {
    const p = JSON.parse(s) as LogPayload;
    if ((p.导入 === '更新' || p.导入 === '新增') && p.值 && typeof p.值 === 'object') return p;
  } catch {
    // not ours
  }
  return null;
}

function logLine(ctx: ActionContext, action: string, id: string, section: string, before: string, after: string): Record<string, CellValue> {
  return operationLogLine(ctx.actor, ctx.now, ctx.opId, action, before, after, id, section);
}

/** What every write of the import reads in sync 1: the write state of 台账 and 操作日志, and 操作日志's header. */
function queueCommon(context: Excel.RequestContext) {
  const state = queueWriteState(context, [LEDGER, LOG]);
  const logHeader = context.workbook.tables.getItem(LOG).getHeaderRowRange().load('values');
  return {
    read: (opId: string) => ({ ...state.read(opId), logHeaders: logHeader.values[0].map((h) => String(h ?? '').trim()) }),
  };
}

type Common = ReturnType<ReturnType<typeof queueCommon>['read']>;

const withUnprotected = (context: Excel.RequestContext, c: Common, writes: () => void) => queueUnprotected(context, [LEDGER, LOG], c, writes);
const message = syncMessage;

/**
 * Sync 1 of apply and undo: the ledger's input columns (payload-safe; formula columns are never
 * read), by row. The rows an action then rewrites whole are read again, values and formulas, by
 * `readRowsByKey` just before the write.
 */
function queueLedger(context: Excel.RequestContext) {
  const table = queueTable(context, LEDGER);
  return {
    read() {
      const g = table.readGrid();
      const headers = g.headers;
      const index = headerIndex(headers);
      const idAt = index.get('编号') ?? -1;
      const rowOf = new Map<string, number>();
      const values = g.rows.map((r) => r.cells);
      values.forEach((r, k) => {
        const id = cellText(r[idAt]);
        if (id && !rowOf.has(id)) rowOf.set(id, k);
      });
      return { headers, index, values, rowNumbers: g.rows.map((r) => r.row), rowOf, letters: g.letters };
    },
  };
}

/** Each pending change applied to its row as it stands now (read by key): whole rows ready to write. */
async function rowsToWrite(context: Excel.RequestContext, headers: readonly string[], pending: readonly { id: string; changes: Record<string, CellValue> }[]) {
  const { rows, syncs } = await readRowsByKey(context, LEDGER, '编号', pending.map((p) => p.id));
  const writes = pending.flatMap(({ id, changes }) => {
    const r = rows.get(id);
    return r ? [{ id, row: patchedRow(headers, r.values, r.formulas, changes) }] : [];
  });
  return { writes, syncs };
}

/** The input cells (and 操作ID) of a body row as read, by header. */
function rowCells(index: Map<string, number>, row: readonly unknown[], headers: readonly string[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const h of headers) out[h] = (row[index.get(h) ?? -1] ?? '') as CellValue;
  return out;
}

// ---------------------------------------------------------------------------------------------
// apply
// ---------------------------------------------------------------------------------------------

export interface ImportOutcome {
  opId: string;
  /** 编号 of the added rows, in pasted order (numbers given at apply included) */
  added: { pastedRow: number; id: string }[];
  updated: { pastedRow: number; id: string }[];
  /** rows not applied: changed since the preview, 编号 taken, row gone, no longer valid */
  skipped: { pastedRow: number; id: string; message: string }[];
  syncs: number;
}

/** Apply a preview's additions and updates under ONE operation id (ctx.opId). */
export function applyImport(run: ExcelRun, preview: ImportPreview, ctx: ActionContext): Promise<Result<ImportOutcome>> {
  return rollForward(run, () => applyAttempt(run, preview, ctx));
}

async function applyAttempt(run: ExcelRun, preview: ImportPreview, ctx: ActionContext): Promise<Attempt<ImportOutcome>> {
  return run(async (context) => {
    let syncs = 0;
    // ---- round trip 1
    const ledger = queueLedger(context);
    const people = queueTable(context, PEOPLE);
    const common = queueCommon(context);
    try {
      syncs += 1;
      await context.sync();
      syncs += await completeReads(context);
    } catch (e) {
      if ((e as { code?: string })?.code === 'ItemNotFound') return done(err('not-initialised', t.notInitialised));
      return done(err('sync-failed', t.syncFailed(message(e))));
    }
    const c = common.read(ctx.opId);
    const L = ledger.read();
    const sections = sectionsFromTable(people.read()).map((p) => p.section);
    const opAt = L.index.get('操作ID') ?? -1;
    const outcome: ImportOutcome = { opId: ctx.opId, added: [], updated: [], skipped: [], syncs: 0 };
    const logs: Record<string, CellValue>[] = [];
    const pending: { id: string; changes: Record<string, CellValue> }[] = [];
    const updateIds = new Set(preview.update.map((u) => u.id));

    for (const u of preview.update) {
      const k = L.rowOf.get(u.id);
      if (k === undefined) {
        outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: importText.rowGone(u.id) });
        continue;
      }
      const row = L.values[k];
      const current = rowCells(L.index, row, [...INPUT_HEADERS, '操作ID']);
      const landed = cellText(row[opAt]) === ctx.opId;
      if (!landed) {
        if (!u.changes.every((ch) => sameCell(current[ch.header], ch.before))) {
          outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: importText.changedSincePreview(u.id) });
          continue;
        }
        const changes: Record<string, CellValue> = {};
        for (const ch of u.changes) changes[ch.header] = ch.after;
        // what is written must read back as a valid row
        const merged: Record<string, unknown> = rowRecord(L.index, row.map((x) => (x === '' ? null : x)));
        for (const ch of u.changes) merged[ch.header] = ch.after === '' ? null : ch.after;
        const v = validateLedgerRow(merged, { sheet: LEDGER, rowNumber: L.rowNumbers[k], columnLetters: L.letters, sections });
        if (!v.item) {
          outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: importText.rowInvalid(u.id, v.errors[0]?.message ?? '') });
          continue;
        }
        const encoded = Object.fromEntries(Object.entries(changes).map(([h, x]) => [h, encode(x)]));
        pending.push({ id: u.id, changes: { ...encoded, 操作ID: textCell(ctx.opId) } });
      }
      outcome.updated.push({ pastedRow: u.pastedRow, id: u.id });
      if (!c.logged(u.id)) {
        const before: Record<string, CellValue> = {};
        const after: Record<string, CellValue> = {};
        for (const ch of u.changes) {
          before[ch.header] = ch.before;
          after[ch.header] = ch.after;
        }
        // 操作ID before: as read now, or (when the row already landed) unknown to this attempt — the
        // log line is then already written by the attempt that wrote the row (lines go first).
        before['操作ID'] = landed ? '' : current['操作ID'];
        after['操作ID'] = ctx.opId;
        logs.push(logLine(ctx, IMPORT_ACTION, u.id, u.after.section, payload('更新', before), payload('更新', after)));
      }
    }

    // additions: all in one append operation, so either all landed or none did
    const landedRows = L.values.map((r, k) => ({ r, k })).filter(({ r }) => cellText(r[opAt]) === ctx.opId && !updateIds.has(cellText(r[L.index.get('编号') ?? -1])));
    const appended: Record<string, CellValue>[] = [];
    if (landedRows.length > 0) {
      for (const [i, { r }] of landedRows.entries()) {
        const id = cellText(r[L.index.get('编号') ?? -1]);
        const a = preview.add[i];
        outcome.added.push({ pastedRow: a?.pastedRow ?? 0, id });
        if (!c.logged(id)) {
          const cells = rowCells(L.index, r, INPUT_HEADERS);
          logs.push(logLine(ctx, IMPORT_ACTION, id, cellText(cells['承办科室']), payload('新增', {}), payload('新增', { ...cells, 操作ID: ctx.opId })));
        }
      }
    } else {
      const ids = L.values.map((r) => cellText(r[L.index.get('编号') ?? -1]));
      const year = Number(ctx.on.slice(0, 4));
      for (const a of preview.add) {
        if (!a.toNumber && L.rowOf.has(a.item.id)) {
          outcome.skipped.push({ pastedRow: a.pastedRow, id: a.item.id, message: importText.idTakenSincePreview(a.item.id) });
          continue;
        }
        const id = a.toNumber ? nextItemNumber(ids, year) : a.item.id;
        ids.push(id);
        const item = { ...a.item, id };
        const cells = plainCells(item);
        const v = validateLedgerRow(
          Object.fromEntries(Object.entries(cells).map(([h, x]) => [h, x === '' ? null : x])),
          { sheet: LEDGER, rowNumber: (L.rowNumbers[L.rowNumbers.length - 1] ?? 1) + 1, columnLetters: L.letters, sections },
        );
        if (!v.item) {
          outcome.skipped.push({ pastedRow: a.pastedRow, id, message: importText.rowInvalid(id, v.errors[0]?.message ?? '') });
          continue;
        }
        appended.push({ ...Object.fromEntries(Object.entries(cells).map(([h, x]) => [h, encode(x)])), 操作ID: textCell(ctx.opId) });
        outcome.added.push({ pastedRow: a.pastedRow, id });
        if (!c.logged(id)) logs.push(logLine(ctx, IMPORT_ACTION, id, item.section, payload('新增', {}), payload('新增', { ...cells, 操作ID: ctx.opId })));
      }
    }

    if (logs.length === 0 && appended.length === 0 && pending.length === 0) {
      outcome.syncs = syncs;
      return done(ok(outcome));
    }
    // ---- round trip 2 (one per slice of rows; none without updates): the rows to update as they stand
    let writes: { id: string; row: CellValue[] }[] = [];
    try {
      const read = await rowsToWrite(context, L.headers, pending);
      writes = read.writes;
      syncs += read.syncs;
    } catch (e) {
      return done(err('sync-failed', t.syncFailed(message(e))));
    }
    // ---- round trip 2: locate update rows (a missing row fails the sync before any write), then
    // log lines, the appended rows, and LAST each updated row as one operation carrying 操作ID.
    const located = writes.map((w) => ({ at: locateRow(context, LEDGER, '编号', w.id), row: w.row }));
    withUnprotected(context, c, () => {
      queueAppend(context, LOG, c.logHeaders, LOG_COLUMNS, logs, c.placeholder(LOG));
      queueAppend(context, LEDGER, L.headers, LEDGER_COLUMNS, appended, c.placeholder(LEDGER));
      for (const w of located) w.at.writeRow(w.row);
    });
    try {
      syncs += 1;
      await context.sync();
    } catch (e) {
      return writeFailed(e, c);
    }
    outcome.syncs = syncs;
    return done(ok(outcome));
  });
}

// ---------------------------------------------------------------------------------------------
// undo
// ---------------------------------------------------------------------------------------------

export interface UndoOutcome {
  /** 编号 of the rows restored (updates) or cleared (additions) */
  restored: string[];
  /** rows already as before (an earlier undo) */
  already: string[];
  /** rows changed after the import: left alone */
  skipped: { id: string; message: string }[];
}

/** Undo the import `opId` (its 操作日志 lines), as operation ctx.opId. ≤ 2 syncs; rolled forward on failure. */
export function undoImport(run: ExcelRun, opId: string, ctx: ActionContext): Promise<Result<UndoOutcome>> {
  return rollForward(run, () => undoAttempt(run, opId, ctx));
}

async function undoAttempt(run: ExcelRun, opId: string, ctx: ActionContext): Promise<Attempt<UndoOutcome>> {
  return run(async (context) => {
    const ledger = queueLedger(context);
    const log = queueTable(context, LOG);
    const common = queueCommon(context);
    try {
      await context.sync();
      await completeReads(context);
    } catch (e) {
      if ((e as { code?: string })?.code === 'ItemNotFound') return done(err('not-initialised', t.notInitialised));
      return done(err('sync-failed', t.syncFailed(message(e))));
    }
    const c = common.read(ctx.opId);
    const L = ledger.read();
    const lines = log
      .read()
      .rows.filter((r) => cellText(r.values['操作ID']) === opId && cellText(r.values['动作']) === IMPORT_ACTION)
      .map((r) => ({ id: cellText(r.values['编号']), section: cellText(r.values['科室']), before: parsePayload(r.values['变更前']), after: parsePayload(r.values['变更后']) }))
      .filter((l) => l.id && l.before && l.after);
    if (lines.length === 0) return done(err('nothing-to-undo', importText.nothingToUndo(opId)));
    const out: UndoOutcome = { restored: [], already: [], skipped: [] };
    const pending: { id: string; changes: Record<string, CellValue> }[] = [];
    const logs: Record<string, CellValue>[] = [];
    for (const l of lines) {
      const before = l.before!;
      const after = l.after!.值;
      const added = before.导入 === '新增';
      const k = L.rowOf.get(l.id);
      if (k === undefined) {
        // an added row already cleared (or an updated row gone: nothing to restore into)
        if (added) out.already.push(l.id);
        else out.skipped.push({ id: l.id, message: importText.rowGone(l.id) });
        continue;
      }
      const row = L.values[k];
      const headers = Object.keys(after);
      const current = rowCells(L.index, row, headers);
      const target: Record<string, CellValue> = added ? Object.fromEntries([...INPUT_HEADERS, '操作ID'].map((h) => [h, ''])) : before.值;
      if (!added && Object.keys(target).every((h) => sameCell(current[h], target[h]) || (h === '操作ID' && target[h] === ''))) {
        out.already.push(l.id);
        continue;
      }
      if (!headers.every((h) => sameCell(current[h], after[h]))) {
        out.skipped.push({ id: l.id, message: importText.changedSinceImport(l.id) });
        continue;
      }
      const changes = Object.fromEntries(Object.entries(target).map(([h, x]) => [h, encode(x)]));
      pending.push({ id: l.id, changes });
      out.restored.push(l.id);
      if (!c.logged(l.id)) logs.push(logLine(ctx, UNDO_IMPORT_ACTION, l.id, l.section, payload(before.导入, after), payload(before.导入, target)));
    }
    if (pending.length === 0 && logs.length === 0) return done(ok(out));
    let writes: { id: string; row: CellValue[] }[] = [];
    try {
      writes = (await rowsToWrite(context, L.headers, pending)).writes;
    } catch (e) {
      return done(err('sync-failed', t.syncFailed(message(e))));
    }
    // the undo's lines go first (keyed by its own id); the rows are restored by value, so a retry
    // recognises a row already restored
    const located = writes.map((w) => ({ at: locateRow(context, LEDGER, '编号', w.id), row: w.row }));
    withUnprotected(context, c, () => {
      queueAppend(context, LOG, c.logHeaders, LOG_COLUMNS, logs, c.placeholder(LOG));
      for (const w of located) w.at.writeRow(w.row);
    });
    try {
      await context.sync();
    } catch (e) {
      return writeFailed(e, c);
    }
    return done(ok(out));
  });
}
