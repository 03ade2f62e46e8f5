/**
 * `range.format`: column width and row height (points), wrap text, horizontal and vertical
 * alignment, fill, font (bold, italic, colour, name, size) and the cells' `locked` flag. Mixed
 * values read null; writes need the matching `allowFormat*` option on a protected sheet. Borders:
 * borders.ts.
 */
import { isEntireColumns, isEntireRows, rectCols, rectRows } from '../address';
import { err } from '../errors';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../model';
import { Exec, ProxyBase, declareNavs, declareScalars } from '../proxy';
import { normalizeColor } from '../values';
import { RangeBorderCollectionProxy } from './borders';
import { rangeOf } from './resolve';

export class RangeFormatProxy extends ProxyBase {
  readonly _typeName = 'RangeFormat';

  /** Not modelled beyond queueing: Excel measures rendered text, the double has no fonts. */
  autofitColumns(): void {
    this._queue('autofitColumns', (x) => void rangeOf(this, x));
  }

  autofitRows(): void {
    this._queue('autofitRows', (x) => void rangeOf(this, x));
  }
}

function fmtScalar(key: 'wrapText' | 'horizontalAlignment', option = 'allowFormatCells') {
  return {
    read: (p: ProxyBase, x: Exec) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, key);
    },
    write: (p: ProxyBase, x: Exec, v: unknown) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed(option, `RangeFormat.${key}`);
      tr.sheet.setFmt(tr.rect, key, v as never);
    },
  };
}

declareScalars(RangeFormatProxy, {
  columnWidth: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const s = tr.sheet;
      let w: number | undefined;
      const cols = isEntireRows(tr.rect) ? [...s.colWidth.keys(), -1] : Array.from({ length: rectCols(tr.rect) }, (_, i) => tr.rect.c0 + i);
      for (const c of cols) {
        const cw = c < 0 ? DEFAULT_COLUMN_WIDTH : (s.colWidth.get(c) ?? DEFAULT_COLUMN_WIDTH);
        if (w === undefined) w = cw;
        else if (w !== cw) return null;
      }
      return w ?? DEFAULT_COLUMN_WIDTH;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatColumns', 'RangeFormat.columnWidth');
      if (typeof v !== 'number' || !(v >= 0)) throw err.invalidArgument('RangeFormat.columnWidth');
      for (let c = tr.rect.c0; c <= tr.rect.c1; c += 1) tr.sheet.colWidth.set(c, v);
    },
  },
  rowHeight: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      let h: number | undefined;
      const rows = isEntireColumns(tr.rect) ? [...tr.sheet.rowHeight.keys(), -1] : Array.from({ length: rectRows(tr.rect) }, (_, i) => tr.rect.r0 + i);
      for (const r of rows) {
        const rh = r < 0 ? DEFAULT_ROW_HEIGHT : (tr.sheet.rowHeight.get(r) ?? DEFAULT_ROW_HEIGHT);
        if (h === undefined) h = rh;
        else if (h !== rh) return null;
      }
      return h ?? DEFAULT_ROW_HEIGHT;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatRows', 'RangeFormat.rowHeight');
      if (typeof v !== 'number' || !(v >= 0)) throw err.invalidArgument('RangeFormat.rowHeight');
      for (let r = tr.rect.r0; r <= tr.rect.r1; r += 1) tr.sheet.rowHeight.set(r, v);
    },
  },
  wrapText: fmtScalar('wrapText'),
  horizontalAlignment: fmtScalar('horizontalAlignment'),
  /** Excel.VerticalAlignment; anything else is InvalidArgument. Mixed reads null. */
  verticalAlignment: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'verticalAlignment');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFormat.verticalAlignment');
      if (typeof v !== 'string' || !VERTICAL_ALIGNMENTS.includes(v)) throw err.invalidArgument('RangeFormat.verticalAlignment');
      tr.sheet.setFmt(tr.rect, 'verticalAlignment', v);
    },
  },
});
declareNavs(RangeFormatProxy, {
  fill: (p) => new RangeFillProxy(p._ctx, `${p._path}.fill`, (x) => rangeOf(p, x)),
  font: (p) => new RangeFontProxy(p._ctx, `${p._path}.font`, (x) => rangeOf(p, x)),
  protection: (p) => new FormatProtectionProxy(p._ctx, `${p._path}.protection`, (x) => rangeOf(p, x)),
  borders: (p) => new RangeBorderCollectionProxy(p._ctx, `${p._path}.borders`, (x) => rangeOf(p, x)),
});

const VERTICAL_ALIGNMENTS = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class RangeFillProxy extends ProxyBase {
  readonly _typeName = 'RangeFill';
  clear(): void {
    this._queue('clear', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFill.clear');
      tr.sheet.setFmt(tr.rect, 'fill', '');
    });
  }
}
declareScalars(RangeFillProxy, {
  /** No fill reads as "#FFFFFF" (what Excel reports for an unfilled cell); mixed fills read null. */
  color: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const v = tr.sheet.uniformFmt(tr.rect, 'fill');
      return v === null ? null : v === '' ? '#FFFFFF' : v;
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFill.color');
      let c: string;
      try {
        c = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('RangeFill.color');
      }
      tr.sheet.setFmt(tr.rect, 'fill', c);
    },
  },
});

export class RangeFontProxy extends ProxyBase {
  readonly _typeName = 'RangeFont';
}
declareScalars(RangeFontProxy, {
  bold: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'bold');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.bold');
      tr.sheet.setFmt(tr.rect, 'bold', v === true);
    },
  },
  italic: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'italic');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.italic');
      tr.sheet.setFmt(tr.rect, 'italic', v === true);
    },
  },
  color: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'fontColor');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.color');
      let c: string;
      try {
        c = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('RangeFont.color');
      }
      tr.sheet.setFmt(tr.rect, 'fontColor', c);
    },
  },
  /** "The name's length should not be greater than 31 characters." Any face name is accepted (Excel does not check it is installed). */
  name: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'fontName');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.name');
      if (typeof v !== 'string' || v.trim() === '' || v.length > 31) throw err.invalidArgument('RangeFont.name');
      tr.sheet.setFmt(tr.rect, 'fontName', v);
    },
  },
  /** Points, 1–409 as in Excel's UI (stored as given; Excel may round to half points). */
  size: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'fontSize');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertAllowed('allowFormatCells', 'RangeFont.size');
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 409) throw err.invalidArgument('RangeFont.size');
      tr.sheet.setFmt(tr.rect, 'fontSize', v);
    },
  },
});

export class FormatProtectionProxy extends ProxyBase {
  readonly _typeName = 'FormatProtection';
}
declareScalars(FormatProtectionProxy, {
  /** Per cell, default true. Cannot be changed while the sheet is protected. */
  locked: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      return tr.sheet.uniformFmt(tr.rect, 'locked');
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertUnprotected('FormatProtection.locked');
      if (typeof v !== 'boolean') throw err.invalidArgument('FormatProtection.locked');
      tr.sheet.setFmt(tr.rect, 'locked', v);
    },
  },
});
