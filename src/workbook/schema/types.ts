/**
 * The workbook schema's shared types, limits and formats (schema/index.ts assembles the sheets).
 */

/** Bumped whenever sheets, columns or formulas change shape (the add-in upgrades by it). */
export const SCHEMA_VERSION = 4;

/**
 * Data validation and conditional formats cover whole columns, down to the last row of the sheet:
 * Microsoft's co-authoring guidance for appending rows below a table (getRowsBelow) requires that
 * no validation sits on cells below the table other than a whole-column one.
 */
export const LAST_ROW = 1_048_576;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'yyyy"年"m"月"';

export type ValidationSpec =
  | { type: 'list'; values: readonly string[]; strict: boolean; error?: readonly [string, string] }
  | { type: 'listRange'; source: string; strict: boolean; error?: readonly [string, string] }
  | { type: 'date'; min: string; max: string }
  | { type: 'whole'; min: number; max: number; error?: readonly [string, string] }
  /** a number, decimals allowed (weights, grade rates, deductions) */
  | { type: 'decimal'; min: number; max: number; error?: readonly [string, string] };

export interface ColumnSpec {
  header: string;
  kind: 'input' | 'formula';
  /** characters */
  width: number;
  numFmt?: string;
  /** formula columns: the formula, no leading '='; `{r}` stands for the sheet row (formulaForRow) */
  formula?: string;
  /**
   * table formula columns: the same formula without the row number (`INDEX($X:$X,ROW())` for `$X{r}`),
   * for rows the add-in appends without knowing where they land (formulas.ts `toA1`)
   */
  rowFreeFormula?: string;
  validation?: ValidationSpec;
  /** [title, text] shown when the cell is selected */
  inputMessage?: readonly [string, string];
  /** formula columns are locked, input columns unlocked */
  locked: boolean;
  /** helper columns: hidden (outline level 1) */
  hidden?: boolean;
  /** explanation of a computed column (header comment) */
  note?: string;
  /** wrap text in the body */
  wrap?: boolean;
  align?: 'center' | 'left' | 'right';
}

export interface TableSpec {
  /** must not look like a cell address */
  name: string;
  /** header row (1-based) */
  headerRow: number;
  /** first column (1-based) */
  firstCol: number;
  columns: ColumnSpec[];
  style: string;
}

/** A fixed block of rows outside a table (月度考核 当月). Formulas use `{r}` for the row number. */
export interface BlockSpec {
  headerRow: number;
  firstRow: number;
  rows: number;
  firstCol: number;
  columns: (ColumnSpec & { values?: readonly (string | number)[] })[];
}

export interface CellSpec {
  address: string;
  value?: string | number;
  formula?: string;
  numFmt?: string;
  style?: 'title' | 'label' | 'note' | 'heading' | 'input';
  locked?: boolean;
  validation?: ValidationSpec;
  inputMessage?: readonly [string, string];
  /** merge this cell across to the given address */
  mergeTo?: string;
}

export type CFRule =
  | { type: 'expression'; formula: string; fill?: string; fontColor?: string; bold?: boolean }
  | { type: 'colorScale'; colors: readonly [string, string, string] };

export interface ConditionalFormatSpec {
  /** A1 range */
  range: string;
  rules: CFRule[];
}

export interface SheetSpec {
  name: string;
  purpose: string;
  tabColor?: string;
  tables: TableSpec[];
  blocks: BlockSpec[];
  cells: CellSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** rows/columns frozen above/left of this cell */
  freeze?: { row: number; col: number };
  protect: boolean;
  landscape?: boolean;
  /** pages across when printed (fit to width); default 1 */
  fitToWidth?: number;
  /** columns repeated on every printed page, e.g. 'A:A' */
  printTitleColumns?: string;
  /** printed as a document (A4 公文 attachment, see print.ts) rather than as a table */
  printAs?: 'document';
  /** width of columns not described by a table/block */
  widths?: Record<string, number>;
}

export interface DefinedNameSpec {
  name: string;
  /** absolute reference, e.g. 设置!$B$2 */
  ref: string;
}

export interface WorkbookSchema {
  version: number;
  sheets: SheetSpec[];
  names: DefinedNameSpec[];
}

/**
 * A formula of the schema for sheet row r: `{r}` is the row itself, `{prev}` the row above, `{next}`
 * the row below (日历 下一工作日). Formulas without placeholders are returned unchanged.
 */
export function formulaForRow(formula: string, r: number): string {
  return formula
    .replace(/\{r\}/g, String(r))
    .replace(/\{prev\}/g, String(r - 1))
    .replace(/\{next\}/g, String(r + 1));
}

/** 1 → A, 27 → AA */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
