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
import { Engine, FaultKind, WEB_PAYLOAD_LIMIT_BYTES } from './engine';
import { DoubleCoauthor, DoubleEvents, DoubleStats, makeCoauthor, makeEvents, makeRuns, makeStats } from './harness';
import { DoubleWorkbook } from './model';
// Requirement-set profiles (web, m365-windows, office2021, mac, office2019) and office-js #5299.
import { attachProfile, type ExcelProfileName, type OfficeDouble } from './profiles';

export { DoubleExcelError } from './errors';
export { DoubleSheet, DoubleWorkbook } from './model';
export type { CellSnapshot, ChangeSource, ConditionalFormatSnapshot, GridSnapshot, TableSnapshot, ValidationSpec } from './model';
export type { CellValue } from './values';
export { quoteSheetName, formatAddress, splitSheetAddress, columnLetters } from './address';
export { excelEnums, installExcelGlobals } from './enums';
export { definedNames, hiddenColumns, mergedAreas } from './model';
export type { NamedItemModel } from './model';
export { chartsOf } from './model';
export type { ChartModel } from './model';
export { defaultPageLayout, pageLayoutOf } from './model';
export type { HeaderFooterModel, PageLayoutModel } from './model';
export { PROFILES, PROFILE_NAMES, staleConditionalFormats } from './profiles';
export type { ExcelProfile, ExcelProfileName, OfficeDouble } from './profiles';
export { REQUEST_BYTES_PER_OPERATION, WEB_PAYLOAD_LIMIT_BYTES } from './engine';
export type { FaultKind } from './engine';
export type { DoubleCoauthor, DoubleEvents, DoubleStats } from './harness';

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

/** Creates a fresh in-memory workbook and the `run` that drives it. */
export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const wb = new DoubleWorkbook({
    name: options.workbookName,
    shortDateFormat: options.shortDateFormat,
    calculatedColumnAutoFill: options.calculatedColumnAutoFill,
  });
  for (const name of options.sheets ?? ['Sheet1']) wb.addSheet(name, 'createExcelDouble');
  const engine = new Engine(wb, options.maxPayloadBytes ?? WEB_PAYLOAD_LIMIT_BYTES, options.syncDelayMs ?? 0);
  const { run, runOn } = makeRuns(engine);
  const profile = options.profile ?? 'web';
  const { office } = attachProfile(wb, profile);
  return {
    run,
    runOn,
    office,
    profile,
    workbook: wb,
    stats: makeStats(engine),
    failNextSync(kind: FaultKind = 'request', atOperation = 0, code = 'GeneralException') {
      engine.fault = { kind, at: atOperation, code };
    },
    coauthor: makeCoauthor(wb, engine),
    events: makeEvents(wb, engine),
  };
}
