/**
 * The content of a 公文-style document (督办通知单, 催办单, 督查报告), independent of its format:
 * the docx renderer (src/documents/docx.ts) and the printable sheet (src/excel/documentSheets.ts)
 * draw the same blocks. Pure data.
 */

/** 催办等级: 蓝 临近 / 黄 逾期 / 红 repeated or typical non-implementation (rule: colour.ts). */
export const URGE_COLOURS = ['蓝', '黄', '红'] as const;
export type UrgeColour = (typeof URGE_COLOURS)[number];

/** RGB hex (no #) of each 催办等级, used on the document and on the printable sheet. */
export const URGE_COLOUR_HEX: Record<UrgeColour, string> = { 蓝: '0070C0', 黄: 'FFC000', 红: 'E60012' };

export interface TableBlock {
  type: 'table';
  caption?: string;
  headers: string[];
  rows: string[][];
  /** relative column widths (same length as headers) */
  widths: number[];
}

export type Block =
  /**
   * body text, 3号仿宋, first line indented two characters (`indent` characters when given);
   * `lead` is a run-in heading before the text, e.g. 「（一）」 in 楷体
   */
  | { type: 'paragraph'; text: string; indent?: number; lead?: string }
  /** 一、 (黑体) or （一） (楷体) */
  | { type: 'heading'; level: 1 | 2; text: string }
  /** a two-column label / value table (通知单, 催办单) */
  | { type: 'fields'; rows: { label: string; value: string }[] }
  | TableBlock
  /** 署名 and 成文日期, right-aligned */
  | { type: 'signature'; lines: string[] }
  /** 签收 lines (签收人, 日期) */
  | { type: 'signOff'; heading: string; lines: string[] };

export interface ColourBand {
  colour: UrgeColour;
  hex: string;
  /** 「红色催办」 */
  label: string;
  /** what the colour means */
  meaning: string;
}

export interface Attachment {
  /** 附件1 */
  heading: string;
  /** 问题清单 */
  title: string;
  table: TableBlock;
}

export interface OfficialDocument {
  kind: 'notice' | 'urge' | 'sectionUrge' | 'report';
  fileName: string;
  /** 版头: 发文机关标志, printed in red (the 督查报告) */
  organMark?: string;
  /** 文号, e.g. 后勤督〔2026〕42号 */
  docNumber: string;
  title: string;
  /** 催办单: its 催办等级 */
  colour?: ColourBand;
  /** 主送机关 (report) or the 承办科室 addressed (通知单 / 催办单) */
  addressee: string;
  body: Block[];
  /** each on a page of its own after the body */
  attachments: Attachment[];
  /** 版记 (report): 抄送, 印发机关 and 印发日期 */
  colophon?: { cc: string; printer: string; date: string };
}

/** The plain text of a document, in reading order (for tests and the copyable message). */
export function documentText(doc: OfficialDocument): string[] {
  const out: string[] = [];
  if (doc.organMark) out.push(doc.organMark);
  out.push(doc.docNumber, doc.title);
  if (doc.colour) out.push(doc.colour.label);
  if (doc.addressee) out.push(doc.addressee);
  const blocks = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.type === 'paragraph') out.push(`${b.lead ?? ''}${b.text}`);
      else if (b.type === 'heading') out.push(b.text);
      else if (b.type === 'fields') for (const r of b.rows) out.push(`${r.label}：${r.value}`);
      else if (b.type === 'table') {
        if (b.caption) out.push(b.caption);
        for (const r of [b.headers, ...b.rows]) out.push(r.join('\t'));
      } else if (b.type === 'signature') out.push(...b.lines);
      else out.push(b.heading, ...b.lines);
    }
  };
  blocks(doc.body);
  for (const a of doc.attachments) blocks([{ type: 'paragraph', text: a.heading }, { type: 'paragraph', text: a.title }, a.table]);
  if (doc.colophon) out.push(doc.colophon.cc, doc.colophon.printer, doc.colophon.date);
  return out.filter((s) => s !== '');
}
