/**
 * 自检 (self-check), the Office.js part: tries, in the user's own Excel, each primitive the adapter
 * relies on, on a temporary sheet that is deleted at the end; reports host, platform, build and the
 * requirement sets (selfCheckModel.ts builds the report text).
 *
 * Checks (each independent; a failure is reported in plain zh-CN, never thrown):
 * - append to a table through `getDataBodyRange().getRowsBelow(1)` (the co-authoring-safe way;
 *   docs/../shared notes), with the sheet unprotected and protected;
 * - `Range.find` on text typed behind an apostrophe (`'007`: text whose formulas drop the quote,
 *   office-js #6687) on a multi-cell range, as the adapter locates rows;
 * - the read-back form of a structured-reference formula (`台账[[#This Row],[列]]` comes back as
 *   `[@列]`) matched with the adapter's own canonical form;
 * - conditional format and data validation creation (what 初始化台账 writes);
 * - page layout (ExcelApi 1.9);
 * - a chunked write and read of ~4.5 MB of Chinese text, each request and response under 1 MB
 *   (Excel on the web caps both at 5 MB: resource-limits-and-performance-optimization#excel-add-ins);
 * - `onChanged` added, seen firing, removed on the context that added it (`Excel.run(result.context)`),
 *   and seen silent.
 */
import { platform } from '../i18n/platform';
import { hostInfo, missingApi, officeRequirements, type OfficeLike } from './capabilities';
import { canonicalFormula } from './initialise';
import type { ExcelRun, ExcelRunOn } from './run';
import { failed, passed, setSupport, type CheckId, type CheckResult, type SelfCheckReport } from './selfCheckModel';

const D = platform.selfCheck.detail;

export interface SelfCheckOptions {
  run: ExcelRun;
  /** Excel.run(context, batch): removes the test event handler on the context that added it */
  runOn: ExcelRunOn;
  /** the `Office` object to ask (default: the global one) */
  office?: OfficeLike;
  now?: () => Date;
  /** bytes of text the chunked check writes and reads back (default ~4.5 MB) */
  chunkedBytes?: number;
  /** how long to wait for an event (ms, default 3000) */
  eventWaitMs?: number;
}

/** bytes per request or response in the chunked check (well under Excel on the web's 5 MB) */
const CHUNK_BYTES = 1_000_000;
/** one cell of the chunked check: 160 Chinese characters, 480 bytes of UTF-8 */
const CELL_TEXT = '督办台账自检分段读取测试文本'.repeat(12).slice(0, 160);
const CELL_BYTES = 3 * CELL_TEXT.length + 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await sleep(20);
  }
  return true;
}

function errorDetail(e: unknown): string {
  const missing = missingApi(e);
  if (missing !== null) return platform.apiMissing(missing);
  const o = (e ?? {}) as { code?: unknown; message?: unknown };
  const text = [o.code, o.message].filter((x) => typeof x === 'string' && x !== '').join(': ');
  return D.error(text || String(e));
}

async function attempt(id: CheckId, body: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await body();
  } catch (e) {
    return failed(id, errorDetail(e));
  }
}

/** What each probe works on: the temporary sheet and its table, and how to reach Excel. */
interface Probe {
  run: ExcelRun;
  runOn: ExcelRunOn;
  opts: SelfCheckOptions;
  sheetName: string;
  tableName: string;
}

/** The temporary sheet with a two-row table (编号, 数量, 合计) the probes work on. */
async function createTestSheet({ run, sheetName, tableName }: Probe): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.add(sheetName);
    ws.getRange('A1:C2').values = [
      ['编号', '数量', '合计'],
      ['T-1', 1, ''],
    ];
    const table = ws.tables.add(ws.getRange('A1:C2'), true);
    table.name = tableName;
    await context.sync();
  });
}

const bodyRows = ({ run, tableName }: Probe) =>
  run(async (context) => {
    const body = context.workbook.tables.getItem(tableName).getDataBodyRange().load('rowCount');
    await context.sync();
    return body.rowCount;
  });

async function appendUnprotected(t: Probe): Promise<CheckResult> {
  const { run, tableName } = t;
  const before = await bodyRows(t);
  await run(async (context) => {
    context.workbook.tables.getItem(tableName).getDataBodyRange().getRowsBelow(1).values = [['T-2', 2, '']];
    await context.sync();
  });
  const after = await bodyRows(t);
  return after === before + 1 ? passed('appendUnprotected', D.appended(after)) : failed('appendUnprotected', D.notAppended(after));
}

/** Tries to append below the table; true when Excel refused (AccessDenied). */
async function appendRefused({ run, tableName }: Probe): Promise<boolean> {
  try {
    await run(async (context) => {
      context.workbook.tables.getItem(tableName).getDataBodyRange().getRowsBelow(1).values = [['T-3', 3, '']];
      await context.sync();
    });
  } catch (e) {
    if ((e as { code?: unknown })?.code !== 'AccessDenied') throw e;
    return true;
  }
  return false;
}

async function appendProtected(t: Probe): Promise<CheckResult> {
  const { run, sheetName } = t;
  const before = await bodyRows(t);
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.getRange('A:C').format.protection.locked = false;
    ws.protection.protect({ allowInsertRows: true, allowFormatCells: true });
    await context.sync();
  });
  const refused = await appendRefused(t);
  const after = await bodyRows(t);
  const below = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    const cell = ws.getRange(`A${after + 2}`).load('values');
    const protection = ws.protection.load('protected');
    await context.sync();
    if (protection.protected) ws.protection.unprotect();
    await context.sync();
    return cell.values[0][0];
  });
  if (after === before + 1) return passed('appendProtected', D.protectedAppended);
  if (refused && after === before && (below === '' || below === null)) return passed('appendProtected', D.protectedRefused);
  return failed('appendProtected', D.protectedHalf);
}

async function findApostrophe({ run, sheetName }: Probe): Promise<CheckResult> {
  const address = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.getRange('E1:E3').values = [['代码'], ["'007"], ['7']];
    await context.sync();
    const hit = ws.getRange('E1:E3').findOrNullObject('007', { completeMatch: true, matchCase: true }).load('address');
    await context.sync();
    return hit.isNullObject ? '' : hit.address;
  });
  const expected = 'E2';
  if (address.endsWith(`!${expected}`)) return passed('findApostrophe', D.found(expected));
  return failed('findApostrophe', address === '' ? D.notFound(expected) : D.foundElsewhere(expected, address));
}

async function structuredFormula({ run, tableName }: Probe): Promise<CheckResult> {
  const written = `=${tableName}[[#This Row],[数量]]*2`;
  const form = await run(async (context) => {
    const cell = context.workbook.tables.getItem(tableName).columns.getItem('合计').getDataBodyRange().getCell(0, 0);
    cell.formulas = [[written]];
    await context.sync();
    cell.load('formulas');
    await context.sync();
    return String(cell.formulas[0][0]);
  });
  return canonicalFormula(form, tableName) === canonicalFormula(written, tableName)
    ? passed('structuredFormula', D.formulaRead(form))
    : failed('structuredFormula', D.formulaUnknown(form));
}

async function conditionalFormat({ run, sheetName }: Probe): Promise<CheckResult> {
  const types = await run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange('B2:B3');
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=$B2>1';
    cf.custom.format.fill.color = '#FFC7CE';
    await context.sync();
    const cfs = context.workbook.worksheets.getItem(sheetName).getRange('B2:B3').conditionalFormats.load('items/type');
    await context.sync();
    return cfs.items.map((c) => c.type as string);
  });
  return types.includes('Custom') ? passed('conditionalFormat', D.cfCreated('Custom')) : failed('conditionalFormat', D.cfMissing);
}

async function validation({ run, sheetName }: Probe): Promise<CheckResult> {
  const type = await run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange('F2:F5');
    range.dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
    await context.sync();
    const dv = context.workbook.worksheets.getItem(sheetName).getRange('F2:F5').dataValidation.load('type');
    await context.sync();
    return String(dv.type);
  });
  return type === 'List' ? passed('validation', D.validationCreated(type)) : failed('validation', D.validationMissing(type));
}

async function pageLayout({ run, sheetName }: Probe): Promise<CheckResult> {
  const [o, p] = await run(async (context) => {
    const layout = context.workbook.worksheets.getItem(sheetName).pageLayout;
    layout.orientation = 'Landscape';
    layout.paperSize = 'A4';
    await context.sync();
    const read = context.workbook.worksheets.getItem(sheetName).pageLayout.load('orientation, paperSize');
    await context.sync();
    return [String(read.orientation), String(read.paperSize)];
  });
  return o === 'Landscape' && p === 'A4' ? passed('pageLayout', D.pageLayoutSet) : failed('pageLayout', D.pageLayoutWrong(o, p));
}

async function chunkedRead({ run, sheetName, opts }: Probe): Promise<CheckResult> {
  const rows = Math.max(1, Math.ceil((opts.chunkedBytes ?? 4_500_000) / CELL_BYTES));
  const perSync = Math.max(1, Math.floor(CHUNK_BYTES / CELL_BYTES));
  const cell = (i: number) => `${i}${CELL_TEXT}`;
  // One request and one response per chunk: the point of the check is the chunking.
  const writeChunk = (first: number, n: number) =>
    run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(first, 7, n, 1).values = Array.from({ length: n }, (_, k) => [cell(first + k)]);
      await context.sync();
    });
  const readChunk = (first: number, n: number) =>
    run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(first, 7, n, 1).load('values');
      await context.sync();
      return r.values;
    });
  for (let first = 0; first < rows; first += perSync) await writeChunk(first, Math.min(perSync, rows - first));
  let syncs = 0;
  let same = true;
  for (let first = 0; first < rows; first += perSync) {
    const values = await readChunk(first, Math.min(perSync, rows - first));
    syncs += 1;
    values.forEach((row, k) => {
      if (row[0] !== cell(first + k)) same = false;
    });
  }
  const kb = Math.round((rows * CELL_BYTES) / 1024);
  return same ? passed('chunkedRead', D.chunked(kb, syncs)) : failed('chunkedRead', D.chunkedMismatch);
}

async function events({ run, runOn, sheetName, opts }: Probe): Promise<CheckResult> {
  const wait = opts.eventWaitMs ?? 3000;
  let fired = 0;
  let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await run(async (context) => {
    result = context.workbook.worksheets.getItem(sheetName).onChanged.add(async () => {
      fired += 1;
    });
    await context.sync();
  });
  const write = (address: string) =>
    run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).getRange(address).values = [['事件']];
      await context.sync();
    });
  await write('J1');
  if (!(await waitFor(() => fired > 0, wait))) return failed('events', D.eventNotFired);
  const r = result!;
  await runOn(r.context, async (context) => {
    r.remove();
    await context.sync();
  });
  const seen = fired;
  await write('J2');
  await sleep(Math.min(wait, 1000));
  return fired === seen ? passed('events', D.eventsOk) : failed('events', D.eventNotRemoved);
}

async function cleanup({ run, sheetName }: Probe): Promise<CheckResult> {
  const gone = await run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheetName);
    ws.load('name, protection/protected');
    await context.sync();
    if (ws.isNullObject) return true;
    if (ws.protection.protected) ws.protection.unprotect();
    ws.delete();
    await context.sync();
    const again = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    return again.isNullObject;
  });
  return gone ? passed('cleanup', D.deleted) : failed('cleanup', D.notDeleted(sheetName));
}

/** The checks on the temporary sheet, in order (cleanup runs after them, whatever happened). */
const PROBES: readonly (readonly [CheckId, (t: Probe) => Promise<CheckResult>])[] = [
  ['appendUnprotected', appendUnprotected],
  ['appendProtected', appendProtected],
  ['findApostrophe', findApostrophe],
  ['structuredFormula', structuredFormula],
  ['conditionalFormat', conditionalFormat],
  ['validation', validation],
  ['pageLayout', pageLayout],
  ['chunkedRead', chunkedRead],
  ['events', events],
];

/** Runs every check on a temporary sheet and deletes it; never throws. */
export async function runSelfCheck(opts: SelfCheckOptions): Promise<SelfCheckReport> {
  const now = opts.now ?? (() => new Date());
  const suffix = String(now().getTime() % 1_000_000).padStart(6, '0');
  const probe: Probe = { run: opts.run, runOn: opts.runOn, opts, sheetName: `自检临时表${suffix}`, tableName: `自检表${suffix}` };
  const report: SelfCheckReport = {
    at: now().toISOString(),
    host: hostInfo(opts.office),
    sets: setSupport(officeRequirements(opts.office)),
    results: [],
  };
  const add = (r: CheckResult) => report.results.push(r);

  let ready = false;
  try {
    await createTestSheet(probe);
    ready = true;
  } catch (e) {
    const detail = errorDetail(e);
    for (const [id] of PROBES) add(failed(id, detail));
  }
  if (ready) {
    for (const [id, check] of PROBES) add(await attempt(id, () => check(probe)));
  }
  add(await attempt('cleanup', () => cleanup(probe)));
  return report;
}
