/**
 * Settings of the 公文 documents (设置 sheet rows appended after 结构版本, so an older ledger gets
 * them from 初始化台账 and, until then, reads the defaults). Pure: the adapter passes the 设置
 * name → value pairs it read.
 */

export interface DocumentSettings {
  /** 督办文号格式, e.g. 后勤督〔{年}〕{号}号 (通知单, 催办单) */
  noticeNumberPattern: string;
  /** 报告文号格式 (督查报告) */
  reportNumberPattern: string;
  /** 发文机关标志 (版头, red) */
  organMark: string;
  /** 发文机关 (署名) */
  organ: string;
  /** 主送机关 */
  addressee: string;
  /** 抄送机关; '' prints no 抄送 line */
  cc: string;
  /** 印发机关 */
  printer: string;
  /** 红色催办次数: this 催办 is the n-th and n ≥ this → 红 */
  redUrgeCount: number;
  /** 催办反馈工作日: reply due this many working days after the 催办 */
  urgeReplyWorkdays: number;
}

export function defaultDocumentSettings(): DocumentSettings {
  return {
    noticeNumberPattern: '后勤督〔{年}〕{号}号',
    reportNumberPattern: '后勤督查〔{年}〕{号}号',
    organMark: '后勤服务中心文件',
    organ: '后勤服务中心',
    addressee: '各科室',
    cc: '中心领导班子成员',
    printer: '后勤服务中心党政办公室',
    redUrgeCount: 2,
    urgeReplyWorkdays: 1,
  };
}

/** 设置 名称 → field, in the order the rows are appended to 设置. */
export const DOCUMENT_SETTING_NAMES = {
  督办文号格式: 'noticeNumberPattern',
  报告文号格式: 'reportNumberPattern',
  发文机关标志: 'organMark',
  发文机关: 'organ',
  主送机关: 'addressee',
  抄送机关: 'cc',
  印发机关: 'printer',
  红色催办次数: 'redUrgeCount',
  催办反馈工作日: 'urgeReplyWorkdays',
} as const satisfies Record<string, keyof DocumentSettings>;

export type DocumentSettingName = keyof typeof DOCUMENT_SETTING_NAMES;

/**
 * From the 设置 pairs (名称 → value; a blank cell as null). A row that is missing (older ledger)
 * or blank reads its default, except 抄送机关, which may be left blank on purpose. A number that
 * is not a whole number in range reads its default; a pattern without {号} reads its default.
 */
export function documentSettingsFromPairs(byName: ReadonlyMap<string, unknown>): DocumentSettings {
  const s = defaultDocumentSettings();
  const text = (name: DocumentSettingName): string | null => {
    if (!byName.has(name)) return null;
    const v = byName.get(name);
    return v === null || v === undefined ? '' : String(v).trim();
  };
  const str = (name: DocumentSettingName, fallback: string, blankAllowed = false): string => {
    const v = text(name);
    if (v === null) return fallback;
    return v === '' && !blankAllowed ? fallback : v;
  };
  const int = (name: DocumentSettingName, fallback: number, min: number, max: number): number => {
    const v = text(name);
    const n = v === null || v === '' ? NaN : Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  const pattern = (name: DocumentSettingName, fallback: string) => {
    const v = str(name, fallback);
    return v.includes('{号}') ? v : fallback;
  };
  return {
    noticeNumberPattern: pattern('督办文号格式', s.noticeNumberPattern),
    reportNumberPattern: pattern('报告文号格式', s.reportNumberPattern),
    organMark: str('发文机关标志', s.organMark),
    organ: str('发文机关', s.organ),
    addressee: str('主送机关', s.addressee),
    cc: str('抄送机关', s.cc, true),
    printer: str('印发机关', s.printer),
    redUrgeCount: int('红色催办次数', s.redUrgeCount, 1, 99),
    urgeReplyWorkdays: int('催办反馈工作日', s.urgeReplyWorkdays, 0, 366),
  };
}

/** The default value of a 设置 row (template and 初始化台账). */
export function documentSettingDefault(name: DocumentSettingName): string | number {
  return defaultDocumentSettings()[DOCUMENT_SETTING_NAMES[name]];
}

/**
 * 文号 from a pattern: {年} and {号} replaced, e.g. 后勤督〔{年}〕{号}号 → 后勤督〔2026〕42号.
 * Half-width brackets typed by hand become the 六角括号 GB/T 9704 asks for.
 */
export function formatDocNumber(pattern: string, year: number | string, no: number | string): string {
  return pattern
    .replace(/\{年\}/g, String(year))
    .replace(/\{号\}/g, String(no))
    .replace(/\[(\d{4})\]/g, '〔$1〕');
}
