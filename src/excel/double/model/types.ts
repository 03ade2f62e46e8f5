/**
 * The model's data: cells and their format layers, tables, conditional formats, protection, change
 * records, the objects kept per workbook/sheet (defined names, charts), and the snapshot shapes
 * that direct access returns. No behaviour beyond small helpers; the classes are in sheet*.ts and
 * workbook.ts.
 */
import type { Rect } from '../address';
import type { CellValue } from '../values';
import type { DoubleSheet } from './sheet';

// ---------------------------------------------------------------- cells and formats

export interface ValidationSpec {
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

/** Format properties. `undefined` means "inherit" (cell → row → column → sheet → default). */
export interface Fmt {
  numberFormat?: string;
  /** '#RRGGBB', or '' for "no fill" set explicitly over an inherited fill. */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  locked?: boolean;
  wrapText?: boolean;
  horizontalAlignment?: string;
  /** Excel.VerticalAlignment: 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' */
  verticalAlignment?: string;
  /** font face, e.g. '宋体' */
  fontName?: string;
  /** points */
  fontSize?: number;
  /** Cell edges, Excel.BorderLineStyle: 'None' | 'Continuous' | 'Dash' | 'Double' | … (colour: always black here) */
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
  /** `null` = explicitly no validation (over an inherited one). */
  validation?: ValidationSpec | null;
}

export type FmtKey = keyof Fmt;
export const FMT_KEYS: FmtKey[] = [
  'numberFormat',
  'fill',
  'bold',
  'italic',
  'fontColor',
  'locked',
  'wrapText',
  'horizontalAlignment',
  'verticalAlignment',
  'fontName',
  'fontSize',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
  'validation',
];

export const FMT_DEFAULTS: { [K in FmtKey]-?: Exclude<Fmt[K], undefined> | null } = {
  numberFormat: 'General',
  fill: '',
  bold: false,
  italic: false,
  fontColor: '#000000',
  locked: true,
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  fontName: 'Calibri',
  fontSize: 11,
  borderTop: 'None',
  borderBottom: 'None',
  borderLeft: 'None',
  borderRight: 'None',
  validation: null,
};

export interface Cell extends Fmt {
  /** Value; for a formula cell its cached (last computed) value. Empty is "". */
  v: CellValue;
  /** Formula text including the leading "=". */
  f?: string;
  /** Quote prefix: text that was entered with a leading apostrophe. */
  q?: boolean;
}

export type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'CellInserted' | 'CellDeleted' | 'ColumnInserted';
export type ChangeSource = 'Local' | 'Remote';

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  changeType: ChangeType;
  source: ChangeSource;
}

export interface TrackedRange {
  sheet: DoubleSheet;
  rect: Rect;
  valid: boolean;
}

export interface TableColumnModel {
  id: number;
  name: string;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: DoubleSheet;
  /** Header row is r0; body is r0+1..r1 (at least one row). */
  rect: Rect;
  columns: TableColumnModel[];
  nextColumnId: number;
  style: string;
}

export interface ConditionalFormatModel {
  id: string;
  sheet: DoubleSheet;
  rect: Rect;
  type: string;
  stopIfTrue: boolean;
  /** Custom: `{ formula }`; CellValue: `{ formula1, formula2?, operator }`; others: free-form. */
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

export interface ProtectionModel {
  protected: boolean;
  password?: string;
  options: Record<string, boolean | string>;
}

export const DEFAULT_PROTECTION_OPTIONS: Record<string, boolean | string> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** Column width Excel reports for a default column (8.43 characters of Calibri 11 = 64 px), in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function emptyContent(cell: Cell | undefined): boolean {
  return !cell || (cell.v === '' && cell.f === undefined && !cell.q);
}

export function hasFmt(cell: Cell): boolean {
  for (const k of FMT_KEYS) if (cell[k] !== undefined) return true;
  return false;
}

export function copyFmt(from: Fmt | undefined, to: Fmt, onlyMissing = false): void {
  if (!from) return;
  for (const k of FMT_KEYS) {
    if (from[k] === undefined) continue;
    if (onlyMissing && to[k] !== undefined) continue;
    (to as Record<string, unknown>)[k] = cloneJson(from[k]);
  }
}

export function cloneJson<T>(v: T): T {
  return v === undefined || v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** What `worksheet.protection.options` etc. look like when read. */
export function protectionOptions(p: ProtectionModel): Record<string, boolean | string> {
  return { ...p.options };
}

export interface CellSnapshot {
  address: string;
  value: CellValue;
  formula?: string;
  text: string;
  numberFormat: string;
  fill?: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  locked: boolean;
  validation?: ValidationSpec;
  /** Only when not the default (FMT_DEFAULTS: Calibri, 11, 'Bottom'). */
  fontName?: string;
  fontSize?: number;
  verticalAlignment?: string;
  /** Excel.BorderLineStyle of each cell edge that has a line (style other than 'None'); absent when none has. */
  borders?: { top?: string; bottom?: string; left?: string; right?: string };
}

export interface TableSnapshot {
  id: string;
  name: string;
  sheet: string;
  address: string;
  headerAddress: string;
  bodyAddress: string;
  columns: string[];
  rowCount: number;
  /** Body values, one array per row. */
  values: CellValue[][];
  /** Body formulas (formula text for formula cells, value otherwise). */
  formulas: CellValue[][];
}

export interface ConditionalFormatSnapshot {
  id: string;
  address: string;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

export interface GridSnapshot {
  sheet: string;
  /** Rows and columns rendered (0-based, from A1). */
  rowCount: number;
  columnCount: number;
  cells: CellSnapshot[][];
  columnWidths: number[];
  freezeRows: number;
  tables: TableSnapshot[];
  conditionalFormats: ConditionalFormatSnapshot[];
  protected: boolean;
}

// ---------------------------------------------------------------- objects beside the grid

/** A defined name (`workbook.names`). */
export interface NamedItemModel {
  name: string;
  /** with the leading "=", e.g. "=设置!$B$2" */
  formula: string;
  comment: string;
  visible: boolean;
}

/** A chart on a sheet (`worksheet.charts`). */
export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  seriesBy: string;
  /** source data as given to `add`, e.g. "督查看板!A4:H16" */
  source: string;
  title: string;
  titleVisible: boolean;
  /** top-left and bottom-right cells after `setPosition` (sheet-local A1), null before */
  position: { start: string; end: string | null } | null;
  /**
   * The series, fixed at `add` from the source and `seriesBy` (Columns/Auto: one per column after
   * the first, named by the first row's text; Rows: the transpose; one row or column: one series
   * "Series1"); `fill` is the colour set by `series.format.fill.setSolidColor` ("#RRGGBB"), null
   * for Office's default palette.
   */
  series: ChartSeriesModel[];
}

export interface ChartSeriesModel {
  name: string;
  fill: string | null;
}
