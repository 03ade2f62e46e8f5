/**
 * Renders an OfficialDocument (src/domain/documents) as a .docx with the `docx` library, laid out
 * to GB/T 9704-2012 (see layout.ts). Loaded only when a document is asked for (dynamic import in
 * the task pane), so neither this module nor `docx` is in the pane's initial bundle.
 *
 * Font fallbacks: the runs name the fonts exactly (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312);
 * word/fontTable.xml gives each an altName (仿宋, 宋体, 楷体) and the GB2312 charset, which Word
 * uses on a machine without the font; LibreOffice substitutes by its own table.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { Block, OfficialDocument, TableBlock } from '../domain/documents/model';
import { BODY_CHAR_SPACING, FONTS, ORGAN_MARK_TOP_MM, FOOTER_MM, LINE_PITCH_TWIPS, MARGIN_MM, PAGE_MM, RED, SIZE_PT, TYPE_AREA_MM, mmToTwip } from './layout';

type FontKey = keyof typeof FONTS;

const half = (pt: number) => pt * 2;
const CHAR = 315; // one 3号 character (15.75 pt), twips
const TYPE_WIDTH = mmToTwip(TYPE_AREA_MM.width);

function font(key: FontKey) {
  const name = FONTS[key].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** 3号 text is set 0.25 pt tighter (28 characters a line); table text does not snap to the line grid. */
function look(pt: number) {
  return pt === SIZE_PT.三号 ? { characterSpacing: BODY_CHAR_SPACING } : pt < SIZE_PT.四号 ? { snapToGrid: false } : {};
}

function run(text: string, key: FontKey, pt: number, extra: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: font(key), size: half(pt), ...look(pt), ...extra });
}

/** Text with line breaks as runs separated by breaks. */
function runs(text: string, key: FontKey, pt: number, extra: { bold?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, font: font(key), size: half(pt), break: i > 0 ? 1 : undefined, ...look(pt), ...extra }));
}

/**
 * Lines are exactly the 公文 line pitch (225 mm / 22, 固定值 28.95 磅) unless a paragraph sets its
 * own spacing: 22 lines a page in Word and LibreOffice alike, while tables keep their own height.
 */
function para(children: TextRun[], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ children, spacing: { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT }, ...opts });
}

const blank = () => para([run('', 'body', SIZE_PT.三号)]);

const cellBorders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};

function cell(text: string, width: number, opts: { head?: boolean; fill?: string; colour?: string; align?: 'center' | 'left' } = {}): TableCell {
  const key: FontKey = opts.head ? 'heading1' : 'body';
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: cellBorders,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      para(runs(text, key, SIZE_PT.五号, { color: opts.colour }), {
        alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        // exact 15 pt lines: table text keeps off the page's 22-line grid
        spacing: { line: 300, lineRule: LineRuleType.EXACT },
      }),
    ],
  });
}

function columnWidths(rel: readonly number[]): number[] {
  const total = rel.reduce((a, b) => a + b, 0);
  const ws = rel.map((w) => Math.floor((TYPE_WIDTH * w) / total));
  ws[ws.length - 1] += TYPE_WIDTH - ws.reduce((a, b) => a + b, 0);
  return ws;
}

function table(b: TableBlock): (Paragraph | Table)[] {
  const widths = columnWidths(b.widths);
  const wide = (i: number) => b.widths[i] >= 20; // long text reads left-aligned
  const rows = [
    new TableRow({ tableHeader: true, children: b.headers.map((h, i) => cell(h, widths[i], { head: true })) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i], { align: wide(i) ? 'left' : 'center' })) })),
  ];
  const out: (Paragraph | Table)[] = [];
  if (b.caption) out.push(para([run(b.caption, 'heading1', SIZE_PT.四号)], { alignment: AlignmentType.CENTER, keepNext: true }));
  out.push(new Table({ rows, width: { size: TYPE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED }));
  return out;
}

function fields(rows: readonly { label: string; value: string }[]): Table {
  const widths = columnWidths([28, 72]);
  return new Table({
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map((r) => new TableRow({ cantSplit: true, children: [cell(r.label, widths[0], { head: true }), cell(r.value, widths[1], { align: 'left' })] })),
  });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [
        para([...(b.lead ? [run(b.lead, 'heading2', SIZE_PT.三号)] : []), ...runs(b.text, 'body', SIZE_PT.三号)], {
          indent: { firstLine: (b.indent ?? 2) * CHAR },
          alignment: AlignmentType.JUSTIFIED,
        }),
      ];
    case 'heading':
      return [para([run(b.text, b.level === 1 ? 'heading1' : 'heading2', SIZE_PT.三号)], { indent: { firstLine: 2 * CHAR }, keepNext: true })];
    case 'fields':
      return [fields(b.rows)];
    case 'table':
      return table(b);
    case 'signature':
      return [blank(), ...b.lines.map((l) => para([run(l, 'body', SIZE_PT.三号)], { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }))];
    case 'signOff':
      return [
        blank(),
        para([run(b.heading, 'heading1', SIZE_PT.三号)], { keepNext: true }),
        ...b.lines.map((l) => para([run(`${l}________________`, 'body', SIZE_PT.三号)], { keepNext: true })),
      ];
  }
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  const r = (t: string) => new TextRun({ text: t, font: font('pageNumber'), size: half(SIZE_PT.四号) });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: 280 } : { left: 280 },
        children: [r('— '), new TextRun({ children: [PageNumber.CURRENT], font: font('pageNumber'), size: half(SIZE_PT.四号) }), r(' —')],
      }),
    ],
  });
}

/** The 版头 of the 督查报告: 发文机关标志 (red), 文号, the red 分隔线. */
function masthead(doc: OfficialDocument): Paragraph[] {
  if (!doc.organMark) {
    const out = [para([run(doc.title, 'title', SIZE_PT.二号, doc.colour ? { color: doc.colour.hex } : {})], { alignment: AlignmentType.CENTER })];
    out.push(para([run(doc.docNumber, 'body', SIZE_PT.三号)], { alignment: AlignmentType.RIGHT }));
    return out;
  }
  return [
    // the mark's upper edge 35 mm down: the space before, less the line's leading above the glyphs
    para([run(doc.organMark, 'title', SIZE_PT.小初, { color: RED })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: mmToTwip(ORGAN_MARK_TOP_MM) - 4 * SIZE_PT.小初, after: 480, line: 20 * SIZE_PT.小初 + 120, lineRule: LineRuleType.EXACT },
    }),
    para([run(doc.docNumber, 'body', SIZE_PT.三号)], {
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
    blank(),
    para([run(doc.title, 'title', SIZE_PT.二号)], { alignment: AlignmentType.CENTER }),
    blank(),
  ];
}

function colourBand(doc: OfficialDocument): (Paragraph | Table)[] {
  if (!doc.colour) return [];
  const c = doc.colour;
  const text = c.colour === '黄' ? '000000' : 'FFFFFF';
  return [
    new Table({
      width: { size: TYPE_WIDTH, type: WidthType.DXA },
      columnWidths: [TYPE_WIDTH],
      rows: [new TableRow({ children: [cell(`${c.label}（${c.meaning}）`, TYPE_WIDTH, { head: true, fill: c.hex, colour: text })] })],
    }),
  ];
}

/** 版记: 抄送 and 印发机关 / 印发日期 between the 分隔线 (first and last thick, the middle thin). */
function colophon(doc: OfficialDocument): Paragraph[] {
  if (!doc.colophon) return [];
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 };
  const c = doc.colophon;
  const out: Paragraph[] = [blank()];
  if (c.cc) out.push(para([run(c.cc, 'body', SIZE_PT.四号)], { indent: { left: 280, right: 280 }, border: { top: thick } }));
  out.push(
    para([run(c.printer, 'body', SIZE_PT.四号), new TextRun({ children: ['\t'] }), run(c.date, 'body', SIZE_PT.四号)], {
      indent: { left: 280, right: 280 },
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - 560 }],
      border: { top: c.cc ? thin : thick, bottom: thick },
    }),
  );
  return out;
}

/** The document's children in order: 版头, 主送, 正文, 附件 (each from a new page), 版记. */
function content(doc: OfficialDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [...masthead(doc), ...colourBand(doc)];
  if (doc.addressee) out.push(para([run(doc.addressee, 'body', SIZE_PT.三号)]));
  for (const b of doc.body) out.push(...block(b));
  for (const a of doc.attachments) {
    out.push(para([run(a.heading, 'heading1', SIZE_PT.三号)], { pageBreakBefore: true }));
    out.push(para([run(a.title, 'title', SIZE_PT.二号)], { alignment: AlignmentType.CENTER, spacing: { after: 240 } }));
    out.push(...(a.table.rows.length ? table(a.table) : [para([run('（无）', 'body', SIZE_PT.三号)], { alignment: AlignmentType.CENTER })]));
  }
  out.push(...colophon(doc));
  return out;
}

/** word/fontTable.xml naming every font with its fallback (altName) and the GB2312 charset. */
export function fontTableXml(): string {
  const fonts = new Map<string, string>();
  for (const f of Object.values(FONTS)) fonts.set(f.name, f.fallback);
  for (const f of Object.values(FONTS)) if (!fonts.has(f.fallback)) fonts.set(f.fallback, f.fallback);
  const entries = [...fonts]
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}">${alt !== name ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries +
    '</w:fonts>'
  );
}

export function buildDocx(doc: OfficialDocument): Document {
  return new Document({
    creator: doc.colophon?.printer ?? '',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font('body'), size: half(SIZE_PT.三号) } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAGE_MM.width), height: mmToTwip(PAGE_MM.height) },
            margin: {
              top: mmToTwip(MARGIN_MM.top),
              // the 版心 exactly 156 × 225 mm, whatever the rounding of each margin to twips
              bottom: mmToTwip(PAGE_MM.height) - mmToTwip(MARGIN_MM.top) - mmToTwip(TYPE_AREA_MM.height),
              left: mmToTwip(MARGIN_MM.left),
              right: mmToTwip(PAGE_MM.width) - mmToTwip(MARGIN_MM.left) - TYPE_WIDTH,
              header: mmToTwip(15),
              footer: mmToTwip(FOOTER_MM),
            },
          },
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: content(doc),
      },
    ],
  });
}

/** The .docx file as a Blob (browser) — what the task pane downloads. */
export async function docxBlob(doc: OfficialDocument): Promise<Blob> {
  return Packer.toBlob(buildDocx(doc), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** The .docx file as bytes (Node: tests and tools). */
export async function docxBytes(doc: OfficialDocument): Promise<Uint8Array> {
  return Packer.toBuffer(buildDocx(doc), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
