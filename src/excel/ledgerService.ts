/**
 * What the task pane asks of the workbook. The task pane talks only to this interface; the real
 * implementation (`createLedgerService` in ledgerGateway.ts) drives Office.js through an ExcelRun
 * (real Excel, or the in-memory double in tests and the preview). Every method is one user action
 * and costs a fixed, small number of `context.sync()` round trips whatever the ledger's size.
 */
import type { WorkCalendar } from '../domain/calendar';
import type { Result } from '../domain/result';
import type { Settings } from '../domain/settings';
import type { FeedbackRecord, IsoDate, LedgerItem, SectionPeople } from '../domain/types';
import type { CellError } from '../domain/validation';
import type { Action, ActionOutcome, Actor, NewItemInput } from '../domain/workflow';
import type { AuditReport } from './audit';
import type { DashboardOutcome } from './dashboard';
import type { OfficialDocument } from '../domain/documents/model';
import type { DocumentSource } from './documents';
import type { RoundOutcome } from './rounds';
import type { ImportPreview } from '../domain/import';
import type { ImportOutcome, ImportRequest } from './importApply';
import type { UndoOutcome } from './importUndo';
import type { FreezeOutcome } from './scoresArchive';

/** A 反馈记录 row with where it lives, so a later 审签 can find it. */
export interface StoredRecord extends FeedbackRecord {
  /** 操作ID of the action that wrote it: the row's key */
  opId: string;
}

/** Everything the task pane needs to render and decide, read in one round trip. */
export interface LedgerSnapshot {
  workbookName: string;
  /** false when the ledger sheets are missing (初始化台账 offered) */
  initialised: boolean;
  /** the ledger's schema version (设置 结构版本), null when unknown */
  schemaVersion: number | null;
  items: LedgerItem[];
  records: StoredRecord[];
  people: SectionPeople[];
  settings: Settings;
  calendar: WorkCalendar;
  /** 设置 今天 when it holds a fixed date, else the user's local date */
  today: IsoDate;
  /** rows that failed validation: shown to the user, never dropped silently */
  rowErrors: CellError[];
}

/** Who acts, when, under which operation id (idempotent retries re-use the id). */
export interface ActionContext {
  actor: Actor;
  on: IsoDate;
  /** from newOperationId(); a retry of the same user action passes the same id */
  opId: string;
  /** wall-clock time for 操作日志 */
  now: Date;
}

export interface RegisterOutcome {
  item: LedgerItem;
  /** true when a co-author took the number first and the item was renumbered */
  renumbered: boolean;
}

export interface InitialiseOutcome {
  createdSheets: string[];
  repaired: string[];
}

export interface LedgerService {
  snapshot(): Promise<LedgerSnapshot>;
  /** 立项: a new item, numbered uniquely even when a co-author registers at the same moment. */
  register(input: Omit<NewItemInput, 'id'>, ctx: ActionContext): Promise<Result<RegisterOutcome>>;
  /** Any workflow action on one item, located by 编号 (never by a row position read earlier). */
  act(itemId: string, action: Action, ctx: ActionContext): Promise<Result<ActionOutcome>>;
  /** 催办 all overdue items of a section at once. */
  urgeOverdue(section: string, content: string, ctx: ActionContext): Promise<Result<{ itemIds: string[] }>>;
  /** 初始化台账: create missing sheets, repair formulas and rules, never touch user data. */
  initialise(): Promise<Result<InitialiseOutcome>>;
  /** 督查轮次: write 问题清单, 不落实清单 and 督查报告 for a period (hand rows and overrides kept). */
  generateRound(period: { from: IsoDate; to: IsoDate }, ctx: ActionContext): Promise<Result<RoundOutcome>>;
  /** 综评: copy a month's scores (computed from raw fields) as values into 考核存档. */
  freezeMonth(month: string, ctx: ActionContext): Promise<Result<FreezeOutcome>>;
  /** 看板: the chart source tables and the three charts, recomputed from raw fields as of `asOf`. */
  refreshDashboard(asOf: IsoDate): Promise<Result<DashboardOutcome>>;
  /** 文书: what the 公文 documents are made from — raw fields, the document settings, the round on the sheets. */
  documentSource(): Promise<Result<DocumentSource>>;
  /** 文书: a 督办通知单 or 催办单 written into its printable A4 sheet (replacing the previous one). */
  writeDocumentSheet(doc: OfficialDocument): Promise<Result<{ sheet: string; rows: number }>>;
  /**
   * 导入 step 1: the pasted block (first line = headers, mapped by name and synonym) checked against
   * the ledger; new rows get the workflow's defaults and the clerk's choices; nothing written.
   */
  previewImport(text: string, request?: ImportRequest): Promise<Result<ImportPreview>>;
  /** 导入 step 2: the preview's additions and updates written under ONE operation id (ctx.opId). */
  applyImport(preview: ImportPreview, ctx: ActionContext): Promise<Result<ImportOutcome>>;
  /** 撤销导入: the import `opId` undone (updates restored, added rows deleted), as operation ctx.opId. */
  undoImport(opId: string, ctx: ActionContext): Promise<Result<UndoOutcome>>;
  /** 校验台账: every row and every computed column checked; problems located by sheet/row/column. */
  audit(): Promise<AuditReport>;
  /** Select a cell the audit named. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Select the item's row in 台账 (from the pane). */
  selectItem(itemId: string): Promise<void>;
  /** Calls back with the 编号 of the 台账 row the user selects (null off the ledger); returns unsubscribe. */
  onSelectItem(handler: (itemId: string | null) => void): Promise<() => void>;
}
