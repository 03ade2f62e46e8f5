/**
 * Defined names (`workbook.names`, ExcelApi 1.4/1.7): add / getItem / getItemOrNullObject / items,
 * NamedItem name / formula / type / value / comment / visible / delete. Names share one namespace
 * with table names (ItemAlreadyExists). A name is not adjusted when rows move or its sheet is
 * deleted (Excel would show #REF!).
 */
import { formatAddress } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { NamedItemModel, validName } from '../model';
import { ClientResultDouble, CollectionProxy, Exec, ProxyBase, declareScalars, queueResult } from '../proxy';
import { RangeProxy } from './range';
import { rangeOf } from './resolve';

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
    return [...x.wb.names.values()];
  }

  _makeItem(handle: unknown): NamedItemProxy {
    return new NamedItemProxy(this._ctx, `${this._path}.item`, () => handle)._preset(handle);
  }

  private find(x: Exec, name: string): NamedItemModel | undefined {
    return x.wb.names.get(String(name).toLowerCase());
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
      x.wb.names.set(n.toLowerCase(), model);
      p._preset(model);
    });
    return p;
  }

  getCount(): ClientResultDouble<number> {
    return queueResult(this, 'getCount', (x) => x.wb.names.size);
  }
}
declareScalars(NamedItemCollectionProxy, {});

function namedOf(p: ProxyBase, x: Exec): NamedItemModel {
  const n = p._resolve(x) as NamedItemModel | null;
  if (!n || x.wb.names.get(n.name.toLowerCase()) !== n) throw err.itemNotFound(p._typeName);
  return n;
}

export class NamedItemProxy extends ProxyBase {
  readonly _typeName = 'NamedItem';

  delete(): void {
    this._queue('delete', (x) => {
      const n = namedOf(this, x);
      x.wb.names.delete(n.name.toLowerCase());
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
