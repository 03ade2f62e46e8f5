/**
 * 自检 (self-check), the pure part: which checks run, what a result is, and the report a user can
 * copy and send. No Office here; src/excel/selfCheck.ts runs the checks through an ExcelRun.
 */
import { platform } from '../i18n/platform';
import { USED_SETS, type HostInfo, type Requirements } from './capabilities';

const T = platform.selfCheck;

/** The checks, in the order they run (each tries one primitive the adapter relies on). */
export const CHECK_IDS = [
  'appendUnprotected',
  'appendProtected',
  'findApostrophe',
  'structuredFormula',
  'conditionalFormat',
  'validation',
  'pageLayout',
  'chunkedRead',
  'events',
  'cleanup',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckResult {
  id: CheckId;
  /** zh-CN name of the check */
  name: string;
  ok: boolean;
  /** zh-CN: what happened (the failure in plain words) */
  detail: string;
}

export interface SetSupport {
  name: string;
  version: string;
  required: boolean;
  supported: boolean;
}

export interface SelfCheckReport {
  /** ISO time the check ran */
  at: string;
  host: HostInfo;
  sets: SetSupport[];
  results: CheckResult[];
}

export const checkName = (id: CheckId): string => T.names[id];

export function passed(id: CheckId, detail: string): CheckResult {
  return { id, name: checkName(id), ok: true, detail };
}

export function failed(id: CheckId, detail: string): CheckResult {
  return { id, name: checkName(id), ok: false, detail };
}

/** Each requirement set the add-in uses, as this Excel answers. */
export function setSupport(requirements: Requirements): SetSupport[] {
  return USED_SETS.map((s) => ({ ...s, supported: requirements.isSetSupported(s.name, s.version) }));
}

/** The failed checks, and required sets this Excel lacks, by name. */
export function failures(report: SelfCheckReport): string[] {
  return [
    ...report.sets.filter((s) => s.required && !s.supported).map((s) => `${s.name} ${s.version}`),
    ...report.results.filter((r) => !r.ok).map((r) => r.name),
  ];
}

/** The text 复制报告 copies: plain zh-CN, one line per item. */
export function reportText(report: SelfCheckReport): string {
  const v = (s: string) => s || T.unknown;
  const lines = [
    T.reportTitle,
    T.reportTime(report.at),
    `${T.host}：${v(report.host.host)}；${T.platform}：${v(report.host.platform)}；${T.build}：${v(report.host.version)}`,
    `${T.sets}：`,
    ...report.sets.map((s) => `  ${s.name} ${s.version}：${s.supported ? T.supported : T.unsupported}（${T.setNote(s.required)}）`),
    `${T.checks}：`,
    ...report.results.map((r, i) => `  ${i + 1}. ${r.name}：${r.ok ? T.pass : T.fail}。${r.detail}`),
  ];
  const bad = failures(report);
  lines.push(bad.length === 0 ? T.allPassed : T.someFailed(bad.length, bad));
  return lines.join('\n');
}
