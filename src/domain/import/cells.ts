/**
 * Pasted cells as sections type them, read the way the ledger needs them. Each reader returns the
 * ledger's value or null ("not this form": the row's validation then judges the text as typed), so
 * a reading is never a guess: a value that could mean two things is left for validation to refuse.
 */
import { daysInMonth, serialToIso } from '../parseDate';
import { SOURCE_CATEGORIES } from '../types';

/** Leading and trailing whitespace of any width (U+3000 included) and zero-width characters. */
export function trimCell(s: string): string {
  return s.replace(/^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g, '');
}

/**
 * The seed document's own wording of the ten 来源类别 (§三 督办重点), in order: sections copy it
 * into their sheets, often without the closing "的落实情况".
 */
export const SEED_SOURCE_WORDING: readonly string[] = [
  '上级机关、主管部门重要文件、会议与重要工作部署的贯彻落实情况',
  '学校党委会、校长办公会和其他专题工作会议重要决议事项和重要工作部署的完成落实情况',
  '学校重点工作、重点建设项目的落实情况',
  '上级及学校主要领导的批示、交办事项的落实情况',
  '上级职能部门要求的重要工作落实情况',
  '巡视、巡察、审计等要求整改落实的问题',
  '后勤中心各类会议决议事项的完成落实情况',
  '后勤中心重大事项、目标任务、工作计划等的落实情况',
  '后勤中心安全稳定及其他专项工作落实情况',
  '其他需要督查督办事项',
];

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Only the words: no punctuation, brackets or spaces. */
const wordsKey = (s: string) => s.replace(/[\s、，,.。．;；:：/／()（）“”"'‘’\-—…]+/g, '');

/**
 * The seed's numbering as written: "（六）", "(六)", "六、", "六", "6", "6." — bracketed, followed by
 * a separator, or standing alone, so a name that merely starts with a numeral is not cut.
 */
function ordinal(s: string): { n: number; rest: string } | null {
  const m = /^(?:[(（]\s*([一二三四五六七八九十]|10|[1-9])\s*[)）]|([一二三四五六七八九十]|10|[1-9])(?=[、.．,，:：\s]|$))[、.．,，:：\s]*/.exec(s);
  if (!m) return null;
  const token = m[1] ?? m[2];
  const n = /\d/.test(token) ? Number(token) : CN_NUMERALS.indexOf(token) + 1;
  return { n, rest: s.slice(m[0].length) };
}

/** The categories whose short name or seed wording the words are (or begin the seed wording). */
function categoriesOfWords(words: string): number[] {
  const key = wordsKey(words);
  if (key === '') return [];
  const hits: number[] = [];
  SOURCE_CATEGORIES.forEach((name, i) => {
    const seed = wordsKey(SEED_SOURCE_WORDING[i]);
    const short = wordsKey(name);
    if (key === short || key === seed || (key.length >= 4 && seed.startsWith(key))) hits.push(i + 1);
  });
  return hits;
}

/**
 * 来源类别 as the seed writes it ("巡视、巡察、审计等要求整改落实的问题", "（六）", "六", "6",
 * "（六）巡视…") → the ledger's category name; null when the text is the name already, or is not
 * recognisably one category (then validation reports it as typed).
 */
export function readSourceAlias(raw: string): string | null {
  const s = trimCell(raw.normalize('NFKC')).replace(/[。.]+$/, '');
  if ((SOURCE_CATEGORIES as readonly string[]).includes(s)) return s === raw ? null : s;
  const o = ordinal(s);
  if (o) {
    if (o.n < 1 || o.n > SOURCE_CATEGORIES.length) return null;
    if (o.rest === '') return SOURCE_CATEGORIES[o.n - 1];
    const hits = categoriesOfWords(o.rest);
    return hits.length === 1 && hits[0] === o.n ? SOURCE_CATEGORIES[o.n - 1] : null;
  }
  const hits = categoriesOfWords(s);
  return hits.length === 1 ? SOURCE_CATEGORIES[hits[0] - 1] : null;
}

/** Levenshtein distance (names are a few characters long). */
function distance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** "工程科" in "工程管理科": every typed character, in order (a name shortened by dropping words). */
function isSubsequence(typed: readonly string[], name: readonly string[]): boolean {
  let k = 0;
  for (const ch of name) if (k < typed.length && typed[k] === ch) k += 1;
  return k === typed.length;
}

/**
 * The one listed 科室 a typed name most likely means ("公寓管理科" → "学生公寓管理科"): one name
 * inside the other (or shortened by dropping characters), or at most one character in four different. Null when none is close or two
 * are equally close (a suggestion must not be a coin toss).
 */
export function suggestSection(typed: string, sections: readonly string[]): string | null {
  const t = Array.from(trimCell(typed.normalize('NFKC')).replace(/\s+/g, ''));
  if (t.length < 2) return null;
  const scored = sections
    .map((name) => {
      const n = Array.from(name.normalize('NFKC'));
      const tj = t.join('');
      const nj = n.join('');
      const contains = nj.includes(tj) || tj.includes(nj) || isSubsequence(t, n);
      const d = distance(t, n);
      const close = d <= Math.max(1, Math.floor(Math.max(t.length, n.length) / 4));
      return { name, d, contains, ok: contains || close };
    })
    .filter((x) => x.ok && x.name !== typed)
    .sort((a, b) => a.d - b.d);
  // A name that holds what was typed (公寓管理科 → 学生公寓管理科) beats one a letter away from it:
  // "服务科" is 维修服务科 or 饮食服务科 (so no suggestion), never 财务科.
  if (scored.some((x) => x.contains)) scored.splice(0, scored.length, ...scored.filter((x) => x.contains));
  if (scored.length === 0) return null;
  if (scored.length > 1 && scored[1].d === scored[0].d) return null;
  return scored[0].name;
}

/** Serials of 2000-01-01 and 2099-12-31: a five-digit number in a date column between them is a date Excel showed as its number. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;

/** "46335" (a date cell copied from a General-formatted sheet) → "2026-11-09"; null otherwise. */
export function readSerialDate(raw: string): string | null {
  const s = trimCell(raw.normalize('NFKC'));
  if (!/^\d{5}(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= SERIAL_MIN && n <= SERIAL_MAX ? serialToIso(n) : null;
}

/** "11月30日", "11.30", "11/30", "11-30" read in `year`; null when not that form or no such day. */
export function readYearlessDate(raw: string, year: number): string | null {
  const s = trimCell(raw.normalize('NFKC')).replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:月(\d{1,2})[日号]?|[-/.](\d{1,2}))$/.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2] ?? m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
