/**
 * The plan of 初始化台账's write (sync 3): what initialiseDiagnose.ts decides and
 * initialiseApply.ts queues. Plain data — no Office proxies — so a diagnosis can be read and
 * tested without Excel.
 *
 * The writes run phase by phase, each phase in the order its steps were planned:
 * unprotect → structure (sheets, tables, columns, fixed texts) → defined names → content
 * (formulas, validation, conditional formats) → 结构版本 → protect.
 */
import type { Settings } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import type { BlockSpec, CFRule, CellSpec, ColumnSpec, SettingRow, SheetSpec, TableSpec, ValidationSpec } from '../workbook/schema';

export type Phase = 'unprotect' | 'structure' | 'names' | 'content' | 'version' | 'protect';

/** The order the phases run in. */
export const PHASES: readonly Phase[] = ['unprotect', 'structure', 'names', 'content', 'version', 'protect'];

/** Cells of a sheet: an A1 address, or 1-based row/column with a size (default one cell). */
export type Target = string | { row: number; col: number; rows?: number; cols?: number };

export type Cell = string | number | null;

/** One write; `Step.sheet` says on which sheet. */
export type Write =
  /** a new sheet, at tab `position` (appended when absent) */
  | { kind: 'createSheet'; position?: number }
  /** tab colour, column widths, hidden columns, column locks, print setup of a sheet built whole */
  | { kind: 'layoutSheet'; spec: SheetSpec }
  | { kind: 'freezePanes'; row: number; col: number }
  /** a block's header row and body formats and locks */
  | { kind: 'blockFrame'; block: BlockSpec }
  /** a table built at its spec place: header, body formats, seed `rows`, the table, header styles */
  | { kind: 'tableFrame'; table: TableSpec; rows: Cell[][]; bodyRows: number }
  /** a table made of the range at its spec place (its header row matches the schema) */
  | { kind: 'wrapTable'; table: TableSpec; address: string }
  /** formula columns and validation of a table at its spec place, `bodyRows` rows */
  | { kind: 'tableBody'; table: TableSpec; bodyRows: number; clearValidation: boolean }
  /** a fixed cell's format, value and merge */
  | { kind: 'cellFrame'; cell: CellSpec }
  /** a fixed cell's formula and validation */
  | { kind: 'cellContent'; cell: CellSpec }
  | { kind: 'values'; at: Target; values: (string | number)[][] }
  | { kind: 'formulas'; at: Target; formulas: Cell[][] }
  /** rules added over `address`, the first rule ending up on top */
  | { kind: 'conditionalFormats'; address: string; rules: readonly CFRule[] }
  /** table `table` (its name in the workbook) gets column `header` at `index` */
  | { kind: 'addColumn'; table: string; index: number; header: string }
  /** header and body formats of a column just added to an existing table */
  | { kind: 'columnFrame'; table: string; column: string; spec: ColumnSpec }
  /**
   * conditional formats of a table column's body, by their place in its collection, highest first
   * (a deletion leaves the places below it as they were)
   */
  | { kind: 'deleteConditionalFormats'; table: string; column: string; indices: number[] }
  /** an existing table column's body (sheet rows firstRow…): its formulas and/or its validation */
  | { kind: 'columnBody'; table: string; column: string; spec: ColumnSpec; firstRow: number; rows: number; formula: boolean; validation: boolean }
  /** sheet columns whose table column moved: widths, hidden flags and body locks as the schema says */
  | { kind: 'shiftedColumns'; headerRow: number; bodyRows: number; columns: ShiftedColumn[] }
  /** a 设置 row written again: 名称, 说明 and the value cell's format */
  | { kind: 'settingRowFrame'; row: number; setting: SettingRow; note: string }
  /** a 设置 row's value (null: none) and validation */
  | { kind: 'settingRowValue'; row: number; value: Cell; validation: ValidationSpec | undefined }
  | { kind: 'addName'; name: string; ref: string }
  | { kind: 'unprotect' }
  | { kind: 'protect' };

export interface ShiftedColumn {
  /** 1-based sheet column */
  col: number;
  hidden: boolean;
  /** characters; null: left as it is (not a schema column) */
  width: number | null;
  locked: boolean;
}

export interface Step {
  /** the sheet written to, as the workbook names it (null: the workbook, e.g. defined names) */
  sheet: string | null;
  write: Write;
}

export interface Plan {
  phases: Record<Phase, Step[]>;
  /** sheets created (schema order of creation) */
  created: string[];
  /** repairs made (zh-CN) */
  repaired: string[];
  /** damage left alone (zh-CN) */
  warnings: string[];
  /** 设置 结构版本 before the run (null: none, not a number, or 设置 created) */
  versionBefore: number | null;
  /** the password the write unprotects and protects with */
  password: string | undefined;
  /** sheets the write protects: what a failed write restores */
  toProtect: string[];
  /** protected sheets written to whose password this Excel cannot know (no ExcelApiOnline 1.1) */
  unknownPassword: string[];
}

/** What a diagnosis needs besides the schema and the workbook. */
export interface PlanInputs {
  /** the user's date (the months of a new 考核明细) */
  today: IsoDate;
  settings: Settings;
  /** 科室人员 of a new sheet */
  sections: readonly { section: string; chief: string; deputy: string; note: string }[];
  /** sections of a new 考核明细 */
  detailSections: readonly string[];
}

/** A plan being drawn up. */
export class Draft {
  readonly plan: Plan = {
    phases: { unprotect: [], structure: [], names: [], content: [], version: [], protect: [] },
    created: [],
    repaired: [],
    warnings: [],
    versionBefore: null,
    password: undefined,
    toProtect: [],
    unknownPassword: [],
  };

  constructor(readonly inputs: PlanInputs) {}

  push(phase: Phase, sheet: string | null, write: Write): void {
    this.plan.phases[phase].push({ sheet, write });
  }
}

/** The steps planned for one schema sheet. */
export class SheetDraft {
  /** whether any step writes to the sheet (then it must be unprotected first) */
  touched = false;
  /** built from scratch in this run (created, or an empty sheet of that name) */
  built = false;
  /** the sheet's name in the workbook */
  readonly name: string;

  constructor(
    readonly draft: Draft,
    readonly spec: SheetSpec,
    existingName: string | null,
  ) {
    this.name = existingName ?? spec.name;
  }

  /** Creates the sheet (a structure step), at tab `position` when given (else appended). */
  create(position?: number): void {
    this.draft.push('structure', this.name, { kind: 'createSheet', position });
  }

  at(phase: Phase, write: Write): void {
    this.touched = true;
    this.draft.push(phase, this.name, write);
  }

  repaired(text: string): void {
    this.draft.plan.repaired.push(text);
  }
}
