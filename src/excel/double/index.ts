/**
 * An in-memory Excel for the 13710 add-in: `createExcelDouble()` returns an `ExcelRun` that runs the
 * real adapter code (src/excel) against a modelled workbook, plus direct access for tests and the
 * browser preview, round-trip statistics, fault injection, co-author simulation and events.
 *
 * Browser-safe: no Node-only imports.
 *
 *   const xl = createExcelDouble({ sheets: ['台账'] });
 *   xl.workbook.sheet('台账').setValues('A1:B2', [['编号', '事项'], ['D-001', '修路灯']]);
 *   xl.workbook.sheet('台账').addTable('A1:B2', true, '台账');
 *   await adapterFunction(xl.run);
 *   expect(xl.stats.syncs).toBe(1);
 */
import type { ExcelRun } from '../run';
import { Rect, formatRect, intersect, parseRect, splitSheetAddress } from './address';
import { ApiServices, EventHandler, HandlerTarget, WorkbookProxy, eventRange } from './api';
import { DoubleExcelError, MESSAGES, err } from './errors';
import { DoubleSheet, DoubleWorkbook } from './model';
import { Exec, RequestCtx, SyncEngine } from './proxy';
// Names, freeze panes, hidden columns, merges, special cells, colour scales (what 初始化台账 needs).
import './setupApi';
// Charts (what the 督查看板 needs).
import './chartsApi';
// Page layout, print settings, page breaks, showGridlines (what printing/export needs).
import './pageLayoutApi';
// Requirement-set profiles (web, m365-windows, office2021, mac, office2019) and office-js #5299.
import { attachProfile, type ExcelProfileName, type OfficeDouble } from './profiles';

export { DoubleExcelError } from './errors';
export { DoubleSheet, DoubleWorkbook } from './model';
export type {
  CellSnapshot,
  ChangeSource,
  ConditionalFormatSnapshot,
  GridSnapshot,
  TableSnapshot,
  ValidationSpec,
} from './model';
export type { CellValue } from './values';
export { quoteSheetName, formatAddress, splitSheetAddress, columnLetters } from './address';
export { excelEnums, installExcelGlobals } from './enums';
export { definedNames, hiddenColumns, mergedAreas } from './setupApi';
export type { NamedItemModel } from './setupApi';
export { chartsOf } from './chartsApi';
export type { ChartModel } from './chartsApi';
export { defaultPageLayout, pageLayoutOf } from './pageLayoutModel';
export type { HeaderFooterModel, PageLayoutModel } from './pageLayoutModel';
export { PROFILES, PROFILE_NAMES, staleConditionalFormats } from './profiles';
export type { ExcelProfile, ExcelProfileName, OfficeDouble } from './profiles';

export interface ExcelDoubleOptions {
  /** `context.workbook.name`. Default "Book1.xlsx". */
  workbookName?: string;
  /** Sheets the workbook starts with, in tab order. Default ["Sheet1"]. */
  sheets?: string[];
  /**
   * Request and response payload limit per sync, in UTF-8 bytes of JSON (Excel on the web: 5 MB;
   * `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`). Default 5 MB, on
   * everywhere: desktop Excel has no such cap, but the ledger is shared and opened on the web, so
   * fixtures, benchmarks and the preview keep it. Only a test of the limit itself changes it.
   */
  maxPayloadBytes?: number;
  /** Number format Excel gives a General cell when an ISO date string is written. Default "yyyy/m/d" (zh-CN). */
  shortDateFormat?: string;
  /** Excel's AutoCorrect "fill formulas in tables to create calculated columns". Default true. */
  calculatedColumnAutoFill?: boolean;
  /** Simulated latency per round trip (ms). Default 0 (a microtask). */
  syncDelayMs?: number;
  /**
   * Which Excel the double is (profiles.ts): the requirement sets `office.context.requirements`
   * reports, members outside them failing with ApiNotFound, and office-js #5299 on `m365-windows`.
   * Default 'web'.
   */
  profile?: ExcelProfileName;
}

export interface DoubleStats {
  /** `context.sync()` calls, plus Excel.run's final sync when operations were still queued. */
  syncs: number;
  /** Syncs that carried at least one operation (the ones that cost a network round trip). */
  roundTrips: number;
  /** `run()` calls. */
  runs: number;
  /** `table.rows.add(...)` calls (the adapter must not use it: co-authoring merge conflicts). */
  rowsAddCalls: number;
  /** Operations executed (property writes, method calls, loads), across all syncs. */
  operations: number;
  reset(): void;
}

export type FaultKind = 'request' | 'partial';

export interface DoubleCoauthor {
  /** A co-author inserts `count` entire rows before 1-based sheet row `atRow` (right-click row header → Insert). */
  insertRows(sheet: string, atRow: number, count?: number): void;
  /** A co-author deletes `count` entire rows starting at 1-based sheet row `atRow`. */
  deleteRows(sheet: string, atRow: number, count?: number): void;
  /** A co-author sorts a table's body by one column (blanks last, as Excel does). */
  sortTable(tableName: string, columnName: string, ascending?: boolean): void;
  /** A co-author types/pastes values (parsed like typed input; expands tables like Excel). */
  setValues(sheet: string, address: string, values: unknown): void;
  /** A co-author adds a row at the end of a table (Tab in the last cell). */
  appendTableRow(tableName: string, values: unknown[]): void;
}

export interface DoubleEvents {
  /** The user selects `address` on `sheet`; onSelectionChanged handlers run (awaited). */
  select(sheet: string, address: string): Promise<void>;
  /** Runs every pending event handler now and waits for the promises they return. */
  flush(): Promise<void>;
  /** Handlers currently registered. */
  readonly handlerCount: number;
  /** Errors thrown/rejected by handlers (Excel swallows them; tests can assert there are none). */
  readonly errors: unknown[];
}

export interface ExcelDouble {
  run: ExcelRun;
  /**
   * `Excel.run(context, batch)`: a batch on the request context of an earlier run (the context an
   * `EventHandlerResult` belongs to — the only one its `remove()` is sent on).
   */
  runOn: <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** The `Office` global of this Excel: host, platform, build, `requirements.isSetSupported`. */
  office: OfficeDouble;
  /** The profile the double models. */
  profile: ExcelProfileName;
  workbook: DoubleWorkbook;
  stats: DoubleStats;
  /**
   * Makes the next sync that carries operations fail. 'request' (default): nothing is applied, as when
   * the request never reaches Excel. 'partial': the first `atOperation` operations (0-based count of
   * queued writes, method calls, loads and *OrNullObject look-ups, in call order) are applied, then
   * the sync fails, as a mid-batch API error does. `code` defaults to GeneralException.
   */
  failNextSync(kind?: FaultKind, atOperation?: number, code?: string): void;
  coauthor: DoubleCoauthor;
  events: DoubleEvents;
}

/** Estimated JSON size of one queued action and its object path in an Office.js request. */
export const REQUEST_BYTES_PER_OPERATION = 128;

/** Excel on the web's cap on one request and on one response (resource-limits page, above). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000; // "5 MB", read as decimal: the smaller figure

interface Fault {
  kind: FaultKind;
  at: number;
  code: string;
}

interface HandlerEntry {
  id: number;
  target: HandlerTarget;
  fn: EventHandler;
}

class Engine implements SyncEngine {
  readonly services: ApiServices;
  fault: Fault | undefined;
  readonly counters = { syncs: 0, roundTrips: 0, runs: 0, rowsAddCalls: 0, operations: 0 };
  private handlers: HandlerEntry[] = [];
  private handlerSeq = 0;
  private pending: { fn: EventHandler; args: unknown }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private selectionEvents: DoubleSheet[] = [];
  readonly handlerErrors: unknown[] = [];
  /** The selection as the event reports it: several areas joined by commas ("A1:B2,D4") when the user Ctrl-selects. */
  selectionAddress: string | undefined;

  constructor(
    readonly wb: DoubleWorkbook,
    private readonly maxPayload: number,
    private readonly delayMs: number,
  ) {
    this.services = {
      addHandler: (target, fn) => {
        this.handlerSeq += 1;
        this.handlers.push({ id: this.handlerSeq, target, fn });
        return this.handlerSeq;
      },
      removeHandler: (id) => {
        this.handlers = this.handlers.filter((h) => h.id !== id);
      },
      selectionChanged: (sheet) => {
        this.selectionAddress = undefined;
        this.selectionEvents.push(sheet);
      },
      countRowsAdd: () => {
        this.counters.rowsAddCalls += 1;
      },
    };
  }

  get handlerCount(): number {
    return this.handlers.length;
  }

  private wait(): Promise<void> {
    if (this.delayMs > 0) return new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return Promise.resolve();
  }

  async sync(ctx: RequestCtx): Promise<void> {
    const ops = ctx.queue;
    ctx.queue = [];
    this.counters.syncs += 1;
    await this.wait();
    if (ops.length === 0) return;
    this.counters.roundTrips += 1;
    const fault = this.fault;
    this.fault = undefined;
    if (fault?.kind === 'request') {
      throw new DoubleExcelError(fault.code, MESSAGES.generalException, undefined, { statement: 'request' });
    }
    // Every queued action travels as a JSON record with its object path (ids, type, name,
    // arguments): about this many bytes each before any value it carries.
    let requestBytes = ops.length * REQUEST_BYTES_PER_OPERATION;
    for (const op of ops) requestBytes += op.requestBytes?.() ?? 0;
    if (requestBytes > this.maxPayload) {
      throw new DoubleExcelError('RequestPayloadSizeLimitExceeded', MESSAGES.requestTooLarge);
    }
    const x: Exec = { wb: this.wb, ctx, source: 'Local', commits: [], responseBytes: 0 };
    let error: unknown;
    for (let i = 0; i < ops.length; i += 1) {
      const op = ops[i];
      if (fault?.kind === 'partial' && i >= fault.at) {
        error = new DoubleExcelError(fault.code, MESSAGES.generalException, op.label, { statement: op.label });
        break;
      }
      try {
        op.run(x);
        this.counters.operations += 1;
      } catch (e) {
        if (e instanceof DoubleExcelError) {
          if (!e.debugInfo.errorLocation) e.debugInfo.errorLocation = op.label;
          e.debugInfo.statement = op.label;
        }
        error = e;
        break;
      }
    }
    if (error === undefined && fault?.kind === 'partial') {
      error = new DoubleExcelError(fault.code, MESSAGES.generalException, undefined, { statement: 'after last operation' });
    }
    if (error === undefined && x.responseBytes > this.maxPayload) {
      // The host ran the request (writes are applied) but cannot return the loaded data.
      error = new DoubleExcelError('ResponsePayloadSizeLimitExceeded', MESSAGES.responseTooLarge);
    }
    if (error === undefined) for (const commit of x.commits) commit();
    this.dispatch();
    if (error !== undefined) throw error;
  }

  /** Turns the model's change log (and selection changes) into handler calls. */
  dispatch(): void {
    const changes = this.wb.drainChanges();
    for (const ch of changes) {
      const sheet = this.wb.sheetById(ch.sheetId);
      if (!sheet) continue;
      const base = {
        changeType: ch.changeType,
        source: ch.source,
        worksheetId: ch.sheetId,
        address: formatRect(ch.rect),
        triggerSource: ch.source === 'Local' ? 'ThisLocalAddin' : 'Unknown',
        getRange: (c: unknown) => eventRange(c, ch.sheetId, ch.rect, false),
        getRangeOrNullObject: (c: unknown) => eventRange(c, ch.sheetId, ch.rect, true),
      };
      for (const h of this.handlers) {
        if (h.target.kind === 'worksheetChanged' && h.target.sheetId === ch.sheetId) this.enqueue(h.fn, { ...base, type: 'WorksheetChanged' });
        if (h.target.kind === 'worksheetsChanged') this.enqueue(h.fn, { ...base, type: 'WorksheetChanged' });
      }
      for (const t of this.wb.tables) {
        if (t.sheet !== sheet) continue;
        const hit = intersect(t.rect, ch.rect);
        if (!hit) continue;
        for (const h of this.handlers) {
          if (h.target.kind === 'tableChanged' && h.target.tableId === t.id) {
            this.enqueue(h.fn, {
              ...base,
              type: 'TableChanged',
              tableId: t.id,
              address: formatRect(hit),
              getRange: (c: unknown) => eventRange(c, ch.sheetId, hit, false),
              getRangeOrNullObject: (c: unknown) => eventRange(c, ch.sheetId, hit, true),
            });
          }
        }
      }
    }
    const selections = this.selectionEvents;
    this.selectionEvents = [];
    for (const sheet of selections) {
      const sel = this.wb.selection;
      if (!sel || sel.sheetId !== sheet.id) continue;
      for (const h of this.handlers) {
        if (h.target.kind === 'selectionChanged' && (h.target.sheetId === sheet.id || h.target.sheetId === '*')) {
          this.enqueue(h.fn, { type: 'WorksheetSelectionChanged', worksheetId: sheet.id, address: this.selectionAddress ?? formatRect(sel.rect) });
        }
      }
    }
  }

  private enqueue(fn: EventHandler, args: unknown): void {
    this.pending.push({ fn, args });
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, 0);
    }
  }

  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    for (let round = 0; round < 100 && this.pending.length > 0; round += 1) {
      const batch = this.pending;
      this.pending = [];
      const results = batch.map(({ fn, args }) => {
        try {
          return Promise.resolve(fn(args));
        } catch (e) {
          return Promise.reject(e);
        }
      });
      const settled = await Promise.allSettled(results);
      for (const s of settled) if (s.status === 'rejected') this.handlerErrors.push(s.reason);
    }
  }
}

/** Creates a fresh in-memory workbook and the `run` that drives it. */
export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const wb = new DoubleWorkbook({
    name: options.workbookName,
    shortDateFormat: options.shortDateFormat,
    calculatedColumnAutoFill: options.calculatedColumnAutoFill,
  });
  for (const name of options.sheets ?? ['Sheet1']) wb.addSheet(name, 'createExcelDouble');
  const engine = new Engine(wb, options.maxPayloadBytes ?? WEB_PAYLOAD_LIMIT_BYTES, options.syncDelayMs ?? 0);
  let runSeq = 0;

  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    runSeq += 1;
    engine.counters.runs += 1;
    const ctx = new RequestCtx(engine, runSeq);
    ctx.workbook = new WorkbookProxy(ctx);
    try {
      const pending = batch(ctx as unknown as Excel.RequestContext) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== 'function') {
        throw new DoubleExcelError('RunMustReturnPromise', MESSAGES.runMustReturnPromise);
      }
      const result = await (pending as Promise<T>);
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    } finally {
      ctx.end();
    }
  };

  // Excel.run(context, batch) reuses that context: what was queued on it since (an
  // EventHandlerResult.remove()) goes with this batch's first sync.
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
  const runOn = async <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = context as unknown as RequestCtx;
    if (!(ctx instanceof RequestCtx) || ctx.engine !== engine) throw new DoubleExcelError('InvalidRequestContext', MESSAGES.invalidRequestContext);
    engine.counters.runs += 1;
    ctx.ended = false;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    } finally {
      ctx.end();
    }
  };
  const profile = options.profile ?? 'web';
  const { office } = attachProfile(wb, profile);

  const stats: DoubleStats = {
    get syncs() {
      return engine.counters.syncs;
    },
    get roundTrips() {
      return engine.counters.roundTrips;
    },
    get runs() {
      return engine.counters.runs;
    },
    get rowsAddCalls() {
      return engine.counters.rowsAddCalls;
    },
    get operations() {
      return engine.counters.operations;
    },
    reset() {
      engine.counters.syncs = 0;
      engine.counters.roundTrips = 0;
      engine.counters.runs = 0;
      engine.counters.rowsAddCalls = 0;
      engine.counters.operations = 0;
    },
  };

  const remote = <T>(fn: () => T): T => {
    const out = fn();
    engine.dispatch();
    return out;
  };

  const rectIn = (s: DoubleSheet, address: string, location: string): Rect => {
    const { sheet, local } = splitSheetAddress(address);
    if (sheet !== undefined && sheet !== s.name) throw err.invalidArgument(location);
    return parseRect(local, location);
  };

  const coauthor: DoubleCoauthor = {
    insertRows(sheet, atRow, count = 1) {
      const s = wb.sheet(sheet);
      remote(() => s.insertRows(atRow - 1, count, 'Remote', 'coauthor.insertRows'));
    },
    deleteRows(sheet, atRow, count = 1) {
      const s = wb.sheet(sheet);
      remote(() => s.deleteRows(atRow - 1, count, 'Remote', 'coauthor.deleteRows'));
    },
    sortTable(tableName, columnName, ascending = true) {
      const t = wb.findTable(tableName);
      if (!t) throw err.itemNotFound('coauthor.sortTable');
      const index = t.columns.findIndex((c) => c.name === columnName);
      if (index < 0) throw err.itemNotFound('coauthor.sortTable');
      remote(() => {
        t.sheet.sortTableRows(t, index, ascending);
        wb.recordChange(t.sheet, { ...t.rect, r0: t.rect.r0 + 1 }, 'RangeEdited', 'Remote');
      });
    },
    setValues(sheet, address, values) {
      const s = wb.sheet(sheet);
      const rect = rectIn(s, address, 'coauthor.setValues');
      remote(() => s.withoutProtection(() => s.writeContent(rect, values, 'values', 'Remote', 'coauthor.setValues')));
    },
    appendTableRow(tableName, values) {
      const t = wb.findTable(tableName);
      if (!t) throw err.itemNotFound('coauthor.appendTableRow');
      remote(() => t.sheet.withoutProtection(() => wb.addTableRows(t, undefined, [values], 'Remote', 'coauthor.appendTableRow')));
    },
  };

  const events: DoubleEvents = {
    async select(sheet, address) {
      const s = wb.sheet(sheet);
      // Several areas (Ctrl+click): the event's address lists them all, comma-separated, and
      // Worksheet.getRange refuses it (one area only; several need getRanges, ExcelApi 1.9).
      const areas = address.split(',').map((a) => rectIn(s, a.trim(), 'events.select'));
      wb.activeSheetId = s.id;
      wb.selection = { sheetId: s.id, rect: areas[0] };
      engine.services.selectionChanged(s);
      engine.selectionAddress = areas.map(formatRect).join(',');
      engine.dispatch();
      await engine.flush();
    },
    flush: () => engine.flush(),
    get handlerCount() {
      return engine.handlerCount;
    },
    get errors() {
      return engine.handlerErrors;
    },
  };

  return {
    run,
    runOn,
    office,
    profile,
    workbook: wb,
    stats,
    failNextSync(kind: FaultKind = 'request', atOperation = 0, code = 'GeneralException') {
      engine.fault = { kind, at: atOperation, code };
    },
    coauthor,
    events,
  };
}
