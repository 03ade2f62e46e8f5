/**
 * The part of the Excel JavaScript API that building a workbook needs beyond everyday reads and
 * writes (used by 初始化台账, src/excel/initialise.ts), added to the double's proxies:
 *
 * - `workbook.names` (NamedItemCollection: add / getItem / getItemOrNullObject / items, NamedItem
 *   name / formula / type / comment / visible / delete), ExcelApi 1.4/1.7. Names share one
 *   namespace with table names (ItemAlreadyExists). A name is not adjusted when rows move or its
 *   sheet is deleted (Excel would show #REF!).
 * - `freezePanes.freezeAt(range)` (ExcelApi 1.7): rows and columns above/left of the range's
 *   bottom-right corner are frozen.
 * - `worksheet.position` is writable (ExcelApi 1.1): the sheet moves to that tab.
 * - `range.columnHidden` (ExcelApi 1.2): hides whole sheet columns; reads true / false / null
 *   (mixed). Needs `allowFormatColumns` on a protected sheet.
 * - `range.merge(across?)`, `range.unmerge()`, `range.getMergedAreasOrNullObject()` (ExcelApi
 *   1.2/1.13): merged areas are recorded per sheet; merging keeps the top-left cell's content and
 *   clears the rest, as Excel does. Merged areas are not moved by row inserts/deletes (not modelled).
 * - `range.getSpecialCells(type, valueType?)` / `getSpecialCellsOrNullObject` (ExcelApi 1.9) for
 *   'Blanks', 'Constants' and 'Formulas' (with the value-type filter), returning a RangeAreas with
 *   `address`, `areaCount`, `cellCount`. Excel searches the range intersected with the used range;
 *   the double does the same. Uncertain: how Excel splits the cells into areas (the double joins
 *   row runs vertically), and whether Excel widens a single-cell range to the used range as the
 *   Go To Special dialog does (the double does not; callers should pass ranges of 2+ cells).
 * - Conditional formats: `colorScale` (criteria, threeColorScale) and the `customOrNullObject` /
 *   `colorScaleOrNullObject` / `cellValueOrNullObject` navigation properties (ExcelApi 1.6), so a
 *   mixed collection can be read back in one load without touching a type-specific property of the
 *   wrong type.
 *
 * Style as in api.ts: queued operations run at sync, protection checked like Excel, unknown
 * arguments fail with InvalidArgument. Direct access for tests/preview: `definedNames(wb)`,
 * `mergedAreas(sheet)`, `hiddenColumns(sheet)`.
 */
import { MAX_COLS, MAX_ROWS, Rect, formatAddress, formatRect, intersect, parseRect, splitSheetAddress } from './address';
import {
  CellValueConditionalFormatProxy,
  ConditionalFormatProxy,
  CustomConditionalFormatProxy,
  FreezePanesProxy,
  RangeProxy,
  WorkbookProxy,
  WorksheetProxy,
} from './api';
import { DoubleExcelError, MESSAGES, err } from './errors';
import type { ConditionalFormatModel, DoubleSheet, DoubleWorkbook, TrackedRange } from './model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, RequestCtx, declareNavs, declareScalars, payloadSize, queueResult } from './proxy';
import { normalizeColor } from './values';

// ---------------------------------------------------------------- state kept beside the model

export interface NamedItemModel {
  name: string;
  /** with the leading "=", e.g. "=设置!$B$2" */
  formula: string;
  comment: string;
  visible: boolean;
}

const namesOf = new WeakMap<DoubleWorkbook, Map<string, NamedItemModel>>();
const mergesOf = new WeakMap<DoubleSheet, Rect[]>();
const hiddenOf = new WeakMap<DoubleSheet, Set<number>>();

function names(wb: DoubleWorkbook): Map<string, NamedItemModel> {
  let m = namesOf.get(wb);
  if (!m) {
    m = new Map();
    namesOf.set(wb, m);
  }
  return m;
}

function merges(s: DoubleSheet): Rect[] {
  let m = mergesOf.get(s);
  if (!m) {
    m = [];
    mergesOf.set(s, m);
  }
  return m;
}

function hidden(s: DoubleSheet): Set<number> {
  let h = hiddenOf.get(s);
  if (!h) {
    h = new Set();
    hiddenOf.set(s, h);
  }
  return h;
}

/** The workbook's defined names, in insertion order (direct access). */
export function definedNames(wb: DoubleWorkbook): NamedItemModel[] {
  return [...names(wb).values()].map((n) => ({ ...n }));
}

/** The merged areas of a sheet, as A1 addresses without the sheet name (direct access). */
export function mergedAreas(s: DoubleSheet): string[] {
  return merges(s).map(formatRect);
}

/** 0-based indexes of the hidden columns of a sheet, ascending (direct access). */
export function hiddenColumns(s: DoubleSheet): number[] {
  return [...hidden(s)].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- helpers (as in api.ts)

function rangeOf(p: ProxyBase, x: Exec): TrackedRange {
  const tr = p._resolve(x) as TrackedRange | null;
  if (tr === null) throw err.itemNotFound(p._typeName);
  if (!tr.valid || !x.wb.sheets.includes(tr.sheet)) throw err.invalidReference(p._typeName);
  return tr;
}

function sheetOf(p: ProxyBase, x: Exec): DoubleSheet {
  const s = p._resolve(x) as DoubleSheet | null;
  if (s === null || !x.wb.sheets.includes(s)) throw err.itemNotFound(p._typeName);
  return s;
}

function cfOf(p: ProxyBase, x: Exec): ConditionalFormatModel {
  const cf = p._resolve(x) as ConditionalFormatModel | null;
  if (!cf || !cf.sheet.cfs.includes(cf) || !x.wb.sheets.includes(cf.sheet)) throw err.itemNotFound(p._typeName);
  return cf;
}

/** A rectangle from a Range proxy (same context) or an address on `sheet`. */
function rectArg(owner: ProxyBase, arg: unknown, sheet: DoubleSheet, x: Exec, location: string): Rect {
  if (arg instanceof RangeProxy) {
    owner._sameContext(arg);
    const tr = rangeOf(arg, x);
    if (tr.sheet !== sheet) throw err.invalidArgument(location);
    return tr.rect;
  }
  if (typeof arg !== 'string' || arg === '') throw err.invalidArgument(location);
  const { sheet: name, local } = splitSheetAddress(arg);
  if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) throw err.invalidArgument(location);
  return parseRect(local, location);
}

// ---------------------------------------------------------------- RangeAreas

interface AreasHandle {
  sheet: DoubleSheet;
  rects: Rect[];
}

export class RangeAreasProxy extends ProxyBase {
  readonly _typeName = 'RangeAreas';
}

function areasOf(p: ProxyBase, x: Exec): AreasHandle {
  const h = p._resolve(x) as AreasHandle | null;
  if (h === null) throw err.itemNotFound(p._typeName);
  return h;
}

declareScalars(RangeAreasProxy, {
  address: {
    read: (p, x) => {
      const h = areasOf(p, x);
      const a = h.rects.map((r) => formatAddress(h.sheet.name, r)).join(',');
      x.responseBytes += payloadSize(a);
      return a;
    },
  },
  areaCount: { read: (p, x) => areasOf(p, x).rects.length },
  cellCount: { read: (p, x) => areasOf(p, x).rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0) },
});

/** Rectangles covering the cells for which `hit(r, c)` holds: row runs, joined vertically when equal. */
function areasWhere(rect: Rect, hit: (r: number, c: number) => boolean): Rect[] {
  const out: Rect[] = [];
  let open: Rect[] = [];
  for (let r = rect.r0; r <= rect.r1; r += 1) {
    const runs: { c0: number; c1: number }[] = [];
    for (let c = rect.c0; c <= rect.c1; c += 1) {
      if (!hit(r, c)) continue;
      const last = runs[runs.length - 1];
      if (last && last.c1 === c - 1) last.c1 = c;
      else runs.push({ c0: c, c1: c });
    }
    const next: Rect[] = [];
    for (const run of runs) {
      const cont = open.find((o) => o.c0 === run.c0 && o.c1 === run.c1 && o.r1 === r - 1);
      if (cont) {
        cont.r1 = r;
        next.push(cont);
      } else {
        const n = { r0: r, r1: r, c0: run.c0, c1: run.c1 };
        out.push(n);
        next.push(n);
      }
    }
    open = next;
  }
  return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

const SPECIAL_TYPES = ['Blanks', 'Constants', 'Formulas'];
const VALUE_TYPES: Record<string, readonly string[]> = {
  All: ['Errors', 'Logical', 'Numbers', 'Text'],
  Errors: ['Errors'],
  ErrorsLogical: ['Errors', 'Logical'],
  ErrorsNumbers: ['Errors', 'Numbers'],
  ErrorsText: ['Errors', 'Text'],
  ErrorsLogicalNumber: ['Errors', 'Logical', 'Numbers'],
  ErrorsLogicalText: ['Errors', 'Logical', 'Text'],
  ErrorsNumberText: ['Errors', 'Numbers', 'Text'],
  Logical: ['Logical'],
  LogicalNumbers: ['Logical', 'Numbers'],
  LogicalText: ['Logical', 'Text'],
  LogicalNumbersText: ['Logical', 'Numbers', 'Text'],
  Numbers: ['Numbers'],
  NumbersText: ['Numbers', 'Text'],
  Text: ['Text'],
};

/**
 * The used range, computed once per sheet per sync while no content write happened in between
 * (it scans every cell; a batch that counts special cells of 50 columns would rescan 50 times).
 */
const usedCache = new WeakMap<Exec, Map<DoubleSheet, { changes: number; rect: Rect | undefined }>>();
function usedRectCached(x: Exec, s: DoubleSheet): Rect | undefined {
  let m = usedCache.get(x);
  if (!m) {
    m = new Map();
    usedCache.set(x, m);
  }
  const hit = m.get(s);
  if (hit && hit.changes === x.wb.changes.length) return hit.rect;
  const rect = s.usedRect(false);
  m.set(s, { changes: x.wb.changes.length, rect });
  return rect;
}

function specialCells(x: Exec, tr: TrackedRange, cellType: string, valueType: string | undefined, location: string): Rect[] {
  if (!SPECIAL_TYPES.includes(cellType)) {
    if (['ConditionalFormats', 'DataValidations', 'SameConditionalFormat', 'SameDataValidation', 'Visible'].includes(cellType)) {
      throw err.notModelled(`getSpecialCells('${cellType}')`);
    }
    throw err.invalidArgument(location);
  }
  const kinds = VALUE_TYPES[valueType ?? 'All'];
  if (!kinds || (valueType !== undefined && cellType === 'Blanks')) throw err.invalidArgument(location);
  const s = tr.sheet;
  const used = usedRectCached(x, s);
  const scope = used && intersect(used, tr.rect);
  if (!scope) return [];
  const kindOf = (r: number, c: number): string => {
    const t = s.valueTypeAt(r, c);
    return t === 'Double' ? 'Numbers' : t === 'Boolean' ? 'Logical' : t === 'Error' ? 'Errors' : 'Text';
  };
  return areasWhere(scope, (r, c) => {
    const cell = s.cell(r, c);
    const empty = !cell || (cell.v === '' && cell.f === undefined && !cell.q);
    if (cellType === 'Blanks') return empty;
    if (empty) return false;
    if (cellType === 'Formulas' ? cell!.f === undefined : cell!.f !== undefined) return false;
    return kinds.includes(kindOf(r, c));
  });
}

// ---------------------------------------------------------------- Range additions

declare module './api' {
  interface RangeProxy {
    getSpecialCells(cellType: string, cellValueType?: string): RangeAreasProxy;
    getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy;
    getMergedAreasOrNullObject(): RangeAreasProxy;
    merge(across?: boolean): void;
    unmerge(): void;
  }
  interface FreezePanesProxy {
    freezeAt(frozenRange: RangeProxy | string): void;
  }
}

function specialCellsProxy(p: RangeProxy, cellType: string, valueType: string | undefined, orNull: boolean): RangeAreasProxy {
  const label = `${orNull ? 'getSpecialCellsOrNullObject' : 'getSpecialCells'}('${cellType}')`;
  const location = `Range.${orNull ? 'getSpecialCellsOrNullObject' : 'getSpecialCells'}`;
  const out = new RangeAreasProxy(p._ctx, `${p._path}.${label}`, (x) => {
    const tr = rangeOf(p, x);
    const rects = specialCells(x, tr, String(cellType), valueType === undefined ? undefined : String(valueType), location);
    if (rects.length === 0) {
      if (orNull) return null;
      throw err.itemNotFound(location);
    }
    return { sheet: tr.sheet, rects } satisfies AreasHandle;
  });
  if (orNull) out._queue('getSpecialCellsOrNullObject', (x) => void out._resolve(x));
  return out;
}

RangeProxy.prototype.getSpecialCells = function getSpecialCells(this: RangeProxy, cellType: string, cellValueType?: string) {
  return specialCellsProxy(this, cellType, cellValueType, false);
};

RangeProxy.prototype.getSpecialCellsOrNullObject = function getSpecialCellsOrNullObject(
  this: RangeProxy,
  cellType: string,
  cellValueType?: string,
) {
  return specialCellsProxy(this, cellType, cellValueType, true);
};

RangeProxy.prototype.getMergedAreasOrNullObject = function getMergedAreasOrNullObject(this: RangeProxy) {
  const out = new RangeAreasProxy(this._ctx, `${this._path}.getMergedAreasOrNullObject()`, (x) => {
    const tr = rangeOf(this, x);
    const rects = merges(tr.sheet).filter((m) => intersect(m, tr.rect));
    return rects.length > 0 ? ({ sheet: tr.sheet, rects: rects.map((r) => ({ ...r })) } satisfies AreasHandle) : null;
  });
  out._queue('getMergedAreasOrNullObject', (x) => void out._resolve(x));
  return out;
};

RangeProxy.prototype.merge = function merge(this: RangeProxy, across = false) {
  this._queue('merge', (x) => {
    const tr = rangeOf(this, x);
    const s = tr.sheet;
    s.assertUnprotected('Range.merge');
    const targets: Rect[] = across
      ? Array.from({ length: tr.rect.r1 - tr.rect.r0 + 1 }, (_, i) => ({ ...tr.rect, r0: tr.rect.r0 + i, r1: tr.rect.r0 + i }))
      : [{ ...tr.rect }];
    const list = merges(s).filter((m) => !intersect(m, tr.rect));
    for (const t of targets) {
      if (t.r0 === t.r1 && t.c0 === t.c1) continue;
      // Excel keeps the upper-left value only.
      for (const [r, c, cell] of [...s.presentCells(t)]) {
        if (r === t.r0 && c === t.c0) continue;
        cell.v = '';
        delete cell.f;
        delete cell.q;
        s.tidy(r, c);
      }
      list.push(t);
    }
    mergesOf.set(s, list);
    x.wb.recordChange(s, tr.rect, 'RangeEdited', x.source);
  });
};

RangeProxy.prototype.unmerge = function unmerge(this: RangeProxy) {
  this._queue('unmerge', (x) => {
    const tr = rangeOf(this, x);
    tr.sheet.assertUnprotected('Range.unmerge');
    mergesOf.set(
      tr.sheet,
      merges(tr.sheet).filter((m) => !intersect(m, tr.rect)),
    );
  });
};

declareScalars(RangeProxy, {
  columnHidden: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const h = hidden(tr.sheet);
      let all = true;
      let any = false;
      const last = Math.min(tr.rect.c1, MAX_COLS - 1);
      for (let c = tr.rect.c0; c <= last; c += 1) {
        if (h.has(c)) any = true;
        else all = false;
        if (any && !all) return null;
      }
      return all;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatColumns', 'Range.columnHidden');
      if (typeof v !== 'boolean') throw err.invalidArgument('Range.columnHidden');
      const h = hidden(tr.sheet);
      for (let c = tr.rect.c0; c <= tr.rect.c1; c += 1) {
        if (v) h.add(c);
        else h.delete(c);
      }
    },
  },
});

// Worksheet.position is writable in Excel (ExcelApi 1.1): the sheet moves to that tab position.
declareScalars(WorksheetProxy, {
  position: {
    read: (p, x) => x.wb.sheets.indexOf(sheetOf(p, x)),
    write: (p, x, v) => {
      const s = sheetOf(p, x);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= x.wb.sheets.length) throw err.invalidArgument('Worksheet.position');
      const list = x.wb.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    },
  },
});

FreezePanesProxy.prototype.freezeAt = function freezeAt(this: FreezePanesProxy, frozenRange: RangeProxy | string) {
  if (frozenRange instanceof RangeProxy) this._sameContext(frozenRange);
  this._queue('freezeAt', (x) => {
    const s = sheetOf(this, x);
    const rect = rectArg(this, frozenRange, s, x, 'WorksheetFreezePanes.freezeAt');
    // The bottom-right corner of the range is the last frozen cell; whole columns/rows freeze one direction.
    s.freezeRows = rect.r1 < MAX_ROWS - 1 ? rect.r1 + 1 : 0;
    s.freezeColumns = rect.c1 < MAX_COLS - 1 ? rect.c1 + 1 : 0;
    if (s.freezeRows === 0 && s.freezeColumns === 0) throw err.invalidArgument('WorksheetFreezePanes.freezeAt');
  });
};

// ---------------------------------------------------------------- defined names

/** Excel's name rules (subset): a letter, "_" or "\" first; letters, digits, "_", "." after; not a cell reference. */
function validName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[rc]$/i.test(name) &&
    !/^r\d*c\d*$/i.test(name)
  );
}

function nameType(formula: string): string {
  const body = formula.replace(/^=/, '');
  if (/^('[^']+'|[^!'"(]+)!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(body)) return 'Range';
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return 'Double';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^".*"$/.test(body)) return 'String';
  return 'Error';
}

export class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> {
  readonly _typeName = 'NamedItemCollection';

  _list(x: Exec): unknown[] {
    return [...names(x.wb).values()];
  }

  _makeItem(handle: unknown): NamedItemProxy {
    return new NamedItemProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle);
  }

  private find(x: Exec, name: string): NamedItemModel | undefined {
    return names(x.wb).get(String(name).toLowerCase());
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this._ctx, `${this._path}.getItem('${name}')`, (x) => {
      const n = this.find(x, name);
      if (!n) throw err.itemNotFound('NamedItemCollection.getItem');
      return n;
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    const p = new NamedItemProxy(this._ctx, `${this._path}.getItemOrNullObject('${name}')`, (x) => this.find(x, name) ?? null);
    this._queue('getItemOrNullObject', (x) => void p._resolve(x));
    return p;
  }

  /** `add(name, reference, comment?)`: reference is a Range or a formula such as "=设置!$B$2". */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    if (reference instanceof RangeProxy) this._sameContext(reference);
    const p = new NamedItemProxy(this._ctx, `${this._path}.add('${name}')`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const loc = 'NamedItemCollection.add';
      const n = String(name);
      if (!validName(n)) throw err.invalidArgument(loc);
      if (this.find(x, n) || x.wb.findTable(n)) throw err.alreadyExists(loc);
      let formula: string;
      if (reference instanceof RangeProxy) {
        const tr = rangeOf(reference, x);
        const address = formatAddress(tr.sheet.name, tr.rect);
        const bang = address.lastIndexOf('!');
        formula = `=${address.slice(0, bang + 1)}${address.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      } else if (typeof reference === 'string' && reference.trim() !== '') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
      } else {
        throw err.invalidArgument(loc);
      }
      const model: NamedItemModel = { name: n, formula, comment: comment ?? '', visible: true };
      names(x.wb).set(n.toLowerCase(), model);
      p._preset(model);
    });
    return p;
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => names(x.wb).size);
  }
}
declareScalars(NamedItemCollectionProxy, {});

function namedOf(p: ProxyBase, x: Exec): NamedItemModel {
  const n = p._resolve(x) as NamedItemModel | null;
  if (!n || names(x.wb).get(n.name.toLowerCase()) !== n) throw err.itemNotFound(p._typeName);
  return n;
}

export class NamedItemProxy extends ProxyBase {
  readonly _typeName = 'NamedItem';

  delete(): void {
    this._queue('delete', (x) => {
      const n = namedOf(this, x);
      names(x.wb).delete(n.name.toLowerCase());
    });
  }
}
declareScalars(NamedItemProxy, {
  name: { read: (p, x) => namedOf(p, x).name },
  formula: {
    read: (p, x) => namedOf(p, x).formula,
    write: (p, x, v) => {
      if (typeof v !== 'string' || v.trim() === '') throw err.invalidArgument('NamedItem.formula');
      namedOf(p, x).formula = v.startsWith('=') ? v : `=${v}`;
    },
  },
  type: { read: (p, x) => nameType(namedOf(p, x).formula) },
  value: { read: (p, x) => namedOf(p, x).formula.replace(/^=/, '') },
  comment: {
    read: (p, x) => namedOf(p, x).comment,
    write: (p, x, v) => {
      namedOf(p, x).comment = String(v ?? '');
    },
  },
  visible: {
    read: (p, x) => namedOf(p, x).visible,
    write: (p, x, v) => {
      namedOf(p, x).visible = v === true;
    },
  },
});

declareNavs(WorkbookProxy, {
  names: (p) => new NamedItemCollectionProxy(p._ctx, 'workbook.names', (x) => x.wb),
});

// ---------------------------------------------------------------- conditional formats

export class ColorScaleConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'ColorScaleConditionalFormat';
}

interface Criterion {
  formula?: string | null;
  type: string;
  color?: string;
}

const CRITERION_TYPES = ['Invalid', 'LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];

function checkCriterion(c: unknown, location: string): Criterion {
  const o = c as Criterion | null;
  if (!o || typeof o !== 'object' || !CRITERION_TYPES.includes(o.type)) throw err.invalidArgument(location);
  let color: string | undefined;
  if (o.color !== undefined && o.color !== null) {
    try {
      color = normalizeColor(String(o.color));
    } catch {
      throw err.invalidArgument(location);
    }
  }
  if (['Number', 'Percent', 'Formula', 'Percentile'].includes(o.type) && (o.formula === null || o.formula === undefined || o.formula === '')) {
    throw err.invalidArgument(location);
  }
  return { formula: o.formula ?? null, type: o.type, ...(color ? { color } : {}) };
}

function colorScaleOf(p: ProxyBase, x: Exec): ConditionalFormatModel {
  const cf = cfOf(p, x);
  if (cf.type !== 'ColorScale') throw err.invalidOperation('ConditionalFormat.colorScale');
  return cf;
}

declareScalars(ColorScaleConditionalFormatProxy, {
  criteria: {
    read: (p, x) => {
      const c = colorScaleOf(p, x).rule.criteria as Record<string, unknown> | undefined;
      return c ? JSON.parse(JSON.stringify(c)) : { minimum: null, midpoint: null, maximum: null };
    },
    write: (p, x, v) => {
      const cf = colorScaleOf(p, x);
      const loc = 'ColorScaleConditionalFormat.criteria';
      const o = v as Record<string, unknown> | null;
      if (!o || typeof o !== 'object' || !o.minimum || !o.maximum) throw err.invalidArgument(loc);
      const criteria: Record<string, Criterion> = { minimum: checkCriterion(o.minimum, loc), maximum: checkCriterion(o.maximum, loc) };
      if (o.midpoint) criteria.midpoint = checkCriterion(o.midpoint, loc);
      cf.rule = { criteria };
    },
  },
  threeColorScale: {
    read: (p, x) => {
      const c = colorScaleOf(p, x).rule.criteria as Record<string, unknown> | undefined;
      return !!c?.midpoint;
    },
  },
});

/** `*OrNullObject` navigation: the type-specific view, or a null object for another type. */
function orNull<T extends ProxyBase>(
  make: (ctx: RequestCtx, path: string, resolver: (x: Exec) => unknown) => T,
  type: string,
  label: string,
): (p: ConditionalFormatProxy) => ProxyBase {
  return (p) => {
    const child = make(p._ctx, `${p._path}.${label}`, (x) => {
      const cf = cfOf(p, x);
      return cf.type === type ? cf : null;
    });
    return child;
  };
}

declareNavs(ConditionalFormatProxy, {
  colorScale: (p) => new ColorScaleConditionalFormatProxy(p._ctx, `${p._path}.colorScale`, (x) => colorScaleOf(p, x)),
  colorScaleOrNullObject: orNull((c, path, r) => new ColorScaleConditionalFormatProxy(c, path, r), 'ColorScale', 'colorScaleOrNullObject'),
  customOrNullObject: orNull((c, path, r) => new CustomConditionalFormatProxy(c, path, r), 'Custom', 'customOrNullObject'),
  cellValueOrNullObject: orNull((c, path, r) => new CellValueConditionalFormatProxy(c, path, r), 'CellValue', 'cellValueOrNullObject'),
});
