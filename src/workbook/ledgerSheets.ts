/**
 * The worksheets a complete 13710 ledger workbook has, in tab order. The status card checks
 * each one; 初始化台账 (later) creates the missing ones.
 */
import { SHEET } from './sheetNames';

export const LEDGER_SHEETS = [
  SHEET.ledger,
  SHEET.records,
  SHEET.people,
  SHEET.calendar,
  SHEET.settings,
  SHEET.scores,
  SHEET.issues,
  SHEET.nonImplementation,
  SHEET.report,
  SHEET.log,
] as const;

export type LedgerSheetName = (typeof LEDGER_SHEETS)[number];
