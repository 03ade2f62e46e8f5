/**
 * `RangeAreas` (several rectangles on one sheet: `address`, `areaCount`, `cellCount`) and
 * `range.getSpecialCells(type, valueType?)` (ExcelApi 1.9) for 'Blanks', 'Constants' and
 * 'Formulas'. Excel searches the range intersected with the used range; the double does the same.
 * Uncertain: how Excel splits the cells into areas (the double joins row runs vertically), and
 * whether Excel widens a single-cell range to the used range as the Go To Special dialog does (the
 * double does not; callers should pass ranges of 2+ cells).
 */
import { Rect, formatAddress, intersect } from '../address';
import { err } from '../errors';
import type { DoubleSheet, TrackedRange } from '../model';
import { Exec, ProxyBase, declareScalars, payloadSize } from '../proxy';
import type { RangeProxy } from './range';
import { rangeOf } from './resolve';

export interface AreasHandle {
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

export function specialCellsProxy(p: RangeProxy, cellType: string, valueType: string | undefined, orNull: boolean): RangeAreasProxy {
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
