/**
 * exceljs 4.4 writes a table's columns without `<calculatedColumnFormula>`, so Excel would not
 * fill the formulas into a row typed below the table. This patch (installed once, on import)
 * writes the element when a column model carries `calculatedColumnFormula`; everything else is
 * exactly exceljs's own rendering (lib/xlsx/xform/table/table-column-xform.js).
 */
interface XmlStream {
  openNode(tag: string, attrs?: Record<string, unknown>): void;
  leafNode(tag: string, attrs?: Record<string, unknown>, text?: string): void;
  writeText(text: string): void;
  closeNode(): void;
}

interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require('exceljs/lib/xlsx/xform/table/table-column-xform.js') as {
  prototype: { tag: string; render(xmlStream: XmlStream, model: ColumnModel): boolean; __calcPatched?: boolean };
};

interface ParseState {
  tag: string;
  model: ColumnModel;
  __inCalc?: boolean;
}

const proto = TableColumnXform.prototype as typeof TableColumnXform.prototype & {
  parseOpen(this: ParseState, node: { name: string; attributes: Record<string, string> }): boolean;
  parseText(this: ParseState, text: string): void;
  parseClose(this: ParseState, name: string): boolean;
};
if (!proto.__calcPatched) {
  // Reading: exceljs's parser ends the column at the first closing tag, so a child element
  // (which Excel writes too) would derail the table's column list. Keep the formula instead.
  const originalOpen = proto.parseOpen;
  proto.parseOpen = function parseOpen(this: ParseState, node) {
    if (node.name === 'calculatedColumnFormula') {
      this.__inCalc = true;
      this.model.calculatedColumnFormula = '';
      return true;
    }
    return originalOpen.call(this, node);
  };
  proto.parseText = function parseText(this: ParseState, text: string) {
    if (this.__inCalc) this.model.calculatedColumnFormula += text;
  };
  proto.parseClose = function parseClose(this: ParseState, name: string) {
    if (name === 'calculatedColumnFormula') {
      this.__inCalc = false;
      return true;
    }
    return name !== this.tag;
  };

  const original = proto.render;
  proto.render = function render(this: { tag: string }, xmlStream: XmlStream, model: ColumnModel): boolean {
    if (!model.calculatedColumnFormula) return original.call(this, xmlStream, model);
    xmlStream.openNode(this.tag, {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    });
    xmlStream.openNode('calculatedColumnFormula');
    xmlStream.writeText(model.calculatedColumnFormula);
    xmlStream.closeNode();
    xmlStream.closeNode();
    return true;
  };
  proto.__calcPatched = true;
}

/**
 * Reading: exceljs turns the cached result of every formula cell with a date format into a Date —
 * also a text result (「超出日历」) or an error value (#N/A), which become Invalid Date and hide
 * what the cell shows. Only numbers are dates.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js') as {
  prototype: { reconcile(model: { type: number; result?: unknown }, options: unknown): void; __resultPatched?: boolean };
};
const FORMULA_TYPE = 6; // Enums.ValueType.Formula
const cellProto = CellXform.prototype;
if (!cellProto.__resultPatched) {
  const originalReconcile = cellProto.reconcile;
  cellProto.reconcile = function reconcile(model, options) {
    if (model.type === FORMULA_TYPE && model.result !== undefined && typeof model.result !== 'number') {
      const keep = model.result;
      originalReconcile.call(this, model, options);
      model.result = keep;
      return;
    }
    originalReconcile.call(this, model, options);
  };
  cellProto.__resultPatched = true;
}

/**
 * Reading: exceljs expands every data-validation range into one entry per cell. The ledger
 * validates whole columns (Microsoft's co-authoring guidance for appending rows below a table),
 * which would be a million entries per column. Large ranges stay one entry under their range
 * address (exceljs writes such an entry back as the same range); `dataValidationAt` finds them.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DataValidationsXform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as {
  prototype: { parseClose(name: string): boolean; __rangePatched?: boolean };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const colCache = require('exceljs/lib/utils/col-cache.js') as {
  decodeEx(address: string): { top?: number; left?: number; bottom?: number; right?: number; dimensions?: string };
  decodeAddress(address: string): { row: number; col: number };
};

/** Ranges with more cells than this are kept as one entry when read. */
export const EXPAND_LIMIT = 100_000;

const cellCount = (address: string): number => {
  const d = colCache.decodeEx(address);
  return d.dimensions && d.top && d.bottom && d.left && d.right ? (d.bottom - d.top + 1) * (d.right - d.left + 1) : 1;
};

interface DvState {
  _address: string;
  _dataValidation: { formulae?: unknown[]; operator?: string };
  model: Record<string, unknown>;
}
const dvProto = DataValidationsXform.prototype;
if (!dvProto.__rangePatched) {
  const originalClose = dvProto.parseClose;
  dvProto.parseClose = function parseClose(this: DvState, name: string): boolean {
    if (name === 'dataValidation' && this._address) {
      const parts = this._address.split(/\s+/g).filter((a) => a !== '');
      const large = parts.filter((a) => a.includes(':') && cellCount(a) > EXPAND_LIMIT);
      if (large.length > 0) {
        const dv = this._dataValidation;
        if (!dv.formulae || !dv.formulae.length) {
          delete dv.formulae;
          delete dv.operator;
        }
        for (const a of large) this.model[a] = dv;
        const small = parts.filter((a) => !large.includes(a));
        if (small.length === 0) return true;
        this._address = small.join(' ');
      }
    }
    return originalClose.call(this, name);
  };
  dvProto.__rangePatched = true;
}

/** The data validation that applies to a cell: its own entry, or a (whole-column) range entry containing it. */
export function dataValidationAt<T>(model: Record<string, T>, address: string): T | undefined {
  if (model[address] !== undefined) return model[address];
  const a = colCache.decodeAddress(address);
  for (const [key, dv] of Object.entries(model)) {
    if (!key.includes(':')) continue;
    const r = colCache.decodeEx(key);
    if (r.top! <= a.row && a.row <= r.bottom! && r.left! <= a.col && a.col <= r.right!) return dv;
  }
  return undefined;
}

export const EXCELJS_PATCHED = true;
