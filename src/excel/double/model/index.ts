/**
 * The in-memory workbook behind the Excel double: sheets of sparse cells, formats, tables,
 * conditional formats, protection, defined names, merges, charts, page layout, and the structural
 * operations (insert/delete/shift rows, table auto-expansion, sort) with Excel's
 * reference-adjustment rules.
 *
 * Nothing here knows about proxies or syncs; the proxies in ../api call into it when a queued
 * operation executes, and tests/preview use the public methods (`workbook.sheet(name).getValues(...)`).
 *
 *   types.ts       cells, formats, tables, conditional formats, snapshots (data only)
 *   sheetBase.ts   sheet state, format layers, reads, protection checks
 *   sheetContent.ts writes, clears, table rules after a write
 *   sheetRows.ts   row inserts/deletes, cell shifts, table sort
 *   sheet.ts       DoubleSheet: direct access and snapshots
 *   workbook.ts    DoubleWorkbook: sheets, tables, conditional formats, names, tracking, change log
 *   references.ts  how references move when rows are inserted or deleted
 *   pageLayout.ts  page setup state per sheet
 */
export * from './types';
export { SheetBase } from './sheetBase';
export { DoubleSheet, chartsOf, hiddenColumns, mergedAreas } from './sheet';
export { DoubleWorkbook, definedNames, validName, validateSheetName } from './workbook';
export type { DoubleWorkbookOptions } from './workbook';
export { refAfterDelete, refAfterInsert } from './references';
export { defaultPageLayout, pageLayoutOf, pageLayoutState } from './pageLayout';
export type { HeaderFooterModel, PageLayoutModel } from './pageLayout';
