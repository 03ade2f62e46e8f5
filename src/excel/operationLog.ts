/**
 * 操作日志 lines and sync-error helpers shared by every writer in src/excel: one line per write,
 * keyed by the operation id that makes retries idempotent.
 */
import type { IsoDate } from '../domain/types';
import type { Actor } from '../domain/workflow';
import { dateCell, textCell, type CellValue } from './cells';
import { localToday } from './today';
import { missingApi } from './capabilities';
import { platform } from '../i18n/platform';

/**
 * The time an action's log line carries: the action's day (设置 今天, as every action is dated)
 * at the wall-clock time of day, so the log reads in the ledger's own calendar.
 */
export function stampOn(on: IsoDate, now: Date): Date {
  const [y, m, d] = on.split('-').map(Number);
  const stamp = new Date(y, m - 1, d, now.getHours(), now.getMinutes(), now.getSeconds());
  return Number.isNaN(stamp.getTime()) ? now : stamp;
}

/** One 操作日志 line: time (local), who, role, action, 编号, 科室, before → after, operation id. */
export function logLine(
  actor: Actor,
  now: Date,
  opId: string,
  action: string,
  before: string,
  after: string,
  itemId = '',
  section = '',
): Record<string, CellValue> {
  const serial = dateCell(localToday(now)) as number;
  return {
    时间: serial + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds()) / 86400,
    操作人: textCell(actor.name),
    角色: textCell(actor.role),
    动作: textCell(action),
    编号: textCell(itemId),
    科室: textCell(section),
    变更前: textCell(before),
    变更后: textCell(after),
    操作ID: textCell(opId),
  };
}

export function syncMessage(e: unknown): string {
  // ApiNotFound: this Excel lacks a member (an Excel below the manifest's ExcelApi 1.9): say which, in zh-CN
  const missing = missingApi(e);
  if (missing !== null) return platform.apiMissing(missing);
  const o = e as { message?: string; code?: string };
  return o?.message ? `${o.message}${o.code ? `（${o.code}）` : ''}` : String(e);
}

export function isNotFound(e: unknown): boolean {
  return (e as { code?: string })?.code === 'ItemNotFound';
}
