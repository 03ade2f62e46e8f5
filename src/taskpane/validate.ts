/**
 * Client-side checks of what a user types, shown next to the field before anything is sent.
 * The limits are the 台账 / 反馈记录 column limits, so a form that passes here also passes the
 * domain's own checks (which still run: this only spares a round trip).
 */
import { isValidIsoDate } from '../domain/parseDate';
import type { IsoDate, LedgerItem } from '../domain/types';
import { FEEDBACK_INPUT_COLUMNS, LEDGER_INPUT_COLUMNS } from '../domain/validation';
import { ui } from '../i18n';

const v = ui.validation;

const ledgerMax = (field: keyof LedgerItem) => LEDGER_INPUT_COLUMNS.find((c) => c.field === field)?.maxLength ?? 100;

/** Most characters per field (code points), from the sheet columns. */
export const LIMITS = {
  content: ledgerMax('content'),
  requirement: ledgerMax('requirement'),
  coSections: ledgerMax('coSections'),
  progress: ledgerMax('progress'),
  extensionNodes: ledgerMax('extensionNodes'),
  evidence: ledgerMax('evidence'),
  record: FEEDBACK_INPUT_COLUMNS.find((c) => c.field === 'content')?.maxLength ?? 1000,
  /** 升级 records carry a 「升级至…：」 prefix (see the domain) */
  escalation: (FEEDBACK_INPUT_COLUMNS.find((c) => c.field === 'content')?.maxLength ?? 1000) - 20,
} as const;

export interface TextRule {
  label: string;
  max: number;
  required?: boolean;
}

/** A message for text that is missing, too long, or would read as a formula; null when fine. */
export function checkText(value: string, rule: TextRule): string | null {
  if (value.trim() === '') return rule.required ? v.required(rule.label) : null;
  const length = Array.from(value).length;
  if (length > rule.max) return v.tooLong(rule.label, rule.max, length);
  // after any leading spaces, as the domain judges it (workflow checkText): " =1+1" is "=1+1" to a reader
  const lead = value.trimStart()[0];
  if ('=+-@'.includes(lead)) return v.formulaLike(rule.label, lead);
  return null;
}

export function checkChoice(value: string, label: string): string | null {
  return value === '' ? v.choose(label) : null;
}

/** An optional (or required) date that may not lie before `today`. */
export function checkDate(value: string, label: string, today: IsoDate, required = false): string | null {
  if (value === '') return required ? v.choose(label) : null;
  if (!isValidIsoDate(value)) return v.badDate(label);
  if (value < today) return v.dateBeforeToday(label, today);
  return null;
}

/** Field → message for the fields that fail; empty when the form may be sent. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function collectErrors<K extends string>(checks: Record<K, string | null>): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  for (const key of Object.keys(checks) as K[]) {
    const message = checks[key];
    if (message) out[key] = message;
  }
  return out;
}

export const hasErrors = (errors: FieldErrors<string>): boolean => Object.keys(errors).length > 0;
