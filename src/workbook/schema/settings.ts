/**
 * 设置: one row per setting, with its defined name (the name on the sheet).
 */
import { workbook as t } from '../../i18n/workbook';
import { type Settings } from '../../domain/settings';
import { DOCUMENT_SETTING_NAMES, documentSettingDefault, type DocumentSettingName } from '../../domain/documents/settings';
import { COUNTING_MODES, OVERDUE_COUNTINGS } from '../../domain/types';
import { dateValidation, list } from './columns';
import { DATE_FORMAT, SCHEMA_VERSION, type SheetSpec, type ValidationSpec } from './types';
import { SHEET } from '../sheetNames';

export interface SettingRow {
  /** 名称 on the sheet = the defined name */
  name: keyof typeof t.settings;
  /** the default value: a constant, or a formula (TODAY) */
  value: (s: Settings) => string | number | { formula: string };
  /** where the value lives in Settings (readback); undefined for rows that are not Settings fields */
  path?: readonly string[];
  validation?: ValidationSpec;
  numFmt?: string;
  /** the value is fixed (结构版本, 日历调整): locked */
  locked?: boolean;
  /** no defined name (descriptive rows) */
  noName?: boolean;
}

const num =
  (path: readonly string[]): SettingRow['value'] =>
  (s) => {
    let v: unknown = s;
    for (const k of path) v = (v as Record<string, unknown>)[k];
    return v as number;
  };

const intRange = (min: number, max: number): ValidationSpec => ({ type: 'whole', min, max });
/** weights, grade rates and deductions: points from 0 to 100, decimals allowed */
const points: ValidationSpec = { type: 'decimal', min: 0, max: 100, error: t.error.points };

export const SETTING_ROWS: readonly SettingRow[] = [
  { name: '今天', value: () => ({ formula: 'TODAY()' }), numFmt: DATE_FORMAT, validation: dateValidation },
  { name: '计时方式', value: (s) => s.countingMode, path: ['countingMode'], validation: list(COUNTING_MODES) },
  { name: '逾期天数计法', value: (s) => s.overdueCounting, path: ['overdueCounting'], validation: list(OVERDUE_COUNTINGS) },
  { name: '研究部署反馈天数', value: num(['nodeDays', 'node1']), path: ['nodeDays', 'node1'], validation: intRange(0, 366) },
  { name: '初步落实反馈天数', value: num(['nodeDays', 'node3']), path: ['nodeDays', 'node3'], validation: intRange(0, 366) },
  { name: '一般事项办结天数', value: num(['nodeDays', 'general']), path: ['nodeDays', 'general'], validation: intRange(0, 366) },
  { name: '重大复杂办结天数', value: num(['nodeDays', 'major']), path: ['nodeDays', 'major'], validation: intRange(0, 366) },
  { name: '研究部署临近天数', value: num(['warnDays', 'node1']), path: ['warnDays', 'node1'], validation: intRange(0, 366) },
  { name: '初步落实临近天数', value: num(['warnDays', 'node3']), path: ['warnDays', 'node3'], validation: intRange(0, 366) },
  { name: '一般事项临近天数', value: num(['warnDays', 'general']), path: ['warnDays', 'general'], validation: intRange(0, 366) },
  { name: '重大复杂临近天数', value: num(['warnDays', 'major']), path: ['warnDays', 'major'], validation: intRange(0, 366) },
  { name: '权重任务总量', value: num(['weights', 'volume']), path: ['weights', 'volume'], validation: points },
  { name: '权重反馈实效', value: num(['weights', 'feedback']), path: ['weights', 'feedback'], validation: points },
  { name: '权重落实进度', value: num(['weights', 'progress']), path: ['weights', 'progress'], validation: points },
  { name: '权重落实效果', value: num(['weights', 'effect']), path: ['weights', 'effect'], validation: points },
  { name: '权重办结情况', value: num(['weights', 'closure']), path: ['weights', 'closure'], validation: points },
  { name: '得分率优秀', value: num(['gradeRates', '优秀']), path: ['gradeRates', '优秀'], validation: points },
  { name: '得分率良好', value: num(['gradeRates', '良好']), path: ['gradeRates', '良好'], validation: points },
  { name: '得分率合格', value: num(['gradeRates', '合格']), path: ['gradeRates', '合格'], validation: points },
  { name: '得分率不合格', value: num(['gradeRates', '不合格']), path: ['gradeRates', '不合格'], validation: points },
  { name: '扣分不落实', value: num(['deductions', 'nonImplementation']), path: ['deductions', 'nonImplementation'], validation: points },
  { name: '扣分退回', value: num(['deductions', 'returned']), path: ['deductions', 'returned'], validation: points },
  { name: '扣分漏报', value: num(['deductions', 'missedReport']), path: ['deductions', 'missedReport'], validation: points },
  { name: '扣分弄虚作假', value: num(['deductions', 'falsified']), path: ['deductions', 'falsified'], validation: points },
  { name: '不落实逾期天数', value: num(['nonImplementation', 'overdueDays']), path: ['nonImplementation', 'overdueDays'], validation: intRange(0, 366) },
  { name: '不落实漏报次数', value: num(['nonImplementation', 'missedReports']), path: ['nonImplementation', 'missedReports'], validation: intRange(0, 99) },
  { name: '不落实退回次数', value: num(['nonImplementation', 'returns']), path: ['nonImplementation', 'returns'], validation: intRange(0, 99) },
  { name: '催办后仍逾期天数', value: num(['nonImplementation', 'daysAfterUrge']), path: ['nonImplementation', 'daysAfterUrge'], validation: intRange(0, 366) },
  { name: '通报批评逾期天数', value: num(['accountability', 'criticiseOverdue']), path: ['accountability', 'criticiseOverdue'], validation: intRange(0, 366) },
  { name: '督查约谈逾期天数', value: num(['accountability', 'interviewOverdue']), path: ['accountability', 'interviewOverdue'], validation: intRange(0, 366) },
  { name: '移送逾期天数', value: num(['accountability', 'referOverdue']), path: ['accountability', 'referOverdue'], validation: intRange(0, 366) },
  { name: '整改期限工作日', value: num(['rectifyWorkdays']), path: ['rectifyWorkdays'], validation: intRange(0, 366) },
  { name: '中心主任', value: (s) => s.director, path: ['director'] },
  { name: '保护密码', value: () => '' },
  { name: '日历调整', value: () => '见“日历”表', locked: true, noName: true },
  { name: '结构版本', value: () => SCHEMA_VERSION, locked: true },
  // Rows added after the first release go after 结构版本, so 初始化台账 appends them to an older ledger.
  { name: '扣分上限', value: num(['deductionCap']), path: ['deductionCap'], validation: intRange(0, 1000) },
  // The 公文 documents (src/domain/documents/settings.ts): after 结构版本, so 初始化台账 appends them
  // to an older ledger without moving a row; until then the add-in reads their defaults.
  ...(Object.keys(DOCUMENT_SETTING_NAMES) as DocumentSettingName[]).map((name): SettingRow => ({
    name,
    value: () => documentSettingDefault(name),
    ...(name === '红色催办次数' ? { validation: intRange(1, 99) } : name === '催办反馈工作日' ? { validation: intRange(0, 366) } : {}),
  })),
  // 导入科室台账 remembers the clerk's choices here (src/domain/import/remembered.ts); text, no name.
  { name: '导入列映射', value: () => '', noName: true },
  { name: '科室别名', value: () => '', noName: true },
];

/** Row of a setting on 设置 (header in row 1). */
export const settingRow = (name: SettingRow['name']) => SETTING_ROWS.findIndex((r) => r.name === name) + 2;
export const settingRef = (name: SettingRow['name']) => `设置!$B$${settingRow(name)}`;

export const settingsSheet: SheetSpec = {
  name: SHEET.settings,
  purpose: t.purpose.设置,
  tabColor: 'FF7F7F7F',
  tables: [],
  blocks: [],
  cells: [
    { address: 'A1', value: '名称', style: 'heading' },
    { address: 'B1', value: '值', style: 'heading' },
    { address: 'C1', value: '说明', style: 'heading' },
  ],
  conditionalFormats: [],
  freeze: { row: 1, col: 0 },
  protect: true,
  widths: { A: 18, B: 16, C: 90 },
};
for (const row of SETTING_ROWS) {
  const r = settingRow(row.name);
  settingsSheet.cells.push(
    { address: `A${r}`, value: row.name, style: 'label' },
    {
      address: `B${r}`,
      style: row.locked ? undefined : 'input',
      locked: row.locked ?? false,
      numFmt: row.numFmt,
      validation: row.validation,
    },
    { address: `C${r}`, value: t.settings[row.name], style: 'note' },
  );
}
