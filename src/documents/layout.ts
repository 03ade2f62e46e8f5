/**
 * GB/T 9704-2012 《党政机关公文格式》 essentials as numbers, shared by the docx renderer and its
 * tests: A4 paper, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters, the fonts
 * by name (with the fallbacks a machine without them uses) and sizes in points.
 */

export const PAGE_MM = { width: 210, height: 297 } as const;
/** 天头 (top) 37 mm, 订口 (left) 28 mm; 版心 156 × 225 mm leaves 26 mm right and 35 mm bottom. */
export const MARGIN_MM = { top: 37, left: 28, right: 26, bottom: 35 } as const;
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;
/** 页码 sits 7 mm below the 版心: the footer distance from the paper's lower edge. */
export const FOOTER_MM = 35 - 7 - 5;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** twips per mm (1 in = 25.4 mm = 1440 twips) */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** Line pitch in twips: 225 mm / 22 lines. */
export const LINE_PITCH_TWIPS = Math.floor(mmToTwip(TYPE_AREA_MM.height) / LINES_PER_PAGE);
/**
 * 28 characters per line: 3号 (16 pt) glyphs set 0.25 pt closer (w:spacing, in twentieths of a
 * point) take 15.75 pt each, 28 of them 441 pt of the 442.2 pt 版心 width. (A Word character grid,
 * docGrid linesAndChars, does the same in Word but LibreOffice spreads the glyphs over it. The 22
 * lines are exact line spacing of LINE_PITCH_TWIPS on the text, not a line grid, which LibreOffice
 * would also impose on table rows.)
 */
export const BODY_CHAR_SPACING = -5;
export const charsPerLine = (): number => Math.floor((TYPE_AREA_MM.width * 72) / 25.4 / (16 + BODY_CHAR_SPACING / 20));

/** 字号 in points */
export const SIZE_PT = { 小初: 36, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;

/** Fonts named exactly as GB/T 9704 asks; `fallback` is what a machine without them should use. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading1: { name: '黑体', fallback: '宋体' },
  heading2: { name: '楷体_GB2312', fallback: '楷体' },
  pageNumber: { name: '宋体', fallback: '宋体' },
} as const;

/** 发文机关标志: its upper edge 35 mm below the 版心's upper edge. */
export const ORGAN_MARK_TOP_MM = 35;

/** 版头 and its 分隔线 are red. */
export const RED = 'FF0000';
