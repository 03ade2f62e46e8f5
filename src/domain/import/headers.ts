/**
 * Which ledger column each pasted column goes to. A section's own sheet names its columns its own
 * way (责任科室, 完成时间, 工作任务), numbers its rows (序号) and types headers with full-width
 * letters or stray spaces; the clerk should not have to retype the header line. So a pasted
 * header is matched after normalisation, then against the synonyms below; 序号 is left out on
 * purpose; anything else unmatched is reported once as not imported (never as row errors).
 */

/** Common names sections use for a ledger column (the ledger's own header always matches). */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  编号: ['督办编号', '事项编号', '台账编号'],
  立项日期: ['立项时间'],
  来源类别: ['来源', '事项来源', '督办来源', '来源分类', '督办事项来源'],
  交办层级: ['层级', '交办级别'],
  事项内容: ['工作任务', '事项名称', '督办事项', '任务内容', '工作内容', '督办内容', '事项', '任务'],
  '目标任务/工作要求': ['目标任务', '工作要求', '目标要求', '工作目标', '任务要求'],
  承办科室: ['责任科室', '承办单位', '责任单位', '承办部门', '责任部门', '牵头科室', '科室'],
  协办科室: ['配合科室', '协办单位', '配合单位', '协办部门'],
  事项类型: ['类型', '事项类别'],
  交办日期: ['交办时间'],
  完成时限: ['完成时间', '办结时限', '完成期限', '截止日期', '截止时间', '时限要求', '时限'],
  最近进展: ['进展情况', '落实情况', '办理情况', '工作进展', '进展', '完成情况'],
  备注: ['说明', '附注', '其他说明'],
  佐证材料: ['佐证', '附件', '证明材料', '佐证资料', '佐证附件'],
};

/** Row numbers of the section's sheet: left out without a warning. */
export const SERIAL_HEADERS: readonly string[] = ['序号', '序', 'no', 'no.'];

/**
 * A header as compared: NFKC (full-width letters, digits and brackets become ASCII), no
 * whitespace of any width, no zero-width characters, lower-case Latin, no trailing colon.
 */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s\u200B\uFEFF]+/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** "完成时限（截止日期）" → "完成时限": a bracketed explanation after the name. */
const withoutBracket = (key: string) => key.replace(/\(.*\)$|【.*】$|\[.*\]$/, '');

/**
 * What the user chose for a pasted column (by its header): a ledger column, or one of these two.
 * Remembered in the workbook (设置 导入列映射), so the next block from the same section maps at once.
 */
export const INTO_NOTE = '并入备注';
export const LEAVE_OUT = '不导入';

/** `chosen`: the user's (or the workbook's remembered) choice; `note`: goes into 备注 as "列名：内容"; `skipped`: left out by choice. */
export type MappingKind = 'exact' | 'synonym' | 'serial' | 'ignored' | 'duplicate' | 'chosen' | 'note' | 'skipped';

export interface ColumnMapping {
  /** column letter in the pasted block */
  column: string;
  /** the header as pasted (trimmed) */
  pasted: string;
  /** the ledger column it fills, or null when it is not imported */
  target: string | null;
  kind: MappingKind;
  /** for a duplicate: the ledger column and the pasted column letter that already fills it */
  duplicateOf?: { target: string; column: string };
}

export interface HeaderMap {
  /** one entry per non-blank pasted header, in pasted order */
  columns: ColumnMapping[];
  /** target header → 0-based position of the pasted column that fills it */
  positions: Map<string, number>;
  /** target header → column letter in the pasted block */
  letters: Record<string, string>;
}

/** 1 → A, 27 → AA (the pasted block's own columns). */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** key → target header: the targets themselves first, then their synonyms (only for targets given). */
function lookupTable(targets: readonly string[]): Map<string, { target: string; exact: boolean }> {
  const m = new Map<string, { target: string; exact: boolean }>();
  for (const t of targets) m.set(headerKey(t), { target: t, exact: true });
  for (const t of targets) {
    for (const s of HEADER_SYNONYMS[t] ?? []) {
      const k = headerKey(s);
      if (!m.has(k)) m.set(k, { target: t, exact: false });
    }
  }
  return m;
}

/** The user's choices by header key; a choice of a column the ledger lacks is dropped. */
function choiceTable(choices: Readonly<Record<string, string>>, targets: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [pasted, target] of Object.entries(choices)) {
    if (target === INTO_NOTE && !targets.includes('备注')) continue;
    if (target === INTO_NOTE || target === LEAVE_OUT || targets.includes(target)) m.set(headerKey(pasted), target);
  }
  return m;
}

/**
 * Map pasted headers onto `targets` (the ledger's input headers, in sheet order). The user's
 * `choices` (pasted header → ledger header, INTO_NOTE or LEAVE_OUT) come first, then the headers
 * and synonyms. The first pasted column for a target wins; a later one is a duplicate. A synonym
 * whose target is not among `targets` (a ledger without 备注) is simply not imported.
 */
export function mapHeaders(headers: readonly string[], targets: readonly string[], choices: Readonly<Record<string, string>> = {}): HeaderMap {
  const table = lookupTable(targets);
  const chosen = choiceTable(choices, targets);
  const serial = new Set(SERIAL_HEADERS.map(headerKey));
  const out: HeaderMap = { columns: [], positions: new Map(), letters: {} };
  headers.forEach((raw, i) => {
    const pasted = raw.replace(/^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/g, '');
    if (pasted === '') return;
    const column = columnLetter(i + 1);
    const key = headerKey(pasted);
    const choice = chosen.get(key);
    if (choice === INTO_NOTE || choice === LEAVE_OUT) {
      out.columns.push({ column, pasted, target: null, kind: choice === INTO_NOTE ? 'note' : 'skipped' });
      return;
    }
    const hit = choice ? { target: choice, exact: false } : (table.get(key) ?? table.get(withoutBracket(key)));
    if (!hit) {
      out.columns.push({ column, pasted, target: null, kind: serial.has(key) ? 'serial' : 'ignored' });
      return;
    }
    if (out.positions.has(hit.target)) {
      out.columns.push({ column, pasted, target: null, kind: 'duplicate', duplicateOf: { target: hit.target, column: out.letters[hit.target] } });
      return;
    }
    out.positions.set(hit.target, i);
    out.letters[hit.target] = column;
    out.columns.push({ column, pasted, target: hit.target, kind: choice ? 'chosen' : hit.exact ? 'exact' : 'synonym' });
  });
  return out;
}
