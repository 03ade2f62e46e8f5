/**
 * The host side of the double: runs a request context's queued operations at `context.sync()`
 * (in order; a failure keeps what ran before it and delivers no loads), enforces the payload limit
 * in UTF-8 bytes, injects the faults `failNextSync` asks for, counts syncs and round trips, and
 * turns the model's change log into event handler calls.
 */
import { formatRect, intersect } from './address';
import { ApiServices, EventHandler, HandlerTarget } from './api/resolve';
import { eventRange } from './api/events';
import { DoubleExcelError, MESSAGES } from './errors';
import type { DoubleSheet, DoubleWorkbook } from './model';
import { Exec, RequestCtx, SyncEngine } from './proxy';

export type FaultKind = 'request' | 'partial';

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

export class Engine implements SyncEngine {
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
