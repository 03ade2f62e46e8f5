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

function headerProblems(mapping: readonly ColumnMapping[]): string[] {
  const out: string[] = [];
  const ignored = mapping.filter((m) => m.kind === 'ignored').map((m) => ({ header: m.pasted, column: m.column }));
  if (ignored.length > 0) out.push(t.ignored(t.ignoredList(ignored)));
  for (const m of mapping) {
    if (m.kind === 'duplicate' && m.duplicateOf) out.push(t.duplicate(m.pasted, m.column, m.duplicateOf.target, m.duplicateOf.column));
  }
  return out;
}

/** Parse a pasted block. Never throws. `targets`: the ledger's input headers (default: all of them). */
export function parsePastedBlock(text: string, targets: readonly string[] = IMPORT_TARGETS): PastedBlock {
  const records = splitClipboard(typeof text === 'string' ? text : String(text ?? ''));
  const out: PastedBlock = { headers: [], mapping: [], rows: [], rowNumbers: [], letters: {}, unknownHeaders: [], problems: [] };
  const first = records.findIndex((r) => r.some((c) => !blankText(c)));
  if (first < 0) {
    out.problems.push(t.noHeaders);
    return out;
  }
  out.headers = records[first].map(trimCell);
  const map = mapHeaders(out.headers, targets);
  out.mapping = map.columns;
  out.letters = map.letters;
  out.unknownHeaders = [...new Set(map.columns.filter((m) => m.kind === 'ignored').map((m) => m.pasted))];
  out.problems.push(...headerProblems(map.columns));
  if (map.positions.size === 0) out.problems.push(t.noHeaders);
  for (let r = first + 1; r < records.length; r += 1) {
    const cells = records[r];
    if (cells.every(blankText)) continue;
    const rowNumber = r - first + 1;
    const rec: Record<string, unknown> = {};
    for (const [header, at] of map.positions) {
      const v = cells[at] === undefined ? '' : trimCell(cells[at]);
      rec[header] = v === '' ? null : v;
    }
    const extra = cells.slice(out.headers.length).filter((c) => !blankText(c)).length;
    if (extra > 0) out.problems.push(t.extraCells(rowNumber, extra));
    out.rows.push(rec);
    out.rowNumbers.push(rowNumber);
  }
  return out;
}
