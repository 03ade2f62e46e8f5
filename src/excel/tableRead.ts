/**
 * Reads of whole tables, safe under Excel on the web's 5 MB payload cap.
 *
 * An action queues its table reads with `queueTable` before its first `context.sync()`, then calls
 * `await completeReads(context)` right after it, and only then `read()`s. The first sync carries each
 * table's header, its size and a first slice of rows small enough to be safe whatever the cells
 * hold; small ledgers are read whole there. `completeReads` reads the rest, only the columns asked
 * for, in slices sized from the bytes the first slice measured: one extra sync per slice of at most
 * PAYLOAD_BUDGET_BYTES. So an action costs its fixed round trips plus one per slice, and never
 * sends Excel a response it refuses (`ResponsePayloadSizeLimitExceeded`).
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */
import { CALENDAR_COLUMNS, columnLetter, LEDGER_COLUMNS, LOG_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS, type ColumnSpec } from '../workbook/schema';
import type { SheetGrid, SheetRow, SheetTable } from '../workbook/ledgerData';
import { jsonBytes } from './payloadBytes';

export { jsonBytes } from './payloadBytes';

/** What one slice may bring back: Excel on the web refuses 5 MB; the rest is margin for the envelope. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/**
 * The first slice of one table, estimated before anything is known about its cells. An action
 * reads at most five tables in its first sync, and real cells average far below the estimate
 * (dates and codes are a few bytes; only the long texts are large), so the first sync stays well
 * under the cap.
 */
export const FIRST_SLICE_BUDGET_BYTES = 1_000_000;
/** A cell's size guessed before reading (JSON, UTF-8). */
export const ESTIMATED_CELL_BYTES = 96;
/** Columns a table not of the schema is guessed to have before its header is read. */
const ESTIMATED_COLUMNS = 24;

export interface TableReadOptions {
  /**
   * Keep only the rows whose cell under `header` passes `keep` (the value as `values` would hold
   * it: '' → null, undefined without such a column). Filtering before the row objects are built is
   * what makes reading a few hundred 退回 out of tens of thousands of 反馈记录 rows cheap.
   */
  where?: { header: string; keep: (value: unknown) => boolean };
}

export interface QueuedTable {
  /** call after the sync and `completeReads` */
  read(opts?: TableReadOptions): SheetTable;
  /** the same rows as raw arrays with header positions (no record per row) */
  readGrid(opts?: TableReadOptions): SheetGrid;
}

/**
 * The columns read from the add-in's own tables: their input columns only. The add-in decides
 * from raw fields and never trusts a computed cell, so formula columns are never sent back.
 */
const INPUT_HEADERS: Record<string, readonly string[]> = {
  台账: inputHeaders(LEDGER_COLUMNS),
  反馈记录: inputHeaders(RECORD_COLUMNS),
  操作日志: inputHeaders(LOG_COLUMNS),
};

/** How wide the first slice is guessed to be (it is read at full width: positions are not known yet). */
const SCHEMA_WIDTH: Record<string, number> = {
  台账: LEDGER_COLUMNS.length,
  反馈记录: RECORD_COLUMNS.length,
  操作日志: LOG_COLUMNS.length,
  科室人员: PEOPLE_COLUMNS.length,
  日历: CALENDAR_COLUMNS.length,
};

function inputHeaders(columns: readonly ColumnSpec[]): string[] {
  return columns.filter((c) => c.kind === 'input').map((c) => c.header);
}

/** A cell as a SheetTable row holds it: blank ('') → null. */
const asValue = (v: unknown): unknown => (v === '' ? null : v);

interface Slice {
  start: number;
  count: number;
  /** what it is expected to bring back */
  bytes: number;
  /** contiguous runs of wanted column positions: [first, last] */
  runs: [number, number][];
}

class TableRead {
  private readonly header: Excel.Range;
  private readonly body: Excel.Range;
  /** the first slice: the body's first rows at full width, or (a narrow read) each wanted column's */
  private readonly first: Excel.Range | null;
  private readonly firstColumns: { header: string; range: Excel.Range }[] | null;
  readonly firstRows: number;
  /** full-width row arrays, filled by the first slice and then by `complete` */
  private rows: unknown[][] | null = null;

  constructor(
    context: Excel.RequestContext,
    private readonly tableName: string,
    private readonly wanted: readonly string[] | 'all',
    narrow = false,
  ) {
    const table = context.workbook.tables.getItem(tableName);
    this.header = table.getHeaderRowRange().load('values,columnIndex');
    this.body = table.getDataBodyRange().load('rowIndex,rowCount');
    narrow = narrow && wanted !== 'all' && wanted.length <= NARROW_COLUMNS;
    this.firstRows = narrow ? firstSliceRows('', wanted.length, wanted.length) : firstSliceRows(tableName, wanted === 'all' ? 0 : wanted.length);
    const rows = (r: Excel.Range) =>
      r
        .getIntersection(
          r
            .getCell(0, 0)
            .getResizedRange(this.firstRows - 1, 0)
            .getEntireRow(),
        )
        .load('values');
    if (narrow && wanted !== 'all') {
      // A few named columns (keys such as 编号 and 操作ID): by name, no need to know where they are.
      this.first = null;
      this.firstColumns = wanted.map((header) => ({ header, range: rows(table.columns.getItem(header).getDataBodyRange()) }));
    } else {
      // The body's first rows, all columns (positions are not known yet); clipped to the body.
      this.first = rows(this.body);
      this.firstColumns = null;
    }
  }

  /** the first slice as full-width rows */
  private firstValues(): unknown[][] {
    if (this.first) return this.first.values;
    const position = this.position;
    const width = this.headers.length;
    const cols = (this.firstColumns ?? []).map((c) => ({ at: position.get(c.header), values: c.range.values }));
    const count = cols[0]?.values.length ?? 0;
    return Array.from({ length: count }, (_, i) => {
      const row: unknown[] = new Array(width).fill('');
      for (const c of cols) if (c.at !== undefined) row[c.at] = c.values[i]?.[0] ?? '';
      return row;
    });
  }

  get headers(): string[] {
    return this.header.values[0].map((h) => String(h ?? '').trim());
  }

  /** header → position, each non-empty header once (a repeated header reads its first column) */
  get position(): Map<string, number> {
    const position = new Map<string, number>();
    this.headers.forEach((h, i) => {
      if (h && !position.has(h)) position.set(h, i);
    });
    return position;
  }

  /** positions of the columns asked for (those the table has) */
  wantedPositions(): number[] {
    const position = this.position;
    if (this.wanted === 'all') return [...position.values()];
    return this.wanted.map((h) => position.get(h)).filter((i): i is number => i !== undefined);
  }

  /** After the first sync: what is still to read, in slices of at most `budget` bytes. */
  plan(budget: number): Slice[] {
    const firstValues = this.firstValues();
    const total = this.body.rowCount;
    const at = this.wantedPositions().sort((a, b) => a - b);
    this.rows = firstValues.map((r) => r.slice());
    if (firstValues.length >= total || at.length === 0) return [];
    const widest = widestRow(firstValues, at);
    // the widest row seen, with room for longer rows further down (a slice that still fails is halved)
    const runs = toRuns(at);
    return planSlices(firstValues.length, total, widest, budget).map((x) => ({ ...x, runs }));
  }

  queueSlice(slice: Slice): () => void {
    const parts = slice.runs.map(([c0, c1]) => ({
      c0,
      range: this.body
        .getCell(slice.start, c0)
        .getResizedRange(slice.count - 1, c1 - c0)
        .load('values'),
    }));
    return () => {
      const rows = this.rows ?? [];
      const width = this.headers.length;
      for (let i = 0; i < slice.count; i += 1) {
        const row: unknown[] = new Array(width).fill('');
        for (const p of parts) p.range.values[i].forEach((v, j) => (row[p.c0 + j] = v));
        rows[slice.start + i] = row;
      }
      this.rows = rows;
    };
  }

  readGrid(opts: TableReadOptions = {}): SheetGrid {
    if (this.rows === null) throw new Error(`completeReads was not awaited before reading table ${this.tableName}`);
    const headers = this.headers;
    const all = this.position;
    const wanted = new Set(this.wantedPositions());
    const position = new Map([...all].filter(([, i]) => wanted.has(i)));
    const letters: Record<string, string> = {};
    for (const [h, i] of position) letters[h] = columnLetter(this.header.columnIndex + i + 1);
    const at = [...position.values()];
    const where = opts.where;
    const whereAt = where ? position.get(where.header) : undefined;
    const rows: SheetGrid['rows'] = [];
    const firstRow = this.body.rowIndex + 1;
    this.rows.forEach((cells, i) => {
      // the filter first: it looks at one cell, and turns most rows away when it is given
      if (where && !where.keep(whereAt === undefined ? undefined : asValue(cells[whereAt]))) return;
      if (!at.some((k) => cells[k] !== '' && cells[k] !== null && cells[k] !== undefined)) return; // a blank row
      rows.push({ row: firstRow + i, cells });
    });
    return { headers, letters, position, rows };
  }
}

/**
 * The slices that read rows `first`..`total` when the widest row seen is `widestRowBytes`: each
 * slice holds ⌊budget / (1.5 × widest + 16)⌋ rows (room for longer rows further down). One sync
 * per slice: this is the "+ one per slice" of every action's round-trip count.
 */
export function planSlices(first: number, total: number, widestRowBytes: number, budget = PAYLOAD_BUDGET_BYTES) {
  const rowBytes = widestRowBytes * 1.5 + 16;
  const perSlice = Math.max(1, Math.floor(budget / rowBytes));
  const slices: { start: number; count: number; bytes: number }[] = [];
  for (let start = first; start < total; start += perSlice) {
    const count = Math.min(perSlice, total - start);
    slices.push({ start, count, bytes: count * rowBytes });
  }
  return slices;
}

/**
 * Rows of the first slice of a table (read in the action's first sync): at full width, or for a
 * narrow read of `narrowColumns` named columns, just those.
 */
export function firstSliceRows(tableName: string, wantedColumns = 0, narrowColumns = 0): number {
  const width = narrowColumns > 0 ? narrowColumns : Math.max(SCHEMA_WIDTH[tableName] ?? ESTIMATED_COLUMNS, wantedColumns);
  return Math.max(1, Math.floor(FIRST_SLICE_BUDGET_BYTES / (width * ESTIMATED_CELL_BYTES)));
}

/** Reads of at most this many named columns take their first slice column by column. */
export const NARROW_COLUMNS = 4;

/** UTF-8 bytes of the widest row, counting only the cells at `at`. */
export function widestRow(rows: readonly (readonly unknown[])[], at: readonly number[]): number {
  let widest = 2;
  for (const r of rows) widest = Math.max(widest, jsonBytes(at.map((k) => r[k])));
  return widest;
}

function toRuns(sorted: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const k of sorted) {
    const last = runs[runs.length - 1];
    if (last && k === last[1] + 1) last[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}

const pending = new WeakMap<Excel.RequestContext, TableRead[]>();

/**
 * Queue a table read into the current batch. `columns`: the headers to read ('all' for every
 * column); by default the input columns of the add-in's own tables, every column of the others.
 */
export function queueTable(context: Excel.RequestContext, tableName: string, columns?: readonly string[] | 'all', narrow = false): QueuedTable {
  const read = new TableRead(context, tableName, columns ?? INPUT_HEADERS[tableName] ?? 'all', narrow);
  const list = pending.get(context) ?? [];
  list.push(read);
  pending.set(context, list);
  return {
    readGrid: (opts) => read.readGrid(opts),
    read(opts) {
      const g = read.readGrid(opts);
      const named = [...g.position];
      const rows = g.rows.map((r): SheetRow => {
        const values: Record<string, unknown> = {};
        for (const [h, k] of named) values[h] = asValue(r.cells[k]);
        return { row: r.row, values };
      });
      return { headers: g.headers, letters: g.letters, rows };
    },
  };
}

/**
 * A few short key columns of every non-blank body row (编号, 操作ID: codes of a few dozen bytes),
 * payload-safe: `rows()` after `completeReads`, each row the cells of `headers` in that order ('' where
 * the table lacks one). Their first slice is read column by column, thousands of rows deep, so
 * register and the workflow actions stay at their fixed round trips on ledgers of thousands of items.
 * The columns must exist (a ledger without its key columns fails the first sync: 初始化台账 repairs it).
 */
export function queueColumns(context: Excel.RequestContext, tableName: string, headers: readonly string[]) {
  const table = queueTable(context, tableName, headers, headers.length <= NARROW_COLUMNS);
  return {
    rows(): unknown[][] {
      const g = table.readGrid();
      const at = headers.map((h) => g.position.get(h));
      return g.rows.map((r) => at.map((k) => (k === undefined ? '' : (r.cells[k] ?? ''))));
    },
  };
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * After the batch's first sync: reads what the first slices left, one sync per slice of at most
 * PAYLOAD_BUDGET_BYTES (slices of several tables share a sync while they fit). A slice Excel still
 * refuses as too large is halved and read again. Returns the number of syncs it made.
 */
export async function completeReads(context: Excel.RequestContext, budget = PAYLOAD_BUDGET_BYTES): Promise<number> {
  const reads = pending.get(context) ?? [];
  pending.delete(context);
  let queue = reads.flatMap((r) => r.plan(budget).map((slice) => ({ r, slice, bytes: slice.bytes })));
  let syncs = 0;
  while (queue.length > 0) {
    // one sync: as many whole slices as fit the budget (each planned at up to `budget`)
    const batch = [queue[0]];
    let size = queue[0].bytes;
    for (const next of queue.slice(1)) {
      if (size + next.bytes > budget) break;
      batch.push(next);
      size += next.bytes;
    }
    const fills = batch.map((b) => b.r.queueSlice(b.slice));
    syncs += 1;
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || batch.every((b) => b.slice.count === 1)) throw e;
      // Too large after all (longer rows further down): read the same rows in halves, each half
      // in a sync of its own (the estimate proved too small, so it no longer packs them).
      const halves = batch.flatMap((b) => halve(b.slice).map((slice) => ({ r: b.r, slice, bytes: budget })));
      queue = [...halves, ...queue.slice(batch.length)];
      continue;
    }
    for (const fill of fills) fill();
    queue = queue.slice(batch.length);
  }
  return syncs;
}

function halve(slice: Slice): Slice[] {
  if (slice.count === 1) return [slice];
  const a = Math.ceil(slice.count / 2);
  const perRow = slice.bytes / slice.count;
  return [
    { ...slice, count: a, bytes: a * perRow },
    { ...slice, start: slice.start + a, count: slice.count - a, bytes: (slice.count - a) * perRow },
  ];
}

/** The used range of a sheet as values and formulas (for 设置: name/value pairs). */
export function queueUsedRange(context: Excel.RequestContext, sheetName: string) {
  const used = context.workbook.worksheets.getItem(sheetName).getUsedRange().load('values,formulas');
  return {
    read(): { values: unknown[][]; formulas: unknown[][] } {
      return { values: used.values, formulas: used.formulas };
    },
  };
}
