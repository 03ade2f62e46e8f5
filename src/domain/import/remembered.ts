/**
 * What the workbook remembers of past imports, as two 设置 rows a clerk can read and edit:
 * 导入列映射 "责任单位=承办科室；完成日期=完成时限；联系人=并入备注" (a section's column → a ledger
 * column, 并入备注 or 不导入) and 科室别名 "公寓管理科=学生公寓管理科" (a 科室 name as sections type it
 * → the listed one the clerk accepted). Pairs are separated by "；" (or ";", a line break), each
 * "名称=值" (a full-width "＝" too); blanks and pairs without both sides are dropped.
 */

/** "a=b；c=d" → { a: 'b', c: 'd' }; the later of two pairs for one name wins. */
export function parseRemembered(text: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof text !== 'string') return out;
  for (const pair of text.split(/[；;\r\n]+/)) {
    const at = pair.search(/[=＝]/);
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (name !== '' && value !== '') out[name] = value;
  }
  return out;
}

/** { a: 'b', c: 'd' } → "a=b；c=d" (names and values holding a separator are left out: they could not be read back). */
export function formatRemembered(pairs: Readonly<Record<string, string>>): string {
  return Object.entries(pairs)
    .map(([k, v]) => [k.trim(), v.trim()])
    .filter(([k, v]) => k !== '' && v !== '' && !/[=＝；;\r\n]/.test(k) && !/[；;\r\n]/.test(v))
    .map(([k, v]) => `${k}=${v}`)
    .join('；');
}

/** The remembered pairs with the new ones over them (a new choice replaces the remembered one). */
export function mergeRemembered(remembered: Readonly<Record<string, string>>, chosen: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return { ...remembered, ...(chosen ?? {}) };
}
