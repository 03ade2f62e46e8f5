/**
 * `range.dataValidation`: rule, type (Inconsistent / MixedCriteria over mixed cells), ignoreBlanks,
 * prompt, errorAlert, clear. Rules are stored, never evaluated (`valid` is always true). Every
 * change needs an unprotected sheet.
 */
import { excelEnums } from '../enums';
import { err } from '../errors';
import { cloneJson } from '../model';
import { Exec, ProxyBase, declareScalars } from '../proxy';
import { rangeOf } from './resolve';

/** Rule key → Excel.DataValidationType (the enum's members that name a rule). */
const VALIDATION_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(excelEnums.DataValidationType).filter(([key]) => !['none', 'inconsistent', 'mixedCriteria'].includes(key)),
);

export class DataValidationProxy extends ProxyBase {
  readonly _typeName = 'DataValidation';

  clear(): void {
    this._queue('clear', (x) => {
      const tr = rangeOf(this, x);
      tr.sheet.assertUnprotected('DataValidation.clear');
      tr.sheet.setFmt(tr.rect, 'validation', null);
    });
  }
}

function validationField(key: 'ignoreBlanks' | 'prompt' | 'errorAlert') {
  return {
    read: (p: ProxyBase, x: Exec) => {
      const tr = rangeOf(p, x);
      const v = tr.sheet.uniformFmt(tr.rect, 'validation');
      if (key === 'ignoreBlanks') return v ? v.ignoreBlanks : true;
      return v?.[key]
        ? cloneJson(v[key])
        : key === 'prompt'
          ? { showPrompt: false, title: '', message: '' }
          : { showAlert: true, style: 'Stop', title: '', message: '' };
    },
    write: (p: ProxyBase, x: Exec, value: unknown) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertUnprotected(`DataValidation.${key}`);
      const { rows, cols } = tr.sheet.representatives(tr.rect);
      const current = tr.sheet.fmtAt(rows[0], cols[0], 'validation');
      const next = { ...(current ?? { rule: {}, ignoreBlanks: true }), [key]: value };
      tr.sheet.setFmt(tr.rect, 'validation', next as never);
    },
  };
}

declareScalars(DataValidationProxy, {
  /**
   * Setting a rule replaces the validation of every cell in the range. A range whose cells differ
   * reads type "Inconsistent" and an empty rule.
   */
  rule: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const v = tr.sheet.uniformFmt(tr.rect, 'validation');
      return v ? cloneJson(v.rule) : {};
    },
    write: (p, x, v) => {
      const tr = rangeOf(p, x);
      tr.sheet.assertUnprotected('DataValidation.rule');
      if (!v || typeof v !== 'object') throw err.invalidArgument('DataValidation.rule');
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (keys.length !== 1 || !VALIDATION_TYPES[keys[0]]) throw err.invalidArgument('DataValidation.rule');
      tr.sheet.setFmt(tr.rect, 'validation', { rule: v as Record<string, unknown>, ignoreBlanks: true });
    },
  },
  type: {
    read: (p, x) => {
      const tr = rangeOf(p, x);
      const { rows, cols } = tr.sheet.representatives(tr.rect);
      const kinds = new Set<string>();
      for (const r of rows)
        for (const c of cols) {
          const v = tr.sheet.fmtAt(r, c, 'validation');
          kinds.add(v ? (VALIDATION_TYPES[Object.keys(v.rule)[0]] ?? 'Custom') : 'None');
        }
      if (kinds.size > 1) return 'Inconsistent';
      const only = [...kinds][0] ?? 'None';
      if (only !== 'None' && tr.sheet.uniformFmt(tr.rect, 'validation') === null) return 'MixedCriteria';
      return only;
    },
  },
  /** The double does not evaluate validation rules; every value counts as valid. */
  valid: { read: () => true },
  ignoreBlanks: validationField('ignoreBlanks'),
  prompt: validationField('prompt'),
  errorAlert: validationField('errorAlert'),
});
