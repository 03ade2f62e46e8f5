/**
 * `range.format.borders`: one RangeBorder per Excel.BorderIndex; `style` is stored per cell edge,
 * `color` and `weight` are checked but not stored.
 */
import { MAX_COLS, Rect, isEntireColumns, isEntireRows } from '../address';
import { err } from '../errors';
import type { DoubleSheet, Fmt, TrackedRange } from '../model';
import { CollectionProxy, Exec, ProxyBase, declareScalars } from '../proxy';
import { normalizeColor } from '../values';
import { isInt, rangeOf } from './resolve';

/** Excel.BorderIndex, in the order RangeBorderCollection.items lists them (uncertain: Excel's own order/count). */
export const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
/** Excel.BorderLineStyle */
export const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
/** Excel.BorderWeight */
export const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

type BorderKey = 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight';

/**
 * The cell edges a BorderIndex of `rect` stands for. Each edge is stored on the range's own cells
 * only (EdgeTop is the top edge of the first row's cells, not also the bottom edge of the row
 * above); inside borders are stored on both cells that share the edge. Diagonals: none (not modelled).
 */
function borderTargets(rect: Rect, side: string): { rect: Rect; key: BorderKey }[] {
  switch (side) {
    case 'EdgeTop':
      return [{ rect: { ...rect, r1: rect.r0 }, key: 'borderTop' }];
    case 'EdgeBottom':
      return [{ rect: { ...rect, r0: rect.r1 }, key: 'borderBottom' }];
    case 'EdgeLeft':
      return [{ rect: { ...rect, c1: rect.c0 }, key: 'borderLeft' }];
    case 'EdgeRight':
      return [{ rect: { ...rect, c0: rect.c1 }, key: 'borderRight' }];
    case 'InsideHorizontal':
      if (rect.r0 === rect.r1) return [];
      return [
        { rect: { ...rect, r1: rect.r1 - 1 }, key: 'borderBottom' },
        { rect: { ...rect, r0: rect.r0 + 1 }, key: 'borderTop' },
      ];
    case 'InsideVertical':
      if (rect.c0 === rect.c1) return [];
      return [
        { rect: { ...rect, c1: rect.c1 - 1 }, key: 'borderRight' },
        { rect: { ...rect, c0: rect.c0 + 1 }, key: 'borderLeft' },
      ];
    default:
      return [];
  }
}

/**
 * Sets `key` over `full` except on `strip` (one row or one column at its edge), which keeps the
 * values it had. Used so that whole-column/whole-row inside borders go through the sheet's
 * column/row/sheet format layers instead of a million cells.
 */
function setFmtExceptStrip(s: DoubleSheet, full: Rect, strip: Rect, key: BorderKey, value: string): void {
  if (strip.r0 === strip.r1 && isEntireRows(strip)) {
    // A whole sheet row (only for a whole-sheet range): the row layer holds the common value, cells the rest.
    const r = strip.r0;
    const special = new Set<number>(s.colFmt.keys());
    for (const [, c] of s.presentCells(strip)) special.add(c);
    let plainCol = -1;
    for (let c = 0; c < MAX_COLS && plainCol < 0; c += 1) if (!special.has(c)) plainCol = c;
    const plain = plainCol >= 0 ? s.fmtAt(r, plainCol, key) : undefined;
    const prior = [...special].map((c) => [c, s.fmtAt(r, c, key)] as const);
    s.setFmt(full, key, value);
    if (plain !== undefined && plain !== null) {
      const f: Fmt = s.rowFmt.get(r) ?? {};
      f[key] = plain;
      s.rowFmt.set(r, f);
    }
    for (const [c, v] of prior) if (v !== null && s.fmtAt(r, c, key) !== v) s.ensureCell(r, c)[key] = v;
    return;
  }
  const prior: [number, number, string | null][] = [];
  for (let r = strip.r0; r <= strip.r1; r += 1) for (let c = strip.c0; c <= strip.c1; c += 1) prior.push([r, c, s.fmtAt(r, c, key)]);
  s.setFmt(full, key, value);
  for (const [r, c, v] of prior) if (v !== null && s.fmtAt(r, c, key) !== v) s.ensureCell(r, c)[key] = v;
}

/** Applies a border line style to one BorderIndex of a range. */
export function setBorderStyle(s: DoubleSheet, rect: Rect, side: string, style: string): void {
  const cols = isEntireColumns(rect);
  const rows = isEntireRows(rect);
  if (side === 'InsideHorizontal' && cols && rect.r0 !== rect.r1) {
    // Whole columns: the bottom edges go on whole columns (so the sheet's last row gets one too —
    // a deviation nobody prints), the top edges on whole columns except row 1, which keeps its own.
    s.setFmt(rect, 'borderBottom', style);
    setFmtExceptStrip(s, rect, { ...rect, r1: rect.r0 }, 'borderTop', style);
    return;
  }
  if (side === 'InsideVertical' && rows && !cols && rect.c0 !== rect.c1) {
    s.setFmt(rect, 'borderRight', style);
    setFmtExceptStrip(s, rect, { ...rect, c1: rect.c0 }, 'borderLeft', style);
    return;
  }
  for (const t of borderTargets(rect, side)) s.setFmt(t.rect, t.key, style);
}

/** The line style of one BorderIndex of a range: common style, or null when the edges differ. */
export function borderStyleOf(s: DoubleSheet, rect: Rect, side: string): string | null {
  let out: string | undefined;
  for (const t of borderTargets(rect, side)) {
    const v = s.uniformFmt(t.rect, t.key);
    if (v === null) return null;
    if (out === undefined) out = v;
    else if (out !== v) return null;
  }
  return out ?? 'None';
}

interface BorderHandle {
  tr: TrackedRange;
  side: string;
}

function borderOf(p: ProxyBase, x: Exec): BorderHandle {
  const h = p._resolve(x) as BorderHandle | null;
  if (h === null) throw err.itemNotFound(p._typeName);
  if (!h.tr.valid || !x.wb.sheets.includes(h.tr.sheet)) throw err.invalidReference(p._typeName);
  return h;
}

/** `range.format.borders`: one RangeBorder per Excel.BorderIndex. */
export class RangeBorderCollectionProxy extends CollectionProxy<RangeBorderProxy> {
  readonly _typeName = 'RangeBorderCollection';

  _list(x: Exec): unknown[] {
    const tr = rangeOf(this, x);
    return BORDER_INDEXES.map((side) => ({ tr, side }) satisfies BorderHandle);
  }

  _makeItem(handle: unknown): RangeBorderProxy {
    return new RangeBorderProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle ?? null);
  }

  /** An index that is not an Excel.BorderIndex fails with InvalidArgument when the border is used. */
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this._ctx, `${this._path}.getItem('${index}')`, (x) => {
      const tr = rangeOf(this, x);
      if (!BORDER_INDEXES.includes(index)) throw err.invalidArgument('RangeBorderCollection.getItem');
      return { tr, side: index } satisfies BorderHandle;
    });
  }

  getItemAt(index: number): RangeBorderProxy {
    return new RangeBorderProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const tr = rangeOf(this, x);
      if (!isInt(index) || index < 0 || index >= BORDER_INDEXES.length) throw err.itemNotFound('RangeBorderCollection.getItemAt');
      return { tr, side: BORDER_INDEXES[index] } satisfies BorderHandle;
    });
  }
}
declareScalars(RangeBorderCollectionProxy, {
  count: { read: () => BORDER_INDEXES.length },
});

/**
 * `RangeBorder`: `style` is modelled per cell edge (see borderTargets); `color` and `weight` are
 * validated and accepted but not stored (they read '#000000' and 'Thin'). DiagonalDown/DiagonalUp
 * accept writes and ignore them; they read 'None'. Writes need allowFormatCells on a protected sheet.
 */
export class RangeBorderProxy extends ProxyBase {
  readonly _typeName = 'RangeBorder';
}
declareScalars(RangeBorderProxy, {
  sideIndex: { read: (p, x) => borderOf(p, x).side },
  style: {
    read: (p, x) => {
      const { tr, side } = borderOf(p, x);
      return borderStyleOf(tr.sheet, tr.rect, side);
    },
    write: (p, x, v) => {
      const { tr, side } = borderOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeBorder.style');
      if (typeof v !== 'string' || !BORDER_STYLES.includes(v)) throw err.invalidArgument('RangeBorder.style');
      setBorderStyle(tr.sheet, tr.rect, side, v);
    },
  },
  color: {
    read: (p, x) => {
      borderOf(p, x);
      return '#000000';
    },
    write: (p, x, v) => {
      const { tr } = borderOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeBorder.color');
      try {
        normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('RangeBorder.color');
      }
    },
  },
  weight: {
    read: (p, x) => {
      borderOf(p, x);
      return 'Thin';
    },
    write: (p, x, v) => {
      const { tr } = borderOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeBorder.weight');
      if (typeof v !== 'string' || !BORDER_WEIGHTS.includes(v)) throw err.invalidArgument('RangeBorder.weight');
    },
  },
});
