/**
 * A pasted block → records of the ledger's input columns. The first non-blank line is the header
 * line (mapped by headers.ts); every later non-blank line is a row, numbered as the user sees it
 * in the block (the header line is row 1). Cells are trimmed (spaces of any width at either end);
 * otherwise kept as typed, line breaks inside a cell included. A blank cell is null.
 */
import { importText } from '../../i18n/import';
import { LEDGER_INPUT_COLUMNS } from '../validation';
import { splitClipboard } from './clipboard';
import { trimCell } from './cells';
import { mapHeaders, type ColumnMapping } from './headers';

const t = importText.headers;

/** The ledger's input headers, in sheet order: what a pasted column can fill. */
export const IMPORT_TARGETS: readonly string[] = LEDGER_INPUT_COLUMNS.map((c) => c.header);

export interface PastedBlock {
  /** the header line's cells, trimmed, in pasted order */
  headers: string[];
  /** where each non-blank pasted header goes */
  mapping: ColumnMapping[];
  /** one record per non-blank pasted row: ledger header → trimmed cell text (null when blank) */
  rows: Record<string, unknown>[];
  /** the pasted row number of each row (the header line is row 1) */
  rowNumbers: number[];
  /** ledger header → column letter in the pasted block */
  letters: Record<string, string>;
  /** pasted headers that are not imported (序号 aside) */
  unknownHeaders: string[];
  /** zh-CN messages about the header line and stray cells: one per column, never per row */
  problems: string[];
}

const blankText = (v: string) => trimCell(v) === '';
/** 'A' → 0, 'AA' → 26 (the pasted block's own columns). */
const columnIndex = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function headerProblems(mapping: readonly ColumnMapping[]): string[] {
  const out: string[] = [];
  const ignored = mapping.filter((m) => m.kind === 'ignored').map((m) => ({ header: m.pasted, column: m.column }));
  if (ignored.length > 0) out.push(t.ignored(t.ignoredList(ignored)));
  for (const m of mapping) {
    if (m.kind === 'duplicate' && m.duplicateOf) out.push(t.duplicate(m.pasted, m.column, m.duplicateOf.target, m.duplicateOf.column));
  }
  return out;
}

/** 备注 of a row: its own 备注, then "列名：内容" of each column the user put into 备注, joined by "；". */
function withNotes(own: unknown, cells: readonly string[], notes: readonly { header: string; at: number }[]): string | null {
  const parts = typeof own === 'string' && own !== '' ? [own] : [];
  for (const n of notes) {
    const v = cells[n.at] === undefined ? '' : trimCell(cells[n.at]);
    if (v !== '') parts.push(`${n.header}：${v}`);
  }
  return parts.length > 0 ? parts.join('；') : null;
}

/**
 * Parse a pasted block. Never throws. `targets`: the ledger's input headers (default: all of
 * them); `choices`: the user's column choices (headers.ts mapHeaders); `firstRow`: the sheet row of
 * the text's first line when it is a picked file's sheet (rows are then numbered as the sheet does).
 */
export function parsePastedBlock(
  text: string,
  targets: readonly string[] = IMPORT_TARGETS,
  choices: Readonly<Record<string, string>> = {},
  firstRow: number | null = null,
): PastedBlock {
  const records = splitClipboard(typeof text === 'string' ? text : String(text ?? ''));
  const out: PastedBlock = { headers: [], mapping: [], rows: [], rowNumbers: [], letters: {}, unknownHeaders: [], problems: [] };
  const first = records.findIndex((r) => r.some((c) => !blankText(c)));
  if (first < 0) {
    out.problems.push(t.noHeaders);
    return out;
  }
  out.headers = records[first].map(trimCell);
  const map = mapHeaders(out.headers, targets, choices);
  const notes = map.columns.filter((m) => m.kind === 'note').map((m) => ({ header: m.pasted, at: columnIndex(m.column) }));
  out.mapping = map.columns;
  out.letters = map.letters;
  out.unknownHeaders = [...new Set(map.columns.filter((m) => m.kind === 'ignored').map((m) => m.pasted))];
  out.problems.push(...headerProblems(map.columns));
  if (map.positions.size === 0) out.problems.push(t.noHeaders);
  for (let r = first + 1; r < records.length; r += 1) {
    const cells = records[r];
    if (cells.every(blankText)) continue;
    // a picked sheet's own row number; in a pasted block the header is line 1
    const rowNumber = firstRow !== null ? firstRow + r : r - first + 1;
    const rec: Record<string, unknown> = {};
    for (const [header, at] of map.positions) {
      const v = cells[at] === undefined ? '' : trimCell(cells[at]);
      rec[header] = v === '' ? null : v;
    }
    if (notes.length > 0) rec['备注'] = withNotes(rec['备注'], cells, notes);
    const extra = cells.slice(out.headers.length).filter((c) => !blankText(c)).length;
    if (extra > 0) out.problems.push(t.extraCells(rowNumber, extra));
    out.rows.push(rec);
    out.rowNumbers.push(rowNumber);
  }
  return out;
}
