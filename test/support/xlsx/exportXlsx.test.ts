import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import '../../../src/workbook/exceljsPatch';
import { parseRect } from '../../../src/excel/double/address';
import { createExcelDouble } from '../../../src/excel/double';
import { pageLayoutState } from '../../../src/excel/double/model';
import { insertDrawingElement } from './charts';
import { exportXlsx, pointsToCharWidth } from './exportXlsx';

const BOARD = '督查看板';

/** A 督查看板-like sheet: title, a 4-section table with formulas, formats, layout and three charts. */
async function board() {
  const xl = createExcelDouble({ sheets: [BOARD, 'Raw Data', '隐藏'] });
  const s = xl.workbook.sheet(BOARD);
  s.setValues('A1', [['各科室事项预警状态']]);
  s.setValues('A3:D7', [
    ['科室', '正常', '临期', '逾期'],
    ['综合科', 3, 1, 0],
    ['维修服务科', 2, 4, 1],
    ['饮食服务科', 5, 0, 2],
    ['合计', 0, 0, 0],
  ]);
  s.setFormulas('B7:D7', [['=SUM(B4:B6)', '=SUM(C4:C6)', '=SUM(D4:D6)']]);
  s.setCachedValues('B7:D7', [[10, 5, 3]]);
  s.setValues('F3:G6', [
    ['月份', '办结率'],
    ['2026-09', 0.8],
    ['2026-10', 0.85],
    ['2026-11', 0.9],
  ]);
  s.setNumberFormat('G4:G6', '0.0%');
  s.setNumberFormat('F4:F6', '@');
  const all = (a: string) => parseRect(a);
  s.setFmt(all('A1'), 'fontName', '黑体');
  s.setFmt(all('A1'), 'fontSize', 16);
  s.setFmt(all('A1'), 'bold', true);
  s.setFmt(all('A1'), 'horizontalAlignment', 'Center');
  s.setFmt(all('A1'), 'verticalAlignment', 'Center');
  s.setFmt(all('A3:D3'), 'fill', '#EDEDED');
  s.setFmt(all('A3:D3'), 'italic', true);
  s.setFmt(all('A3:D3'), 'fontColor', '#C00000');
  s.setFmt(all('A4:A7'), 'wrapText', true);
  for (const k of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const) s.setFmt(all('A3:D7'), k, 'Continuous');
  s.setFmt(all('A7:D7'), 'borderTop', 'Double');
  s.setFmt(all('D3:D7'), 'borderRight', 'Dash');
  s.setFmt(all('H:H'), 'fill', '#FFFF00'); // a column format
  s.setFmt(all('10:10'), 'bold', true); // a row format
  s.setValues('A10', [['备注']]);
  s.colWidth.set(0, 120);
  s.rowHeight.set(0, 30);
  s.tabColor = '#2F5597';

  const l = pageLayoutState(s);
  l.paperSize = 'A4';
  l.orientation = 'Landscape';
  l.leftMargin = 72;
  l.topMargin = 36;
  l.centerHorizontally = true;
  l.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  l.printArea = '$A$1:$H$30';
  l.printTitleRows = '$3:$3';
  l.headersFooters.centerFooter = '第 &P 页，共 &N 页';
  l.headersFooters.rightHeader = '13710';
  l.rowBreaks = [8];
  l.showGridlines = false;
  l.printOrder = 'OverThenDown';

  xl.workbook.sheet('Raw Data').setValues('A1:B3', [
    ['k', 'v'],
    ['x', 1],
    ['y', 2],
  ]);
  xl.workbook.sheet('隐藏').visibility = 'Hidden';

  await xl.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(BOARD);
    ws.getRange('A1:D1').merge();
    ws.getRange('E:E').columnHidden = true;
    ws.freezePanes.freezeAt(ws.getRange('A3'));
    const stacked = ws.charts.add('ColumnStacked' as Excel.ChartType, ws.getRange('A3:D6'), 'Columns' as Excel.ChartSeriesBy);
    stacked.title.text = '各科室事项预警状态';
    stacked.setPosition('A12', 'D25');
    const line = ws.charts.add('Line' as Excel.ChartType, ws.getRange('F3:G6'), 'Auto' as Excel.ChartSeriesBy);
    line.title.text = '办结率';
    line.setPosition('F12');
    const pie = ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A3:B6'), 'Columns' as Excel.ChartSeriesBy);
    pie.name = '正常分布';
    await context.sync();
  });
  return xl;
}

async function readBack(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) },
  }).parseFromString(text, 'text/xml');
  if (errors.length > 0) throw new Error(`malformed XML: ${errors.join('; ')}`);
  return doc as unknown as Document;
}

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const texts = (el: Element | Document, ns: string, tag: string): string[] => Array.from(el.getElementsByTagNameNS(ns, tag)).map((e) => e.textContent ?? '');
const attr = (el: Element | Document, ns: string, tag: string, name = 'val'): string | null =>
  el.getElementsByTagNameNS(ns, tag)[0]?.getAttribute(name) ?? null;

describe('exportXlsx', () => {
  let buf: Buffer;
  let zip: JSZip;
  beforeAll(async () => {
    buf = await exportXlsx((await board()).workbook);
    zip = await JSZip.loadAsync(buf);
  });

  test('cells: values, cached formula results, number formats, fonts, fills, alignment, borders', async () => {
    const wb = await readBack(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual([BOARD, 'Raw Data', '隐藏']);
    const ws = wb.getWorksheet(BOARD)!;
    expect(ws.getCell('A1').value).toBe('各科室事项预警状态');
    expect(ws.getCell('B4').value).toBe(3);
    expect(ws.getCell('A5').value).toBe('维修服务科');
    expect(ws.getCell('B7').value).toEqual({ formula: 'SUM(B4:B6)', result: 10 });
    expect(ws.getCell('G5').value).toBe(0.85);
    expect(ws.getCell('G5').numFmt).toBe('0.0%');
    expect(ws.getCell('F4').value).toBe('2026-09');
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('B3').font).toMatchObject({ italic: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('B3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } });
    expect(ws.getCell('A5').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('B5').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('B7').border.top).toMatchObject({ style: 'double', color: { argb: 'FF000000' } });
    expect(ws.getCell('D5').border.right).toMatchObject({ style: 'dashed' });
    expect(ws.getCell('A2').border ?? {}).toEqual({});
    // Column format: the column's style; row format: the row's style.
    expect(ws.getColumn('H').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getRow(10).font).toMatchObject({ bold: true });
    expect(ws.getCell('A10').font).toMatchObject({ bold: true });
    // Where a formatted row crosses a formatted column, the cell carries both.
    expect(ws.getCell('H10').font).toMatchObject({ bold: true });
    expect(ws.getCell('H10').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
  });

  test('sheet: widths, heights, hidden columns, merges, frozen panes, visibility, tab colour', async () => {
    const wb = await readBack(buf);
    const ws = wb.getWorksheet(BOARD)!;
    expect(ws.getColumn(1).width).toBeCloseTo(pointsToCharWidth(120), 2);
    expect(pointsToCharWidth(120)).toBeCloseTo(22.14, 2);
    expect(pointsToCharWidth(48)).toBe(8.43);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getColumn('E').hidden).toBe(true);
    expect(ws.getColumn('D').hidden).toBe(false);
    expect(ws.model.merges).toEqual(['A1:D1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3, topLeftCell: 'B4', showGridLines: false });
    expect(ws.properties.tabColor).toMatchObject({ argb: 'FF2F5597' });
    expect(wb.getWorksheet('隐藏')!.state).toBe('hidden');
    expect(wb.getWorksheet('Raw Data')!.state).toBe('visible');
  });

  test('page setup: paper, orientation, margins, fit, centring, print area and titles, header/footer, breaks', async () => {
    const wb = await readBack(buf);
    const ws = wb.getWorksheet(BOARD)!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      verticalCentered: false,
      pageOrder: 'overThenDown',
      printArea: 'A1:H30',
    });
    expect(ws.pageSetup.margins).toMatchObject({ left: 1, right: 0.7, top: 0.5, bottom: 0.75, header: 0.3, footer: 0.3 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    const wbXml = (await zip.file('xl/workbook.xml')!.async('string')).replace(/&apos;/g, "'");
    expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${BOARD}'!$3:$3</definedName>`);
    expect(wbXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'${BOARD}'!$A$1:$H$30</definedName>`);
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(ws.headerFooter.oddHeader).toBe('&R13710');
    // A new page at 0-based row 8 (sheet row 9): the break sits below sheet row 8.
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="8" max="\d+" man="1"\/><\/rowBreaks>/);
    // Defaults elsewhere: Letter, 100 %.
    const raw = wb.getWorksheet('Raw Data')!;
    expect(raw.pageSetup).toMatchObject({ paperSize: 1, orientation: 'portrait', scale: 100 });
    expect(raw.pageSetup.fitToPage).toBeFalsy();
  });

  test('charts: parts, relationships, content types, <drawing> position', async () => {
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'xl/drawings/drawing1.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
        'xl/charts/chart1.xml',
        'xl/charts/chart2.xml',
        'xl/charts/chart3.xml',
      ]),
    );
    expect(names.filter((n) => n.startsWith('xl/drawings/') && n.endsWith('.xml'))).toHaveLength(1);
    for (const n of names.filter((x) => /\.(xml|rels)$/.test(x))) parseXml(await zip.file(n)!.async('string'));

    const ct = await zip.file('[Content_Types].xml')!.async('string');
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    for (const i of [1, 2, 3]) {
      expect(ct).toContain(`<Override PartName="/xl/charts/chart${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    }

    const sheetRels = parseXml(await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string'));
    const drawingRel = Array.from(sheetRels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Type')!.endsWith('/drawing'))!;
    expect(drawingRel.getAttribute('Target')).toBe('../drawings/drawing1.xml');
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const sheet = parseXml(sheetXml);
    const children = Array.from(sheet.documentElement.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as Element).localName);
    const at = children.indexOf('drawing');
    expect(at).toBeGreaterThan(children.indexOf('headerFooter'));
    expect(at).toBeGreaterThan(children.indexOf('rowBreaks'));
    expect(children.slice(at + 1).every((n) => ['legacyDrawing', 'picture', 'tableParts', 'extLst'].includes(n))).toBe(true);
    expect(sheet.getElementsByTagName('drawing')[0].getAttribute('r:id')).toBe(drawingRel.getAttribute('Id'));
    expect(zip.file('xl/worksheets/_rels/sheet2.xml.rels')).toBeNull();

    const drawing = parseXml(await zip.file('xl/drawings/drawing1.xml')!.async('string'));
    const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
    const anchors = Array.from(drawing.getElementsByTagNameNS(XDR, 'twoCellAnchor'));
    expect(anchors).toHaveLength(3);
    const cell = (a: Element, tag: string) => {
      const el = a.getElementsByTagNameNS(XDR, tag)[0];
      return [texts(el, XDR, 'col')[0], texts(el, XDR, 'row')[0]].map(Number);
    };
    // setPosition('A12', 'D25'): from A12's top-left to D25's bottom-right (E26's top-left).
    expect([cell(anchors[0], 'from'), cell(anchors[0], 'to')]).toEqual([
      [0, 11],
      [4, 25],
    ]);
    expect(cell(anchors[1], 'from')).toEqual([5, 11]);
    // No end cell: Excel's default 5 × 3 in (360 × 216 pt) from F12; 216 pt = 14.4 rows of 15 pt.
    expect(cell(anchors[1], 'to')[1]).toBe(11 + 14);
    expect(texts(anchors[1].getElementsByTagNameNS(XDR, 'to')[0], XDR, 'rowOff')).toEqual([String(6 * 12700)]);
    const ext = anchors[1].getElementsByTagName('a:ext')[0];
    expect([ext.getAttribute('cx'), ext.getAttribute('cy')]).toEqual([String(360 * 12700), String(216 * 12700)]);
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
  });

  test('chart XML: types, titles, series references and caches', async () => {
    const stacked = parseXml(await zip.file('xl/charts/chart1.xml')!.async('string'));
    expect(attr(stacked, C, 'barDir')).toBe('col');
    expect(attr(stacked, C, 'grouping')).toBe('stacked');
    expect(attr(stacked, C, 'overlap')).toBe('100');
    expect(texts(stacked.getElementsByTagNameNS(C, 'title')[0], 'http://schemas.openxmlformats.org/drawingml/2006/main', 't')).toEqual(['各科室事项预警状态']);
    expect(stacked.getElementsByTagNameNS(C, 'legend')).toHaveLength(1);
    const sers = Array.from(stacked.getElementsByTagNameNS(C, 'ser'));
    expect(sers).toHaveLength(3);
    const f = (el: Element, tag: string) => texts(el.getElementsByTagNameNS(C, tag)[0], C, 'f')[0];
    const cache = (el: Element, tag: string) => texts(el.getElementsByTagNameNS(C, tag)[0], C, 'v');
    expect(f(sers[0], 'tx')).toBe(`'${BOARD}'!$B$3`);
    expect(f(sers[0], 'cat')).toBe(`'${BOARD}'!$A$4:$A$6`);
    expect(f(sers[0], 'val')).toBe(`'${BOARD}'!$B$4:$B$6`);
    expect(f(sers[2], 'val')).toBe(`'${BOARD}'!$D$4:$D$6`);
    expect(cache(sers[0], 'tx')).toEqual(['正常']);
    expect(cache(sers[0], 'cat')).toEqual(['综合科', '维修服务科', '饮食服务科']);
    expect(cache(sers[1], 'val')).toEqual(['1', '4', '0']);
    expect(attr(sers[1].getElementsByTagNameNS(C, 'val')[0], C, 'ptCount')).toBe('3');

    const line = parseXml(await zip.file('xl/charts/chart2.xml')!.async('string'));
    expect(line.getElementsByTagNameNS(C, 'lineChart')).toHaveLength(1);
    const lineSer = line.getElementsByTagNameNS(C, 'ser');
    expect(lineSer).toHaveLength(1); // 'Auto' taken as columns: one value column
    expect(cache(lineSer[0], 'cat')).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(cache(lineSer[0], 'val')).toEqual(['0.8', '0.85', '0.9']);
    expect(texts(lineSer[0], C, 'formatCode')).toEqual(['0.0%']);

    const pie = parseXml(await zip.file('xl/charts/chart3.xml')!.async('string'));
    expect(pie.getElementsByTagNameNS(C, 'pieChart')).toHaveLength(1);
    expect(attr(pie, C, 'varyColors')).toBe('1');
    expect(attr(pie, C, 'autoTitleDeleted')).toBe('1'); // no title set
    expect(f(pie.getElementsByTagNameNS(C, 'ser')[0], 'val')).toBe(`'${BOARD}'!$B$4:$B$6`);
  });

  test('seriesBy Rows, clustered/doughnut types, charts whose source sheet is not exported, sheet subset', async () => {
    const xl = createExcelDouble({ sheets: ['Data', 'Out'] });
    xl.workbook.sheet('Data').setValues('A1:C3', [
      ['', 'Q1', 'Q2'],
      ['North', 1, 2],
      ['South', 3, 4],
    ]);
    xl.workbook.sheet('Out').setValues('A1', [['x']]);
    await xl.run(async (context) => {
      const data = context.workbook.worksheets.getItem('Data');
      const out = context.workbook.worksheets.getItem('Out');
      data.charts.add('ColumnClustered' as Excel.ChartType, data.getRange('A1:C3'), 'Rows' as Excel.ChartSeriesBy);
      out.charts.add('Doughnut' as Excel.ChartType, data.getRange('A1:C3'), 'Columns' as Excel.ChartSeriesBy).setPosition('B2', 'F12');
      await context.sync();
    });
    const whole = await JSZip.loadAsync(await exportXlsx(xl.workbook));
    const clustered = parseXml(await whole.file('xl/charts/chart1.xml')!.async('string'));
    expect(attr(clustered, C, 'grouping')).toBe('clustered');
    const sers = Array.from(clustered.getElementsByTagNameNS(C, 'ser'));
    expect(sers.map((s) => texts(s.getElementsByTagNameNS(C, 'val')[0], C, 'f')[0])).toEqual(["'Data'!$B$2:$C$2", "'Data'!$B$3:$C$3"]);
    expect(texts(sers[0].getElementsByTagNameNS(C, 'cat')[0], C, 'f')).toEqual(["'Data'!$B$1:$C$1"]);
    // The chart without a position sits right of the used range (A:C), at the top.
    const drawing = await whole.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toMatch(/<xdr:from><xdr:col>4<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>0<\/xdr:row>/);
    expect(await whole.file('xl/charts/chart2.xml')!.async('string')).toContain('<c:holeSize val="50"/>');

    // Only 'Out': its chart's data come from 'Data', which is not in the file → literals.
    const onlyOut = await JSZip.loadAsync(await exportXlsx(xl.workbook, { sheets: ['Out'] }));
    const wbXml = await onlyOut.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toContain('name="Out"');
    expect(wbXml).not.toContain('name="Data"');
    const doughnut = parseXml(await onlyOut.file('xl/charts/chart1.xml')!.async('string'));
    expect(doughnut.getElementsByTagNameNS(C, 'f')).toHaveLength(0);
    expect(texts(doughnut.getElementsByTagNameNS(C, 'numLit')[0], C, 'v')).toEqual(['1', '3']);
    expect(onlyOut.file('xl/worksheets/_rels/sheet1.xml.rels')).not.toBeNull();

    await expect(exportXlsx(xl.workbook, { sheets: ['Nope'] })).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('insertDrawingElement keeps the CT_Worksheet order', () => {
    const head = '<?xml version="1.0"?><worksheet xmlns="x" xmlns:r="y"><sheetData><row r="1"/></sheetData>';
    const el = '<drawing r:id="rId9"/>';
    expect(
      insertDrawingElement(
        `${head}<pageMargins left="1"/><headerFooter><oddFooter>&amp;P</oddFooter></headerFooter><rowBreaks count="1"><brk id="3"/></rowBreaks><tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst><ext/></extLst></worksheet>`,
        el,
      ),
    ).toBe(
      `${head}<pageMargins left="1"/><headerFooter><oddFooter>&amp;P</oddFooter></headerFooter><rowBreaks count="1"><brk id="3"/></rowBreaks>${el}<tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst><ext/></extLst></worksheet>`,
    );
    // An extLst nested inside an earlier element is not the worksheet's.
    expect(insertDrawingElement(`${head}<conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting><pageMargins/></worksheet>`, el)).toBe(
      `${head}<conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting><pageMargins/>${el}</worksheet>`,
    );
  });

  test('a 10,000-row sheet exports in a few seconds', async () => {
    const xl = createExcelDouble({ sheets: ['台账'] });
    const s = xl.workbook.sheet('台账');
    const rows = Array.from({ length: 10000 }, (_, i) => [`D-${i + 1}`, `事项 ${i + 1}`, i % 7, i * 1.5, '2026-11-25', i % 2 === 0, '综合科', '']);
    s.setValues('A1:H10000', rows);
    for (const k of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const) s.setFmt(parseRect('A1:H10000'), k, 'Continuous');
    s.setFmt(parseRect('D:D'), 'numberFormat', '0.00');
    s.setFmt(parseRect('1:1'), 'bold', true);
    const t0 = Date.now();
    const out = await exportXlsx(xl.workbook);
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(8000);
    const ws = (await readBack(out)).getWorksheet('台账')!;
    expect(ws.rowCount).toBe(10000);
    expect(ws.getCell('D10000').value).toBe(9999 * 1.5);
    expect(ws.getCell('D10000').numFmt).toBe('0.00');
    expect(ws.getCell('H5000').border.left).toMatchObject({ style: 'thin' });
  }, 30000);
});
