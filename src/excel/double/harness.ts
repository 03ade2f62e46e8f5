/**
 * The test-facing pieces of `createExcelDouble()`: `run` / `runOn` (Excel.run), `stats`, the
 * `coauthor` who edits the workbook between syncs, and `events` (user selections, flushing handlers).
 */
import type { ExcelRun } from '../run';
import { Rect, formatRect, parseRect, splitSheetAddress } from './address';
import { WorkbookProxy } from './api/workbook';
import type { Engine } from './engine';
import { DoubleExcelError, MESSAGES, err } from './errors';
import type { DoubleSheet, DoubleWorkbook } from './model';
import { RequestCtx } from './proxy';

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

/** `run` (Excel.run(batch)) and `runOn` (Excel.run(context, batch)) over one engine. */
export function makeRuns(engine: Engine): {
  run: ExcelRun;
  runOn: <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
} {
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
  return { run, runOn };
}

export function makeStats(engine: Engine): DoubleStats {
  const c = engine.counters;
  return {
    get syncs() {
      return c.syncs;
    },
    get roundTrips() {
      return c.roundTrips;
    },
    get runs() {
      return c.runs;
    },
    get rowsAddCalls() {
      return c.rowsAddCalls;
    },
    get operations() {
      return c.operations;
    },
    reset() {
      c.syncs = 0;
      c.roundTrips = 0;
      c.runs = 0;
      c.rowsAddCalls = 0;
      c.operations = 0;
    },
  };
}

function remoteEdit(engine: Engine) {
  return <T>(fn: () => T): T => {
    const out = fn();
    engine.dispatch();
    return out;
  };
}

function rectIn(s: DoubleSheet, address: string, location: string): Rect {
  const { sheet, local } = splitSheetAddress(address);
  if (sheet !== undefined && sheet !== s.name) throw err.invalidArgument(location);
  return parseRect(local, location);
}

export function makeCoauthor(wb: DoubleWorkbook, engine: Engine): DoubleCoauthor {
  const remote = remoteEdit(engine);
  return {
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
}

export function makeEvents(wb: DoubleWorkbook, engine: Engine): DoubleEvents {
  return {
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
}
