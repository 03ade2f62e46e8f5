/**
 * The Office.js proxy model, re-implemented: objects obtained in a batch are proxies; property
 * writes, method calls and `load()` are queued on the request context and executed in order at
 * `context.sync()`; a scalar property can be read only after it was loaded and synced (or set
 * locally, as office.js keeps the value you assign), else `PropertyNotLoaded` is thrown.
 *
 * Semantics mirrored from office.js 1.1.110 (excel-web-16.00.debug.js):
 * - `ClientObject.isNullObject` throws PropertyNotLoaded until a sync has resolved the object.
 * - `ClientResult.value` throws ValueNotLoaded until synced.
 * - setters store the assigned value locally (`this.m_values = value`) before queueing the action.
 * - `load()` without arguments loads all scalar properties (not navigation properties);
 *   `collection.load('name')` means `items/name`.
 * - objects are instantiated on the host the first time a queued action uses them (lazy object
 *   paths); a `getItem(...)` that nothing uses never fails. Range objects are then tracked: later
 *   row insertions/deletions (also a co-author's) move them, as Excel's tracked objects do.
 */
import { jsonBytesUpTo } from '../payloadBytes';
import { DoubleExcelError, MESSAGES } from './errors';
import type { ChangeSource, DoubleWorkbook, TrackedRange } from './model';
import { requireMember } from './profiles';

export interface Exec {
  wb: DoubleWorkbook;
  ctx: RequestCtx;
  source: ChangeSource;
  /** Applied only when the whole sync succeeds: loaded values, isNullObject flags, client results. */
  commits: (() => void)[];
  responseBytes: number;
}

export interface Op {
  label: string;
  run: (x: Exec) => void;
  requestBytes?: () => number;
}

export interface SyncEngine {
  sync(ctx: RequestCtx): Promise<void>;
  readonly wb: DoubleWorkbook;
}

/** The fake `Excel.RequestContext`. */
export class RequestCtx {
  queue: Op[] = [];
  ended = false;
  readonly ranges = new Set<TrackedRange>();
  readonly trackedObjects = {
    add: (_o: unknown): void => undefined,
    remove: (_o: unknown): void => undefined,
  };
  /** Set by harness.ts (makeRuns): the `context.workbook` proxy (api/workbook.ts). */
  workbook: unknown;

  constructor(
    readonly engine: SyncEngine,
    readonly runId: number,
  ) {}

  sync<T>(passThroughValue?: T): Promise<T> {
    if (this.ended) return Promise.reject(new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath('context.sync()')));
    return this.engine.sync(this).then(() => passThroughValue as T);
  }

  load(object: ProxyBase, option?: LoadInput): ProxyBase {
    return object.load(option);
  }

  /** Releases what the run tracked (Excel.run does this when the batch ends). */
  end(): void {
    this.ended = true;
    for (const r of this.ranges) this.engine.wb.untrack(r);
    this.ranges.clear();
  }
}

// ---------------------------------------------------------------- load specs

export type LoadInput = string | string[] | Record<string, unknown> | undefined;

export interface LoadSpec {
  all: boolean;
  scalars: Set<string>;
  nav: Map<string, LoadSpec>;
}

function emptySpec(all = false): LoadSpec {
  return { all, scalars: new Set(), nav: new Map() };
}

function addPath(spec: LoadSpec, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    spec.scalars.add(head);
    return;
  }
  let child = spec.nav.get(head);
  if (!child) {
    child = emptySpec();
    spec.nav.set(head, child);
  }
  addPath(child, rest);
}

/** Turns any of load()'s argument forms into a tree of property names. */
export function parseLoadInput(input: LoadInput): LoadSpec {
  if (input === undefined || input === null) return emptySpec(true);
  const spec = emptySpec();
  const addList = (list: string) => {
    for (const part of list.split(',')) {
      const p = part.trim();
      if (p)
        addPath(
          spec,
          p.split('/').map((s) => s.trim()),
        );
    }
  };
  if (typeof input === 'string') {
    addList(input);
    return spec;
  }
  if (Array.isArray(input)) {
    for (const s of input) addList(String(s));
    return spec;
  }
  const obj = input as Record<string, unknown>;
  if (typeof obj.select === 'string' || typeof obj.expand === 'string') {
    if (typeof obj.select === 'string') addList(obj.select);
    if (typeof obj.expand === 'string') {
      for (const part of obj.expand.split(',')) {
        const p = part.trim();
        if (!p) continue;
        const path = p.split('/');
        let cur = spec;
        for (const seg of path) {
          let child = cur.nav.get(seg);
          if (!child) {
            child = emptySpec();
            cur.nav.set(seg, child);
          }
          cur = child;
        }
        cur.all = true;
      }
    }
    if (typeof obj.select !== 'string') spec.all = true;
    return spec;
  }
  // Interfaces.*LoadOptions form: { values: true, format: { fill: { color: true } }, $all: true }
  const walk = (o: Record<string, unknown>, into: LoadSpec) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all') {
        if (v) into.all = true;
        continue;
      }
      if (k === '$top' || k === '$skip') continue;
      if (v === true) into.scalars.add(k);
      else if (v && typeof v === 'object') {
        const child = into.nav.get(k) ?? emptySpec();
        walk(v as Record<string, unknown>, child);
        if (Object.keys(v as object).length === 0) child.all = true;
        into.nav.set(k, child);
      }
    }
  };
  walk(obj, spec);
  return spec;
}

// ---------------------------------------------------------------- property declarations

export interface ScalarDecl<P> {
  read: (p: P, x: Exec) => unknown;
  write?: (p: P, x: Exec, value: unknown) => void;
  /** Size estimate of a written value for the request payload limit. */
  bytes?: boolean;
  /** Not part of `load()` without arguments. */
  explicitOnly?: boolean;
}

export type ScalarTable<P> = Record<string, ScalarDecl<P>>;

function clonePlain<T>(v: T): T {
  return v === undefined || v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * Declares scalar properties on a proxy class: getters that throw PropertyNotLoaded until loaded,
 * setters that keep the value locally and queue the write.
 */
export function declareScalars<P extends ProxyBase>(cls: { prototype: P }, table: ScalarTable<P>): void {
  const proto = cls.prototype as unknown as { _scalarTable: ScalarTable<ProxyBase> };
  proto._scalarTable = { ...(proto._scalarTable ?? {}), ...(table as unknown as ScalarTable<ProxyBase>) };
  for (const [name, decl] of Object.entries(table)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ProxyBase) {
        this._require(name);
        return this._get(name);
      },
      set(this: ProxyBase, value: unknown) {
        this._require(name);
        if (!decl.write) {
          throw new DoubleExcelError('CannotUpdateReadOnlyProperty', MESSAGES.readOnly(name), `${this._typeName}.${name}`);
        }
        const write = decl.write as (p: ProxyBase, x: Exec, v: unknown) => void;
        this._loaded.set(name, value);
        this._queue(name, (x) => write(this, x, clonePlain(value)), decl.bytes ? () => payloadSize(value) : undefined);
      },
    });
  }
}

/** Declares navigation properties: a getter returning one cached child proxy per parent. */
export function declareNavs<P extends ProxyBase>(cls: { prototype: P }, navs: Record<string, (p: P) => ProxyBase>): void {
  const proto = cls.prototype as unknown as { _navTable: Record<string, (p: ProxyBase) => ProxyBase> };
  proto._navTable = { ...(proto._navTable ?? {}), ...(navs as unknown as Record<string, (p: ProxyBase) => ProxyBase>) };
  for (const [name, make] of Object.entries(navs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ProxyBase) {
        this._require(name);
        return this._child(name, () => (make as (p: ProxyBase) => ProxyBase)(this));
      },
    });
  }
}

/** Bytes that `v` takes in a request or response: its JSON in UTF-8 (payloadBytes.ts says why). */
export function payloadSize(v: unknown): number {
  // Counting stops a little past the largest cap a test sets (5 MB): past that, the exact size
  // changes nothing, and a 50,000-row grid of formulas is never stringified whole.
  return jsonBytesUpTo(v, 64_000_000);
}

// ---------------------------------------------------------------- proxies

export type Resolver = (x: Exec) => unknown;

export abstract class ProxyBase {
  abstract readonly _typeName: string;
  declare _scalarTable: ScalarTable<ProxyBase>;
  declare _navTable: Record<string, (p: ProxyBase) => ProxyBase>;
  readonly _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private _handle: unknown;
  private _hasHandle = false;
  private readonly _children = new Map<string, ProxyBase>();

  constructor(
    readonly _ctx: RequestCtx,
    readonly _path: string,
    private readonly _resolver: Resolver,
  ) {}

  get context(): RequestCtx {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      throw new DoubleExcelError('PropertyNotLoaded', MESSAGES.propertyNotLoaded('isNullObject'), `${this._typeName}.isNullObject`);
    }
    return this._isNull;
  }

  /** The host object behind the proxy; resolved once, at its first use in a sync. */
  _resolve(x: Exec): unknown {
    if (!this._hasHandle) {
      this._handle = this._resolver(x);
      this._hasHandle = true;
    }
    if (this._isNull === undefined) {
      const h = this._handle;
      x.commits.push(() => {
        this._isNull = h === null;
      });
    }
    return this._handle;
  }

  /** For objects that exist as soon as they are returned (collection items, results of add()). */
  _preset(handle: unknown): this {
    this._handle = handle;
    this._hasHandle = true;
    this._isNull = handle === null;
    return this;
  }

  /**
   * A member beyond ExcelApi 1.8 fails with ApiNotFound when the Excel being modelled lacks its
   * requirement set (profiles.ts lists those members). Scalar and navigation getters/setters and
   * `load()` call this for every name; methods listed there call it first thing.
   */
  _require(member: string): void {
    requireMember(this, `${this._typeName}.${member}`);
  }

  _assertUsable(): void {
    if (this._ctx.ended) throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(this._path), this._typeName);
  }

  /** Another proxy passed as an argument must belong to the same live request context. */
  _sameContext(other: ProxyBase): void {
    if (other._ctx.ended) throw new DoubleExcelError('InvalidObjectPath', MESSAGES.invalidObjectPath(other._path), other._typeName);
    if (other._ctx !== this._ctx) throw new DoubleExcelError('InvalidRequestContext', MESSAGES.invalidRequestContext, this._typeName);
  }

  _queue(label: string, run: (x: Exec) => void, requestBytes?: () => number): void {
    this._assertUsable();
    this._ctx.queue.push({ label: `${this._typeName}.${label}`, run, requestBytes });
  }

  _get(name: string): unknown {
    if (this._loaded.has(name)) return this._loaded.get(name);
    if (this._isNull === true) return undefined;
    throw new DoubleExcelError('PropertyNotLoaded', MESSAGES.propertyNotLoaded(name), `${this._typeName}.${name}`);
  }

  _child<T extends ProxyBase>(name: string, make: () => T): T {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as T;
  }

  load(option?: LoadInput): this {
    this._assertUsable();
    const spec = parseLoadInput(option);
    this._validateSpec(spec);
    this._queue('load', (x) => {
      x.commits.push(this._snapshot(x, spec));
    });
    return this;
  }

  _validateSpec(spec: LoadSpec): void {
    // load('isPasswordProtected') and the like: refused at load() (profiles.ts).
    for (const name of [...spec.scalars, ...spec.nav.keys()]) this._require(name);
    for (const s of spec.scalars) {
      if (this._scalarTable?.[s]) continue;
      if (this._navTable?.[s]) {
        // load('format') on a navigation property: load its scalars.
        spec.scalars.delete(s);
        spec.nav.set(s, { ...emptySpec(true), ...(spec.nav.get(s) ?? {}), all: true });
        continue;
      }
      throw new DoubleExcelError('NotImplemented', MESSAGES.notModelled(`property '${s}' of ${this._typeName}`), `${this._typeName}.load`);
    }
    for (const [n, sub] of spec.nav) {
      if (!this._navTable?.[n])
        throw new DoubleExcelError('NotImplemented', MESSAGES.notModelled(`property '${n}' of ${this._typeName}`), `${this._typeName}.load`);
      (this as unknown as Record<string, ProxyBase>)[n]._validateSpec(sub);
    }
  }

  /** Reads the requested properties now (inside the sync) and returns how to publish them. */
  _snapshot(x: Exec, spec: LoadSpec): () => void {
    const h = this._resolve(x);
    if (h === null) return () => undefined;
    const values = new Map<string, unknown>();
    const names = new Set(spec.scalars);
    if (spec.all) for (const [n, d] of Object.entries(this._scalarTable ?? {})) if (!d.explicitOnly) names.add(n);
    for (const n of names) {
      const v = this._scalarTable[n].read(this, x);
      values.set(n, v);
    }
    const children: (() => void)[] = [];
    for (const [n, sub] of spec.nav) children.push((this as unknown as Record<string, ProxyBase>)[n]._snapshot(x, sub));
    return () => {
      for (const [n, v] of values) this._loaded.set(n, v);
      for (const c of children) c();
    };
  }

  /** `set(properties)`: assigns scalars and recurses into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties ?? {})) {
      if (this._navTable?.[k] && v && typeof v === 'object') {
        (this as unknown as Record<string, ProxyBase>)[k].set(v as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[k] = v;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = v;
    for (const [k, c] of this._children) {
      const j = c.toJSON();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }
}

/** A collection proxy: `items` (and optionally `count`) are loaded through item proxies. */
export abstract class CollectionProxy<I extends ProxyBase> extends ProxyBase {
  private _items: I[] | undefined;

  /** The current members, as host handles. */
  abstract _list(x: Exec): unknown[];
  /** A proxy for one member (handle preset). */
  abstract _makeItem(handle: unknown, index: number): I;

  get items(): I[] {
    if (this._items === undefined) {
      if (this._isNull === true) return [];
      throw new DoubleExcelError('PropertyNotLoaded', MESSAGES.propertyNotLoaded('items'), `${this._typeName}.items`);
    }
    return this._items;
  }

  override _validateSpec(spec: LoadSpec): void {
    // collection.load('name') means items/name; 'count' (where declared) stays on the collection.
    const own = emptySpec();
    const item = spec.nav.get('items') ?? emptySpec();
    spec.nav.delete('items');
    if (spec.all) item.all = true;
    for (const s of spec.scalars) {
      if (s === 'items') item.all = true;
      else if (this._scalarTable?.[s]) own.scalars.add(s);
      else item.scalars.add(s);
    }
    for (const [n, sub] of spec.nav) item.nav.set(n, sub);
    spec.all = false;
    spec.scalars = own.scalars;
    spec.nav = new Map([['items', item]]);
    this._makeItem(undefined, 0)._validateSpec(item);
  }

  override _snapshot(x: Exec, spec: LoadSpec): () => void {
    const h = this._resolve(x);
    if (h === null) return () => undefined;
    const own = new Map<string, unknown>();
    for (const n of spec.scalars) own.set(n, this._scalarTable[n].read(this, x));
    const itemSpec = spec.nav.get('items');
    const items = this._list(x).map((handle, i) => this._makeItem(handle, i));
    const applies = itemSpec ? items.map((it) => it._snapshot(x, itemSpec)) : [];
    return () => {
      for (const [n, v] of own) this._loaded.set(n, v);
      this._items = items;
      for (const a of applies) a();
    };
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }
}

/** `OfficeExtension.ClientResult<T>`. */
export class ClientResultDouble<T> {
  private _value: T | undefined;
  private _isLoaded = false;

  get value(): T {
    if (!this._isLoaded) {
      throw new DoubleExcelError('ValueNotLoaded', MESSAGES.valueNotLoaded, 'clientResult.value');
    }
    return this._value as T;
  }

  _set(v: T): void {
    this._value = v;
    this._isLoaded = true;
  }
}

/** Queues a method that produces a value (`getCount()` etc.). */
export function queueResult<T>(p: ProxyBase, label: string, compute: (x: Exec) => T): ClientResultDouble<T> {
  const result = new ClientResultDouble<T>();
  p._queue(label, (x) => {
    const v = compute(x);
    x.commits.push(() => result._set(v));
  });
  return result;
}
