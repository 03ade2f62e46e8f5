import { DOCUMENT_MARGINS, dashboardPrintSetup, documentPrintSetup, footerCode, sheetPrintSetup } from './print';
import { WORKBOOK_SCHEMA, sheetSpec } from './schema';

describe('print setup', () => {
  test('every ledger sheet prints fit to width, with its name and page numbers in the footer', () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      const p = sheetPrintSetup(sheet);
      expect(p.fitToWidth).toBeGreaterThanOrEqual(1);
      if (sheet.printAs === 'document') {
        expect(p.footer.left).toBeUndefined();
        continue;
      }
      expect(footerCode(p.footer)).toBe(`&L${sheet.name}&C第 &P 页，共 &N 页`);
      // a table whose header is row 1 repeats it on every page
      expect(p.titleRows).toBe(sheet.tables.some((t) => t.headerRow === 1) ? '1:1' : undefined);
    }
  });

  test('the wide 台账 prints on A3 landscape, two pages across, 编号 repeated', () => {
    expect(sheetPrintSetup(sheetSpec('台账'))).toMatchObject({
      paper: 'A3',
      orientation: 'landscape',
      fitToWidth: 2,
      titleColumns: 'A:A',
      pageOrder: 'overThenDown',
    });
  });

  test('the report prints as an A4 公文 attachment over its own rows', () => {
    const p = documentPrintSetup({ lastRow: 60, lastColumn: 'H' }, [38]);
    expect(p).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
      area: 'A1:H60',
      titleRows: '1:1',
      breaksBefore: [38],
      gridlines: false,
      margins: DOCUMENT_MARGINS,
    });
    expect(sheetPrintSetup(sheetSpec('督查报告')).area).toBeUndefined();
    expect(dashboardPrintSetup(59, 'R')).toMatchObject({ orientation: 'landscape', area: 'A1:R59', titleRows: undefined });
  });
});
