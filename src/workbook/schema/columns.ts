/**
 * Column builders shared by the sheets of the schema.
 */
import { workbook as t } from '../../i18n/workbook';
import { ledgerFormulas, type LedgerFormulaColumn } from '../formulas';
import { DATE_FORMAT, type ColumnSpec, type ValidationSpec } from './types';

export const dateValidation: ValidationSpec = { type: 'date', min: '2000-01-01', max: '2099-12-31' };
export const list = (values: readonly string[]): ValidationSpec => ({ type: 'list', values, strict: true, error: t.error.list });
export const countValidation: ValidationSpec = { type: 'whole', min: 0, max: 999, error: t.error.count };

export const input = (header: string, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  kind: 'input',
  width,
  locked: false,
  ...extra,
});

export const dateInput = (header: string, message: readonly [string, string], extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  input(header, 11, { numFmt: DATE_FORMAT, validation: dateValidation, inputMessage: message, ...extra });

export const computed = (header: LedgerFormulaColumn, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  kind: 'formula',
  width,
  formula: ledgerFormulas[header],
  locked: true,
  ...extra,
});

export const helper = (header: LedgerFormulaColumn, extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  computed(header, 11, {
    hidden: true,
    note: t.computed.helper,
    numFmt: header.startsWith('辅助') && !header.endsWith('按时') && !header.startsWith('辅助增减') ? DATE_FORMAT : '0',
    ...extra,
  });
