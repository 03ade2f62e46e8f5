/**
 * What every API module shares: the engine services the proxies call (event handlers, selection,
 * the rows.add counter) and the resolvers that turn a proxy into its model object inside a sync,
 * failing as Excel does (ItemNotFound for a deleted object, InvalidReference for a range whose
 * rows were deleted).
 */
import { MAX_COLS, MAX_ROWS, Rect } from '../address';
import { err } from '../errors';
import type { ConditionalFormatModel, DoubleSheet, TableModel, TrackedRange } from '../model';
import type { Exec, ProxyBase } from '../proxy';

export type HandlerTarget =
  | { kind: 'worksheetChanged'; sheetId: string }
  | { kind: 'worksheetsChanged' }
  | { kind: 'tableChanged'; tableId: string }
  | { kind: 'selectionChanged'; sheetId: string };

export type EventHandler = (args: unknown) => unknown;

export interface ApiServices {
  addHandler(target: HandlerTarget, fn: EventHandler): number;
  removeHandler(id: number): void;
  selectionChanged(sheet: DoubleSheet): void;
  countRowsAdd(): void;
}

export function services(p: ProxyBase): ApiServices {
  return (p._ctx.engine as unknown as { services: ApiServices }).services;
}

// ---------------------------------------------------------------- resolving proxies to model objects

export function sheetOf(p: ProxyBase, x: Exec): DoubleSheet {
  const s = p._resolve(x) as DoubleSheet | null;
  if (s === null || !x.wb.sheets.includes(s)) throw err.itemNotFound(p._typeName);
  return s;
}

export function trackIn(x: Exec, sheet: DoubleSheet, rect: Rect): TrackedRange {
  const tr = x.wb.track(sheet, rect);
  x.ctx.ranges.add(tr);
  return tr;
}

export function rangeOf(p: ProxyBase, x: Exec): TrackedRange {
  const tr = p._resolve(x) as TrackedRange | null;
  if (tr === null) throw err.itemNotFound(p._typeName);
  if (!tr.valid || !x.wb.sheets.includes(tr.sheet)) throw err.invalidReference(p._typeName);
  return tr;
}

export function tableOf(p: ProxyBase, x: Exec): TableModel {
  const t = p._resolve(x) as TableModel | null;
  if (t === null || !x.wb.tables.includes(t)) throw err.itemNotFound(p._typeName);
  return t;
}

export function checkRect(r: Rect, location: string): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r0 > r.r1 || r.c0 > r.c1) {
    throw err.invalidArgument(location);
  }
  return r;
}

export function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

export function argInt(n: unknown, location: string): number {
  if (!isInt(n)) throw err.invalidArgument(location);
  return n;
}

export function bodyRect(t: TableModel): Rect {
  return { ...t.rect, r0: t.rect.r0 + 1 };
}

export function headerRect(t: TableModel): Rect {
  return { ...t.rect, r1: t.rect.r0 };
}

export function cfOf(p: ProxyBase, x: Exec): ConditionalFormatModel {
  const cf = p._resolve(x) as ConditionalFormatModel | null;
  if (!cf || !cf.sheet.cfs.includes(cf) || !x.wb.sheets.includes(cf.sheet)) throw err.itemNotFound(p._typeName);
  return cf;
}
