/**
 * The one door to Office: every Excel batch in the add-in goes through an `ExcelRun`.
 * The task pane gets `officeRun` (the real `Excel.run`); tests and the browser preview inject
 * another implementation that answers the same calls without Office.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real thing: only valid inside Excel, after `Office.onReady`. */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * `Excel.run(context, batch)`: a batch on the request context of an earlier batch. An event
 * handler is removed this way — `EventHandlerResult.remove()` is queued on the context that added
 * the handler and is sent only when that context syncs
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
 * Tests and the preview inject the double's `runOn`.
 */
export type ExcelRunOn = <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real thing: only valid inside Excel. */
export const officeRunOn: ExcelRunOn = async (context, batch) => Excel.run(context, batch);
