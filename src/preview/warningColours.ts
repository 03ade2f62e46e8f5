import type { WarningStatus } from '../domain/types';
import { STATUS_COLOURS } from '../workbook/statusColours';

/** 预警状态 tints of the preview grid: the ledger's conditional formats (one table, src/workbook/statusColours.ts). */
export const WARNING_COLOURS: Readonly<Record<WarningStatus, { fill: string; text: string }>> = STATUS_COLOURS;

export function isWarningStatus(v: unknown): v is WarningStatus {
  return typeof v === 'string' && v in WARNING_COLOURS;
}
