/**
 * Events: `onChanged` / `onSelectionChanged` handler collections, the `EventHandlerResult` whose
 * `remove()` belongs to the registering context, and `getRange(ctx)` on event arguments. The
 * engine (../engine.ts) turns the model's change log into handler calls.
 */
import type { Rect } from '../address';
import { err } from '../errors';
import type { Exec, ProxyBase, RequestCtx } from '../proxy';
import { RangeProxy } from './range';
import { ApiServices, EventHandler, HandlerTarget, services, trackIn } from './resolve';

export class EventHandlerResultDouble {
  _id: number | undefined;
  constructor(
    private readonly owner: ProxyBase,
    private readonly svc: ApiServices,
  ) {}

  get context(): RequestCtx {
    return this.owner._ctx;
  }

  /**
   * Queued on the request context that registered the handler, whatever batch calls it: office.js
   * (1.1.110, `EventHandlerResult.remove` → `EventHandlers.remove` →
   * `this.m_context._pendingRequest._addPendingEventHandlerAction`) and "The same RequestContext
   * object that the handler was added in must be used when removing the handler"
   * (https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult). Removed
   * only when that context syncs again — `Excel.run(result.context, …)` (`xl.runOn`); a remove()
   * inside another Excel.run is never sent and the handler keeps firing.
   */
  remove(): void {
    this.owner._ctx.queue.push({
      label: 'EventHandlerResult.remove',
      run: () => {
        if (this._id !== undefined) this.svc.removeHandler(this._id);
      },
    });
  }
}

export class EventHandlersDouble {
  constructor(
    private readonly owner: ProxyBase,
    private readonly name: string,
    private readonly target: (x: Exec) => HandlerTarget,
  ) {}

  add(handler: EventHandler): EventHandlerResultDouble {
    if (typeof handler !== 'function') throw err.invalidArgument(`${this.owner._typeName}.${this.name}.add`);
    const svc = services(this.owner);
    const result = new EventHandlerResultDouble(this.owner, svc);
    this.owner._queue(`${this.name}.add`, (x) => {
      result._id = svc.addHandler(this.target(x), handler);
    });
    return result;
  }
}

/** `getRange(ctx)` on event args: a Range proxy for the changed area in the caller's context. */
export function eventRange(ctx: unknown, sheetId: string, rect: Rect, orNull: boolean): RangeProxy {
  const c = ctx as RequestCtx;
  const p = new RangeProxy(c, `event.getRange()`, (x) => {
    const s = x.wb.sheetById(sheetId);
    if (!s) {
      if (orNull) return null;
      throw err.itemNotFound('event.getRange');
    }
    return trackIn(x, s, rect);
  });
  if (orNull) p._queue('getRangeOrNullObject', (x) => void p._resolve(x));
  return p;
}
