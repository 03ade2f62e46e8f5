/**
 * An in-memory LedgerService for component tests (the browser preview runs the real gateway over
 * the Excel double, src/preview/previewLedger.ts). It applies actions with the real domain
 * (registerItem, applyAction, nextItemNumber), so the pane is exercised against the real rules;
 * ledgerService.contract.test.ts runs it and the real service through the same calls. Extras for
 * tests: a log of calls with their opIds, injected failures (thrown like a lost connection, before
 * or after the write), a gate to hold calls in flight, idempotent replays of a repeated opId
 * (督查轮次 and 冻结考核 answer `already-done`, as the real ones do), and `emitSelect` to play a
 * selection in 台账.
 * 督查轮次 runs the real domain builders (buildReport: totals, rates, both lists, 主要问题), 冻结考核
 * computes monthlyScores into an in-memory 考核存档 (versions per month), and 校验台账 reports the
 * snapshot's row errors and duplicate 编号 (or the report a test sets in `auditReport`).
 * 导入 previews with the real previewRows over the fake's items; applyImport / undoImport keep a
 * journal per operation id (`imports`) and skip rows changed since the preview / the import.
 */
import { dashboardData, type DashboardOutcome } from '../../excel/dashboard';
import { checkReportWaiting } from '../../domain/signOffReturn';
import { createCalendar, type WorkCalendar } from '../../domain/calendar';
import { isIsoDate, yearOf } from '../../domain/dates';
import { nextItemNumber } from '../../domain/itemNumber';
import { buildReport } from '../../domain/report';
import { monthlyScores, type SectionScore } from '../../domain/scoring';
import { err, ok, type Result } from '../../domain/result';
import { defaultSettings, type Settings } from '../../domain/settings';
import { itemStatus } from '../../domain/status';
import type { IsoDate, LedgerItem, SectionPeople } from '../../domain/types';
import { LEDGER_INPUT_COLUMNS, validateLedgerRow, type CellError } from '../../domain/validation';
import { applyAction, registerItem, type Action, type ActionOutcome, type Actor, type NewItemInput } from '../../domain/workflow';
import type { AuditProblem, AuditReport, AuditSheetGroup } from '../../excel/audit';
import { parsePastedBlock, previewRows, type ImportPreview } from '../../domain/import';
import type { ImportOutcome, ImportRequest } from '../../excel/importApply';
import type { UndoOutcome } from '../../excel/importUndo';
import { importText } from '../../i18n/import';
import { itemValues } from '../../excel/ledgerCodec';
import type { ActionContext, InitialiseOutcome, LedgerService, LedgerSnapshot, RegisterOutcome, StoredRecord } from '../../excel/ledgerService';
import { archiveSheetName, type RoundOutcome } from '../../excel/rounds';
import type { FreezeOutcome } from '../../excel/scoresArchive';
import { defaultDocumentSettings, type DocumentSettings } from '../../domain/documents/settings';
import type { OfficialDocument } from '../../domain/documents/model';
import type { DocumentSource, RoundOnSheet } from '../../excel/documents';
import { documentSheetName } from '../../excel/documentSheets';
import { audit as auditText } from '../../i18n/audit';
import { excel as excelText } from '../../i18n/excel';
import { LEDGER_COLUMNS, columnLetter } from '../../workbook/schema';
import { rounds as roundsText } from '../../i18n/rounds';

export interface FakeCall {
  method:
    | 'snapshot'
    | 'register'
    | 'act'
    | 'urgeOverdue'
    | 'initialise'
    | 'selectItem'
    | 'generateRound'
    | 'refreshDashboard'
    | 'freezeMonth'
    | 'audit'
    | 'selectCell'
    | 'previewImport'
    | 'applyImport'
    | 'undoImport'
    | 'documentSource'
    | 'writeDocumentSheet';
  opId?: string;
  /** who the write was made as */
  actor?: Actor;
  itemId?: string;
  action?: Action;
  input?: Omit<NewItemInput, 'id'>;
  section?: string;
  content?: string;
  period?: { from: IsoDate; to: IsoDate };
  month?: string;
  sheet?: string;
  address?: string;
  /** previewImport: the clerk's choices */
  request?: ImportRequest;
  /** previewImport: the pasted text */
  text?: string;
  /** applyImport: the preview sent */
  preview?: ImportPreview;
  /** undoImport: the operation id of the import undone */
  importOpId?: string;
}

/** One row an import wrote: its item before (null for an addition) and after. */
export interface ImportedRow {
  id: string;
  before: LedgerItem | null;
  after: LedgerItem;
}

/** One 冻结 of a month in the fake's 考核存档. */
export interface FrozenMonth {
  month: string;
  version: number;
  scores: SectionScore[];
  frozenOn: IsoDate;
  by: string;
  opId: string;
}

export interface FakeOptions {
  items?: LedgerItem[];
  records?: StoredRecord[];
  people?: SectionPeople[];
  settings?: Settings;
  calendar?: WorkCalendar;
  today?: IsoDate;
  workbookName?: string;
  initialised?: boolean;
  rowErrors?: CellError[];
}

export interface Failure {
  /** the Error message thrown */
  message: string;
  /** 'before': nothing written (default); 'after': written, but the answer is lost */
  when?: 'before' | 'after';
  /** which methods it applies to (default: the writing ones) */
  methods?: FakeCall['method'][];
}

export const FAKE_PEOPLE: SectionPeople[] = [
  { section: '工程管理科', chief: '张科长', deputy: '李副主任' },
  { section: '物业管理科', chief: '王科长', deputy: '赵副主任' },
  { section: '饮食服务科', chief: '陈科长', deputy: '李副主任' },
];

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const WRITES: FakeCall['method'][] = ['register', 'act', 'urgeOverdue', 'initialise', 'generateRound', 'freezeMonth', 'applyImport', 'undoImport'];
/** An item as its input cells: what the real import compares. */
const cellsOf = (item: LedgerItem): string => JSON.stringify(itemValues(item));
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Writes whose repeated opId the real service refuses as `already-done` (not replayed). */
const ONCE: FakeCall['method'][] = ['generateRound', 'freezeMonth'];
/** Writes the real service works out again on a repeated opId (撤销导入 reads its journal anew). */
const REDONE: FakeCall['method'][] = ['undoImport'];
const LEDGER_LETTERS = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.header, columnLetter(i + 1)]));

export class FakeLedgerService implements LedgerService {
  items: LedgerItem[];
  records: StoredRecord[];
  people: SectionPeople[];
  settings: Settings;
  calendar: WorkCalendar;
  today: IsoDate;
  workbookName: string;
  initialised: boolean;
  rowErrors: CellError[];
  readonly calls: FakeCall[] = [];
  readonly selected: string[] = [];
  /** cells selected through selectCell, as 'sheet!address' */
  readonly selectedCells: string[] = [];
  /** 考核存档: every freeze, in order */
  readonly archive: FrozenMonth[] = [];
  /** every 督查轮次 generated, in order */
  readonly rounds: RoundOutcome[] = [];
  /** When set, audit() answers this instead of checking the fake ledger. */
  auditReport: AuditReport | null = null;
  /** 导入 journal: operation id → the rows it wrote */
  readonly imports = new Map<string, ImportedRow[]>();
  private readonly failures: Failure[] = [];
  private readonly replies = new Map<string, unknown>();
  private readonly handlers = new Set<(id: string | null) => void>();
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  constructor(options: FakeOptions = {}) {
    this.items = clone(options.items ?? []);
    this.records = clone(options.records ?? []);
    this.people = clone(options.people ?? FAKE_PEOPLE);
    this.settings = options.settings ?? defaultSettings();
    this.calendar = options.calendar ?? createCalendar();
    this.today = options.today ?? '2026-03-02';
    this.workbookName = options.workbookName ?? '督办台账.xlsx';
    this.initialised = options.initialised ?? true;
    this.rowErrors = clone(options.rowErrors ?? []);
  }

  /** The next write (or the next call of `methods`) throws `message`. Queue several for several. */
  failNext(failure: Failure | string): void {
    this.failures.push(typeof failure === 'string' ? { message: failure } : failure);
  }

  /** Calls wait until `release()`: to see the pane while a call is in flight. */
  hold(): () => void {
    this.gate = new Promise<void>((resolve) => {
      this.openGate = resolve;
    });
    return () => {
      this.openGate?.();
      this.gate = null;
      this.openGate = null;
    };
  }

  /** Plays a selection in 台账 (the row of `itemId`, or null off the ledger). */
  emitSelect(itemId: string | null): void {
    for (const handler of this.handlers) handler(itemId);
  }

  /** The opIds the writing calls carried, in order. */
  opIds(): string[] {
    return this.calls.filter((c) => c.opId !== undefined).map((c) => c.opId!);
  }

  item(id: string): LedgerItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  async snapshot(): Promise<LedgerSnapshot> {
    this.calls.push({ method: 'snapshot' });
    await this.enter('snapshot');
    return {
      workbookName: this.workbookName,
      initialised: this.initialised,
      schemaVersion: this.initialised ? 1 : null,
      items: clone(this.items),
      records: clone(this.records),
      people: clone(this.people),
      settings: this.settings,
      calendar: this.calendar,
      today: this.today,
      rowErrors: clone(this.rowErrors),
    };
  }

  async register(input: Omit<NewItemInput, 'id'>, ctx: ActionContext): Promise<Result<RegisterOutcome>> {
    this.calls.push({ method: 'register', opId: ctx.opId, actor: ctx.actor, input: clone(input) });
    return this.write('register', ctx.opId, () => {
      const id = nextItemNumber(
        this.items.map((i) => i.id),
        yearOf(ctx.on),
      );
      const made = registerItem({ ...input, id }, ctx.actor, ctx.on);
      if (!made.ok) return made;
      const bad = this.rowProblem(made.value, this.items.length + 5);
      if (bad) return bad;
      this.items.push(made.value);
      return ok({ item: clone(made.value), renumbered: false });
    });
  }

  async act(itemId: string, action: Action, ctx: ActionContext): Promise<Result<ActionOutcome>> {
    this.calls.push({ method: 'act', opId: ctx.opId, actor: ctx.actor, itemId, action: clone(action) });
    // the real service knows an applied opId by the item's row (its 操作ID): replies per item
    return this.write('act', `${ctx.opId}|${itemId}`, () => this.apply(itemId, action, ctx));
  }

  async urgeOverdue(section: string, content: string, ctx: ActionContext): Promise<Result<{ itemIds: string[] }>> {
    this.calls.push({ method: 'urgeOverdue', opId: ctx.opId, actor: ctx.actor, section, content });
    return this.write('urgeOverdue', ctx.opId, () => {
      const overdue = this.items.filter(
        (i) => i.section === section && i.state !== '已销号' && i.state !== '待审批' && itemStatus(i, ctx.on, this.settings, this.calendar).status === '逾期',
      );
      const itemIds: string[] = [];
      for (const item of overdue) {
        const r = this.apply(item.id, { type: '催办', content }, ctx);
        if (!r.ok) return r;
        itemIds.push(item.id);
      }
      return ok({ itemIds });
    });
  }

  async initialise(): Promise<Result<InitialiseOutcome>> {
    this.calls.push({ method: 'initialise' });
    await this.enter('initialise');
    const created = this.initialised ? [] : ['台账', '反馈记录', '科室人员', '日历', '设置', '操作日志'];
    this.initialised = true;
    return ok({ createdSheets: created, repaired: created.length ? [] : ['台账'] });
  }

  /** 设置's document rows as documentSource answers them */
  documentSettings: DocumentSettings = defaultDocumentSettings();
  /** the round on the 督查报告 sheet (null: none generated) */
  documentRound: RoundOnSheet | null = null;
  /** documents written into their sheets, in order */
  documentSheets: OfficialDocument[] = [];

  async documentSource(): Promise<Result<DocumentSource>> {
    this.calls.push({ method: 'documentSource' });
    await this.enter('documentSource');
    return ok({
      items: clone(this.items),
      // the real source reads only the 退回 records
      records: clone(this.records.filter((r) => r.type === '退回')),
      people: clone(this.people),
      sections: this.people.map((p) => p.section),
      settings: this.settings,
      cal: this.calendar,
      password: '',
      rowErrors: clone(this.rowErrors),
      doc: { ...this.documentSettings },
      round: this.documentRound,
    });
  }

  async writeDocumentSheet(doc: OfficialDocument): Promise<Result<{ sheet: string; rows: number }>> {
    this.calls.push({ method: 'writeDocumentSheet' });
    await this.enter('writeDocumentSheet');
    this.documentSheets.push(doc);
    return ok({ sheet: documentSheetName(doc), rows: doc.body.length });
  }

  async refreshDashboard(asOf: IsoDate): Promise<Result<DashboardOutcome>> {
    this.calls.push({ method: 'refreshDashboard' });
    await this.enter('refreshDashboard');
    const sections = this.people.map((p) => p.section);
    const figures = dashboardData({ items: this.items, sections, settings: this.settings, cal: this.calendar }, asOf);
    return ok({ syncs: 2, figures, rowErrors: clone(this.rowErrors) });
  }

  async generateRound(period: { from: IsoDate; to: IsoDate }, ctx: ActionContext): Promise<Result<RoundOutcome>> {
    this.calls.push({ method: 'generateRound', opId: ctx.opId, actor: ctx.actor, period: { ...period } });
    return this.write('generateRound', ctx.opId, () => {
      if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to) {
        return err('bad-period', roundsText.badPeriod(period.from, period.to));
      }
      const report = buildReport({
        items: this.items,
        records: this.records,
        period,
        asOf: ctx.on,
        settings: this.settings,
        cal: this.calendar,
        sections: this.people.map((p) => p.section),
        people: this.people,
      });
      const outcome: RoundOutcome = {
        report,
        issueRows: report.issueList,
        nonImplementationRows: report.nonImplementationList,
        suggestions: report.suggestions,
        archiveSheet: archiveSheetName(period),
        syncs: 2,
        remerged: false,
        rowErrors: clone(this.rowErrors),
      };
      this.rounds.push(clone(outcome));
      return ok(clone(outcome));
    });
  }

  async freezeMonth(month: string, ctx: ActionContext): Promise<Result<FreezeOutcome>> {
    this.calls.push({ method: 'freezeMonth', opId: ctx.opId, actor: ctx.actor, month });
    return this.write('freezeMonth', ctx.opId, () => {
      if (!MONTH_RE.test(month)) return err('bad-month', roundsText.badMonth(month));
      const scores = monthlyScores({
        items: this.items,
        records: this.records,
        sections: this.people.map((p) => p.section),
        month,
        today: ctx.on,
        settings: this.settings,
        cal: this.calendar,
      });
      if (scores.length === 0) return err('future-month', roundsText.futureMonth(month));
      const version = this.archive.filter((f) => f.month === month).length + 1;
      this.archive.push({ month, version, scores: clone(scores), frozenOn: ctx.on, by: ctx.actor.name, opId: ctx.opId });
      return ok({
        month,
        scores,
        version,
        created: this.archive.length === 1,
        syncs: this.archive.length === 1 ? 2 : 3,
        rowErrors: clone(this.rowErrors),
      });
    });
  }

  async previewImport(text: string, request: ImportRequest = {}): Promise<Result<ImportPreview>> {
    this.calls.push({ method: 'previewImport', text, request: clone(request) });
    await this.enter('previewImport');
    // the fake's items stand for 台账 rows 5, 6, … (header on row 4)
    const rows = this.items.map((item, k) => ({ row: k + 5, values: itemValues(item) }));
    return ok(
      previewRows(
        parsePastedBlock(text, undefined, undefined, request.origin?.firstRow ?? null),
        rows,
        { sections: this.people.map((p) => p.section), today: this.today },
        request,
      ),
    );
  }

  async applyImport(preview: ImportPreview, ctx: ActionContext): Promise<Result<ImportOutcome>> {
    this.calls.push({ method: 'applyImport', opId: ctx.opId, actor: ctx.actor, preview: clone(preview) });
    return this.write('applyImport', ctx.opId, () => {
      const outcome: ImportOutcome = { opId: ctx.opId, added: [], updated: [], skipped: [], syncs: 2 };
      const journal: ImportedRow[] = [];
      for (const u of preview.update) {
        const at = this.items.findIndex((i) => i.id === u.id);
        if (at < 0) {
          outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: importText.apply.rowGone(u.id) });
        } else if (u.before && cellsOf(this.items[at]) !== cellsOf(u.before)) {
          outcome.skipped.push({ pastedRow: u.pastedRow, id: u.id, message: importText.apply.changedSincePreview(u.id) });
        } else {
          journal.push({ id: u.id, before: clone(this.items[at]), after: clone(u.after) });
          this.items[at] = clone(u.after);
          outcome.updated.push({ pastedRow: u.pastedRow, id: u.id });
        }
      }
      for (const a of preview.add) {
        const id =
          a.item.id ||
          nextItemNumber(
            this.items.map((i) => i.id),
            yearOf(ctx.on),
          );
        if (this.item(id)) {
          outcome.skipped.push({ pastedRow: a.pastedRow, id, message: importText.apply.idTakenSincePreview(id) });
          continue;
        }
        const item = { ...clone(a.item), id };
        journal.push({ id, before: null, after: clone(item) });
        this.items.push(item);
        outcome.added.push({ pastedRow: a.pastedRow, id });
      }
      this.imports.set(ctx.opId, journal);
      return ok(outcome);
    });
  }

  async undoImport(opId: string, ctx: ActionContext): Promise<Result<UndoOutcome>> {
    this.calls.push({ method: 'undoImport', opId: ctx.opId, actor: ctx.actor, importOpId: opId });
    return this.write('undoImport', ctx.opId, () => {
      const journal = this.imports.get(opId);
      if (!journal) return err('nothing-to-undo', importText.apply.nothingToUndo);
      const outcome: UndoOutcome = { removed: [], restored: [], already: [], skipped: [] };
      for (const row of journal) {
        const at = this.items.findIndex((i) => i.id === row.id);
        const now = at < 0 ? null : cellsOf(this.items[at]);
        if (now === (row.before ? cellsOf(row.before) : null)) {
          outcome.already.push(row.id);
        } else if (now !== cellsOf(row.after)) {
          outcome.skipped.push({ id: row.id, message: importText.apply.changedSinceImport(row.id) });
        } else if (row.before) {
          this.items[at] = clone(row.before);
          outcome.restored.push(row.id);
        } else {
          // the real undo deletes the added row from the table
          this.items.splice(at, 1);
          outcome.removed.push(row.id);
        }
      }
      return ok(outcome);
    });
  }

  async audit(): Promise<AuditReport> {
    this.calls.push({ method: 'audit' });
    await this.enter('audit');
    if (this.auditReport) return clone(this.auditReport);
    const problems: AuditProblem[] = this.rowErrors.map((e) => ({
      sheet: e.sheet,
      row: e.row,
      column: e.column,
      header: e.header,
      address: `${e.column}${e.row}`,
      code: e.code,
      message: e.message,
      value: e.value,
    }));
    // duplicate 编号: the fake's items stand for 台账 rows 5, 6, … (header on row 4)
    const rowsById = new Map<string, number[]>();
    this.items.forEach((item, k) => rowsById.set(item.id, [...(rowsById.get(item.id) ?? []), k + 5]));
    for (const [id, rows] of rowsById) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        problems.push({
          sheet: '台账',
          row,
          column: 'A',
          header: '编号',
          address: `A${row}`,
          code: 'duplicate-id',
          message: auditText.at(
            auditText.where('台账', row, 'A', '编号'),
            auditText.duplicateId(
              id,
              rows.filter((r) => r !== row),
            ),
          ),
          value: id,
        });
      }
    }
    problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === '台账' ? -1 : 1));
    return auditReportOf(problems, { ledgerRows: this.items.length, recordRows: this.records.length });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.calls.push({ method: 'selectCell', sheet, address });
    await this.enter('selectCell');
    this.selectedCells.push(`${sheet}!${address}`);
  }

  async selectItem(itemId: string): Promise<void> {
    this.calls.push({ method: 'selectItem', itemId });
    this.selected.push(itemId);
  }

  async onSelectItem(handler: (itemId: string | null) => void): Promise<() => void> {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /** Number of live selection subscriptions (tests check the pane unsubscribes). */
  get subscribers(): number {
    return this.handlers.size;
  }

  private async enter(method: FakeCall['method']): Promise<Failure | null> {
    if (this.gate) await this.gate;
    const index = this.failures.findIndex((f) => (f.methods ?? WRITES).includes(method));
    if (index < 0) return null;
    const [failure] = this.failures.splice(index, 1);
    if ((failure.when ?? 'before') === 'before') throw new Error(failure.message);
    return failure;
  }

  /** A write: replayed when its opId was already applied; may fail before or after writing. */
  private async write<T>(method: FakeCall['method'], opId: string, apply: () => Result<T>): Promise<Result<T>> {
    const failAfter = await this.enter(method);
    const key = `${method}:${opId}`;
    if (this.replies.has(key) && !REDONE.includes(method)) {
      if (failAfter) throw new Error(failAfter.message);
      if (ONCE.includes(method)) return err('already-done', excelText.alreadyDone);
      return clone(this.replies.get(key)) as Result<T>;
    }
    const result = apply();
    if (result.ok) this.replies.set(key, clone(result));
    if (failAfter) throw new Error(failAfter.message);
    return result;
  }

  /** As the real service: never write a row that the next snapshot would reject (科室 not in 科室人员…). */
  private rowProblem(item: LedgerItem, rowNumber: number): Result<never> | null {
    const raw = Object.fromEntries(LEDGER_INPUT_COLUMNS.map((c) => [c.header, item[c.field] === '' ? null : item[c.field]]));
    const sections = this.people.map((p) => p.section);
    const v = validateLedgerRow(raw, { sheet: '台账', rowNumber, columnLetters: LEDGER_LETTERS, sections });
    return v.errors.length > 0 ? err('row-invalid', excelText.rowInvalid(v.errors[0].message, v.errors.length - 1)) : null;
  }

  private apply(itemId: string, action: Action, ctx: ActionContext): Result<ActionOutcome> {
    const index = this.items.findIndex((i) => i.id === itemId);
    if (index < 0) return err('item-not-found', excelText.itemNotFound(itemId));
    const outcome = applyAction(this.items[index], action, ctx.actor, ctx.on);
    if (!outcome.ok) return outcome;
    const { item, records, newItem } = outcome.value;
    const bad = this.rowProblem(item, index + 5);
    if (bad) return bad;
    // 审签 signs the stored record keyed by its 操作ID (as the real service: no key, no match, refused);
    // 审签 and 审签退回 act only on a report still waiting (actions/reportCheck.ts)
    const signing = action.type === '审签' || action.type === '审签退回';
    const target = signing ? ((action.record as Partial<StoredRecord>).opId ?? '') : '';
    const at = target ? this.records.findIndex((r) => r.opId === target) : -1;
    if (signing && at < 0) return err('record-not-found', excelText.recordNotFound(target));
    if (signing) {
      const waiting = checkReportWaiting(
        this.records.filter((r) => r.itemId === this.records[at].itemId),
        this.records[at],
      );
      if (!waiting.ok) return waiting;
    }
    this.items[index] = item;
    if (action.type === '审签') {
      this.records[at] = { ...records[0], opId: this.records[at].opId };
    } else {
      for (const record of records) this.records.push({ ...record, opId: ctx.opId });
    }
    let made = newItem;
    if (made) {
      made = {
        ...made,
        id:
          made.id ||
          nextItemNumber(
            this.items.map((i) => i.id),
            yearOf(ctx.on),
          ),
      };
      this.items.push(made);
    }
    return ok(clone({ item, records, ...(made ? { newItem: made } : {}) }));
  }
}

/** An AuditReport over `problems` (grouped sheet → row → cell, as the real audit does). */
export function auditReportOf(problems: AuditProblem[], checked: AuditReport['checked'], initialised = true): AuditReport {
  const sheets = [...new Set(problems.map((p) => p.sheet))];
  const bySheet: AuditSheetGroup[] = sheets.map((sheet) => {
    const mine = problems.filter((p) => p.sheet === sheet);
    const rows = [...new Set(mine.map((p) => p.row))].sort((a, b) => a - b);
    return {
      sheet,
      count: mine.length,
      rows: rows.map((row) => {
        const inRow = mine.filter((p) => p.row === row);
        return {
          row,
          cells: [...new Set(inRow.map((p) => p.address))].map((address) => {
            const here = inRow.filter((p) => p.address === address);
            return { column: here[0].column, header: here[0].header, address, problems: here };
          }),
        };
      }),
    };
  });
  const rowCount = new Set(problems.map((p) => `${p.sheet}#${p.row}`)).size;
  return {
    initialised,
    problems,
    bySheet,
    checked,
    summary: problems.length === 0 ? auditText.summaryOk(checked.ledgerRows, checked.recordRows) : auditText.summary(problems.length, rowCount),
  };
}
