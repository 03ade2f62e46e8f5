/**
 * The 督办通知单 and 催办单 as printable sheets of the workbook (A4 portrait, one document per
 * sheet, rewritten each time): the same OfficialDocument the .docx is drawn from, laid out over
 * columns A:F. Two round trips: 1. does the sheet exist; 2. add it (or clear it), write, style,
 * set up printing, activate.
 */
import type { Block, OfficialDocument } from '../domain/documents/model';
import { err, ok, type Result } from '../domain/result';
import { documents as t } from '../i18n/documents';
import { documentPrintSetup } from '../workbook/print';
import { textCell } from './cells';
import { syncMessage } from './operationLog';
import { queuePrintSetup } from './printSetup';
import { queueStyles, textWidth, type StyleOp } from './reportStyle';
import type { ExcelRun } from './run';

export const DOCUMENT_SHEET_WIDTH = 6;
const LAST = 'F';
/** Column widths A:F in points: 462 pt, the A4 width inside the document margins. */
export const DOCUMENT_SHEET_COLUMNS = [66, 82, 78, 78, 80, 78] as const;
const FONT = '仿宋';
const HEAD_FONT = '黑体';
const SIZE = 12;
const LINE = 18;

export interface DocumentSheetLayout {
  name: string;
  /** rows of six cells */
  rows: string[][];
  /** A1 ranges to merge */
  merges: string[];
  styles: StyleOp[];
}

/** Which sheet a document goes to. */
export function documentSheetName(doc: OfficialDocument): string {
  return doc.kind === 'notice' ? t.sheets.notice : t.sheets.urge;
}

/** Height of a text wrapped over `points` of width at the sheet's size. */
function height(text: string, points: number): number {
  const perLine = Math.max(1, Math.floor(points / SIZE));
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l) / perLine)), 0);
  return lines * LINE + 6;
}

const widthOf = (from: number, to: number) => DOCUMENT_SHEET_COLUMNS.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** The document as sheet rows, merges and styles (pure). */
export function documentSheetLayout(doc: OfficialDocument): DocumentSheetLayout {
  const rows: string[][] = [];
  const merges: string[] = [];
  const styles: StyleOp[] = [];
  const add = (cells: string[]) => {
    rows.push([...cells, ...Array<string>(DOCUMENT_SHEET_WIDTH).fill('')].slice(0, DOCUMENT_SHEET_WIDTH));
    return rows.length;
  };
  const line = (text: string, style: Omit<StyleOp, 'range'> = {}) => {
    const r = add([text]);
    merges.push(`A${r}:${LAST}${r}`);
    styles.push({ range: `A${r}:${LAST}${r}`, wrap: true, vertical: 'Center', horizontal: 'Left', rowHeight: height(text, widthOf(0, 5)), ...style });
    return r;
  };
  line(doc.title, {
    font: { name: HEAD_FONT, size: 20, bold: true, color: doc.colour ? `#${doc.colour.hex}` : '#000000' },
    horizontal: 'Center',
    rowHeight: 36,
  });
  line(doc.docNumber, { horizontal: 'Right', rowHeight: 22 });
  if (doc.colour) {
    line(`${doc.colour.label}（${doc.colour.meaning}）`, {
      fill: `#${doc.colour.hex}`,
      font: { name: HEAD_FONT, size: 13, bold: true, color: doc.colour.colour === '黄' ? '#000000' : '#FFFFFF' },
      horizontal: 'Center',
      rowHeight: 24,
    });
  }
  if (doc.addressee) line(doc.addressee);
  for (const b of doc.body) block(b);
  return { name: documentSheetName(doc), rows, merges, styles };

  function block(b: Block): void {
    switch (b.type) {
      case 'paragraph':
        line(`${'\u3000'.repeat(b.indent ?? 2)}${b.lead ?? ''}${b.text}`);
        return;
      case 'heading':
        line(b.text, { font: { name: HEAD_FONT, bold: true } });
        return;
      case 'fields': {
        const first = rows.length + 1;
        for (const f of b.rows) {
          const r = add([f.label, '', f.value]);
          merges.push(`A${r}:B${r}`, `C${r}:${LAST}${r}`);
          styles.push(
            { range: `A${r}:B${r}`, font: { name: HEAD_FONT, bold: true }, fill: '#EDEDED', horizontal: 'Center', vertical: 'Center' },
            { range: `C${r}:${LAST}${r}`, wrap: true, horizontal: 'Left', vertical: 'Center', rowHeight: Math.max(22, height(f.value, widthOf(2, 5))) },
          );
        }
        styles.push({ range: `A${first}:${LAST}${rows.length}`, grid: true });
        return;
      }
      case 'table': {
        const n = DOCUMENT_SHEET_WIDTH;
        const fit = (cells: readonly string[]) => (cells.length <= n ? [...cells] : [...cells.slice(0, n - 1), cells.slice(n - 1).join('；')]);
        if (b.caption) line(b.caption, { font: { name: HEAD_FONT, bold: true }, horizontal: 'Center' });
        const head = add(fit(b.headers));
        styles.push({
          range: `A${head}:${LAST}${head}`,
          font: { name: HEAD_FONT, bold: true },
          fill: '#EDEDED',
          horizontal: 'Center',
          vertical: 'Center',
          wrap: true,
          rowHeight: 24,
        });
        for (const r of b.rows) {
          const cells = fit(r);
          const row = add(cells);
          const tallest = Math.max(...cells.map((c, i) => height(c, DOCUMENT_SHEET_COLUMNS[i])));
          styles.push({ range: `A${row}:${LAST}${row}`, wrap: true, vertical: 'Center', horizontal: 'Left', rowHeight: Math.max(22, tallest) });
        }
        styles.push({ range: `A${head}:${LAST}${rows.length}`, grid: true });
        return;
      }
      case 'signature':
        add([]);
        for (const l of b.lines) line(l, { horizontal: 'Right' });
        return;
      case 'signOff':
        add([]);
        line(b.heading, { font: { name: HEAD_FONT, bold: true } });
        for (const l of b.lines) line(`${l}________________`);
        return;
    }
  }
}

/** Write a document into its sheet (replacing what the sheet held) and select it. */
export async function writeDocumentSheet(run: ExcelRun, doc: OfficialDocument): Promise<Result<{ sheet: string; rows: number }>> {
  const layout = documentSheetLayout(doc);
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const exists = sheets.items.some((s) => s.name === layout.name);
      const ws = exists ? context.workbook.worksheets.getItem(layout.name) : context.workbook.worksheets.add(layout.name);
      if (exists) {
        const used = ws.getUsedRange();
        used.unmerge();
        used.clear('All' as Excel.ClearApplyTo.all);
      }
      const last = layout.rows.length;
      ws.getRange(`A1:${LAST}${last}`).values = layout.rows.map((r) => r.map((c) => textCell(c)));
      const all = ws.getRange(`A1:${LAST}${last}`).format;
      all.font.name = FONT;
      all.font.size = SIZE;
      DOCUMENT_SHEET_COLUMNS.forEach((w, i) => {
        ws.getRange(`${String.fromCharCode(65 + i)}:${String.fromCharCode(65 + i)}`).format.columnWidth = w;
      });
      for (const m of layout.merges) ws.getRange(m).merge(false);
      queueStyles(ws, layout.styles);
      queuePrintSetup(ws, { ...documentPrintSetup({ lastRow: last, lastColumn: LAST }), titleRows: undefined });
      ws.activate();
      await context.sync();
      return ok({ sheet: layout.name, rows: last });
    });
  } catch (e) {
    return err('excel', syncMessage(e));
  }
}
