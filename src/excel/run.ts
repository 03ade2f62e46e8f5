/**
 * The one door to Office: every Excel batch in the add-in goes through an `ExcelRun`.
 * The task pane gets `officeRun` (the real `Excel.run`); tests and the browser preview inject
 * another implementation that answers the same calls without Office.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real thing: only valid inside Excel, after `Office.onReady`. */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);
