/**
 * Conditional formats on a range: the collection (add at top priority, getItem/getItemAt, getCount,
 * clearAll), ConditionalFormat (priority, stopIfTrue, getRange, delete) and the type-specific views
 * Custom (rule formula + format), CellValue (rule + format) and ColorScale (criteria, ExcelApi 1.6),
 * with the `*OrNullObject` navigation so a mixed collection can be read back in one load without
 * touching a type-specific property of the wrong type. Rules are stored, never evaluated. Every
 * change needs an unprotected sheet.
 */
import { intersect } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { ConditionalFormatModel, cloneJson } from '../model';
import { markCreatedThroughApi } from '../profiles';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, RequestCtx, declareNavs, declareScalars, queueResult } from '../proxy';
import { normalizeColor } from '../values';
import { RangeProxy } from './range';
import { cfOf, isInt, rangeOf, trackIn } from './resolve';

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatProxy> {
  readonly _typeName = 'ConditionalFormatCollection';

  _list(x: Exec): unknown[] {
    const tr = rangeOf(this, x);
    return tr.sheet.cfs.filter((cf) => intersect(cf.rect, tr.rect));
  }

  _makeItem(handle: unknown): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle);
  }

  /** "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(this._ctx, `${this._path}.add('${type}')`, () => {
      throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(`${this._path}.add`));
    });
    this._queue('add', (x) => {
      const tr = rangeOf(this, x);
      const allowed = ['Custom', 'CellValue', 'ColorScale', 'DataBar', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText'];
      if (!allowed.includes(type)) throw err.invalidArgument('ConditionalFormatCollection.add');
      const cf = x.wb.addConditionalFormat(tr.sheet, tr.rect, type, 'ConditionalFormatCollection.add');
      markCreatedThroughApi(x.wb, cf); // office-js #5299 on the m365-windows profile (profiles.ts)
      p._preset(cf);
    });
    return p;
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => this._list(x).length);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.getItemAt(${index})`, (x) => {
      const list = this._list(x);
      if (!isInt(index) || index < 0 || index >= list.length) throw err.itemNotFound('ConditionalFormatCollection.getItemAt');
      return list[index];
    });
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.getItem('${id}')`, (x) => {
      const cf = this._list(x).find((c) => (c as ConditionalFormatModel).id === id);
      if (!cf) throw err.itemNotFound('ConditionalFormatCollection.getItem');
      return cf;
    });
  }

  /** "Clears all conditional formats active on the current specified range." */
  clearAll(): void {
    this._queue('clearAll', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertUnprotected('ConditionalFormatCollection.clearAll');
      x.wb.clearConditionalFormats(tr.sheet, tr.rect);
    });
  }
}
declareScalars(ConditionalFormatCollectionProxy, {});

export class ConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'ConditionalFormat';

  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, `${this._path}.getRange()`, (x) => {
      const cf = cfOf(this, x);
      return trackIn(x, cf.sheet, cf.rect);
    });
  }

  delete(): void {
    this._queue('delete', (x) => {
      const cf = cfOf(this, x);
      cf.sheet.assertUnprotected('ConditionalFormat.delete');
      cf.sheet.cfs = cf.sheet.cfs.filter((c) => c !== cf);
    });
  }
}
declareScalars(ConditionalFormatProxy, {
  id: { read: (p, x) => cfOf(p, x).id },
  type: { read: (p, x) => cfOf(p, x).type },
  priority: {
    read: (p, x) => {
      const cf = cfOf(p, x);
      return cf.sheet.cfs.indexOf(cf);
    },
    write: (p, x, v) => {
      const cf = cfOf(p, x);
      const list = cf.sheet.cfs.filter((c) => c !== cf);
      const i = Math.max(0, Math.min(list.length, Number(v)));
      list.splice(i, 0, cf);
      cf.sheet.cfs = list;
    },
  },
  stopIfTrue: {
    read: (p, x) => cfOf(p, x).stopIfTrue,
    write: (p, x, v) => {
      cfOf(p, x).stopIfTrue = v === true;
    },
  },
});

function needType(p: ProxyBase, x: Exec, type: string): ConditionalFormatModel {
  const cf = cfOf(p, x);
  if (cf.type !== type) throw err.invalidOperation(`ConditionalFormat.${type === 'Custom' ? 'custom' : 'cellValue'}`);
  return cf;
}

export class CustomConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'CustomConditionalFormat';
}
declareNavs(CustomConditionalFormatProxy, {
  rule: (p) => new ConditionalFormatRuleProxy(p._ctx, `${p._path}.rule`, (x) => needType(p, x, 'Custom')),
  format: (p) => new ConditionalRangeFormatProxy(p._ctx, `${p._path}.format`, (x) => needType(p, x, 'Custom')),
});

export class ConditionalFormatRuleProxy extends ProxyBase {
  readonly _typeName = 'ConditionalFormatRule';
}
function ruleFormula(p: ProxyBase, x: Exec): unknown {
  return cfOf(p, x).rule.formula ?? '';
}
function setRuleFormula(p: ProxyBase, x: Exec, v: unknown): void {
  const cf = cfOf(p, x);
  if (typeof v !== 'string' || v.trim() === '') throw err.invalidArgument('ConditionalFormatRule.formula');
  cf.rule = { ...cf.rule, formula: v };
}
declareScalars(ConditionalFormatRuleProxy, {
  formula: { read: ruleFormula, write: setRuleFormula },
  formulaLocal: { read: ruleFormula, write: setRuleFormula },
});

export class ConditionalRangeFormatProxy extends ProxyBase {
  readonly _typeName = 'ConditionalRangeFormat';
}
declareNavs(ConditionalRangeFormatProxy, {
  fill: (p) => new ConditionalRangeFillProxy(p._ctx, `${p._path}.fill`, (x) => cfOf(p, x)),
  font: (p) => new ConditionalRangeFontProxy(p._ctx, `${p._path}.font`, (x) => cfOf(p, x)),
});

export class ConditionalRangeFillProxy extends ProxyBase {
  readonly _typeName = 'ConditionalRangeFill';
  clear(): void {
    this._queue('clear', (x) => {
      delete cfOf(this, x).format.fill;
    });
  }
}
declareScalars(ConditionalRangeFillProxy, {
  color: {
    read: (p, x) => cfOf(p, x).format.fill ?? null,
    write: (p, x, v) => {
      try {
        cfOf(p, x).format.fill = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('ConditionalRangeFill.color');
      }
    },
  },
});

export class ConditionalRangeFontProxy extends ProxyBase {
  readonly _typeName = 'ConditionalRangeFont';
  clear(): void {
    this._queue('clear', (x) => {
      const cf = cfOf(this, x);
      delete cf.format.fontColor;
      delete cf.format.bold;
      delete cf.format.italic;
    });
  }
}
declareScalars(ConditionalRangeFontProxy, {
  color: {
    read: (p, x) => cfOf(p, x).format.fontColor ?? null,
    write: (p, x, v) => {
      try {
        cfOf(p, x).format.fontColor = normalizeColor(String(v));
      } catch {
        throw err.invalidArgument('ConditionalRangeFont.color');
      }
    },
  },
  bold: {
    read: (p, x) => cfOf(p, x).format.bold ?? null,
    write: (p, x, v) => {
      cfOf(p, x).format.bold = v === true;
    },
  },
  italic: {
    read: (p, x) => cfOf(p, x).format.italic ?? null,
    write: (p, x, v) => {
      cfOf(p, x).format.italic = v === true;
    },
  },
});

export class CellValueConditionalFormatProxy extends ProxyBase {
  readonly _typeName = 'CellValueConditionalFormat';
}
declareScalars(CellValueConditionalFormatProxy, {
  rule: {
    read: (p, x) => cloneJson(needType(p, x, 'CellValue').rule),
    write: (p, x, v) => {
      const cf = needType(p, x, 'CellValue');
      const rule = v as Record<string, unknown> | null;
      if (!rule || typeof rule.formula1 !== 'string' || typeof rule.operator !== 'string') throw err.invalidArgument('CellValueConditionalFormat.rule');
      cf.rule = cloneJson(rule);
    },
  },
});
declareNavs(CellValueConditionalFormatProxy, {
  format: (p) => new ConditionalRangeFormatProxy(p._ctx, `${p._path}.format`, (x) => needType(p, x, 'CellValue')),
});

declareNavs(ConditionalFormatProxy, {
  custom: (p) => new CustomConditionalFormatProxy(p._ctx, `${p._path}.custom`, (x) => needType(p, x, 'Custom')),
  cellValue: (p) => new CellValueConditionalFormatProxy(p._ctx, `${p._path}.cellValue`, (x) => needType(p, x, 'CellValue')),
  colorScale: (p) => new ColorScaleConditionalFormatProxy(p._ctx, `${p._path}.colorScale`, (x) => colorScaleOf(p, x)),
  colorScaleOrNullObject: orNull((c, path, r) => new ColorScaleConditionalFormatProxy(c, path, r), 'ColorScale', 'colorScaleOrNullObject'),
  customOrNullObject: orNull((c, path, r) => new CustomConditionalFormatProxy(c, path, r), 'Custom', 'customOrNullObject'),
  cellValueOrNullObject: orNull((c, path, r) => new CellValueConditionalFormatProxy(c, path, r), 'CellValue', 'cellValueOrNullObject'),
});

// ---------------------------------------------------------------- color scales

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
