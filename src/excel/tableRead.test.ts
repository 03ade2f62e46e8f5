/**
 * queueTable: `read()` (a record per row) and `readGrid()` (the raw row arrays) are two views of
 * the same rows, and the ledger read from either is the same (ledgerFromTable / ledgerFromGrid):
 * the round validates 台账 straight from the grid, the other actions from records.
 */
import fc from 'fast-check';
import { LEDGER_INPUT_COLUMNS } from '../domain/validation';
import { generateSample } from '../workbook/sample';
import { DEFAULT_SECTIONS } from '../workbook/sections';
import { columnLetter } from '../workbook/schema';
import { ledgerFromGrid, ledgerFromTable, type SheetGrid, type SheetTable } from '../workbook/ledgerData';
import { createExcelDouble } from './double';
import type { CellValue } from './cells';
import { itemCells } from './ledgerCodec';
import { completeReads, queueTable, type TableReadOptions } from './tableRead';

const sections = DEFAULT_SECTIONS.map((s) => s.section);
const sample = generateSample({ count: 40, seed: 3, today: '2026-11-20' });
const validRows = sample.items.map((it) => itemCells(it));

/** Both views of a table written into the double (header row 1 at column `firstColumn`). */
async function readBoth(headers: string[], body: unknown[][], opts?: TableReadOptions, firstColumn = 1): Promise<{ table: SheetTable; grid: SheetGrid }> {
  const xl = createExcelDouble({ sheets: ['台账'] });
  const s = xl.workbook.sheet('台账');
  const from = columnLetter(firstColumn);
  const to = columnLetter(firstColumn + headers.length - 1);
  const range = `${from}1:${to}${body.length + 1}`;
  s.setValues(range, [headers, ...body] as never);
  s.addTable(range, true, '台账');
  return xl.run(async (context) => {
    const q = queueTable(context, '台账');
    await context.sync();
    await completeReads(context);
    return { table: q.read(opts), grid: q.readGrid(opts) };
  });
}

/** A grid's rows as records, by the rule of read(): each header once, '' → null. */
function asRecords(g: SheetGrid) {
  return g.rows.map((r) => {
    const values: Record<string, unknown> = {};
    for (const [h, k] of g.position) values[h] = r.cells[k] === '' ? null : r.cells[k];
    return { row: r.row, values };
  });
}

const headers = LEDGER_INPUT_COLUMNS.map((c) => c.header);

describe('read() and readGrid() hold the same rows', () => {
  test('blank rows left out, row numbers, letters, a header repeated once trimmed', async () => {
    // Excel keeps 「编号 」 apart from 「编号」; trimmed, it repeats it: the first column is read.
    const hs = ['编号', '事项内容', '编号 ', '备注'];
    const body = [
      ['A-1', '修路灯', 'A-dup', ''],
      ['', '', '', ''],
      ['', '', 'only under the repeated header', ''],
      ['A-2', '', '', 'note'],
    ];
    const { table, grid } = await readBoth(hs, body, undefined, 3);
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(grid.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(table.rows).toEqual(asRecords(grid));
    expect(table.letters).toEqual({ 编号: 'C', 事项内容: 'D', 备注: 'F' });
    expect(grid.letters).toEqual(table.letters);
    expect(table.rows[0].values).toEqual({ 编号: 'A-1', 事项内容: '修路灯', 备注: null });
    expect(grid.headers).toEqual(['编号', '事项内容', '编号', '备注']);
  });

  test('where: the same rows kept in both views', async () => {
    const body = validRows.map((r) => headers.map((h) => r[h] ?? ''));
    const keep: TableReadOptions = { where: { header: '承办科室', keep: (v) => v === sections[0] } };
    const { table, grid } = await readBoth(headers, body, keep);
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rows.length).toBeLessThan(body.length);
    expect(table.rows.every((r) => r.values['承办科室'] === sections[0])).toBe(true);
    expect(table.rows).toEqual(asRecords(grid));
  });
});

describe('ledgerFromGrid = ledgerFromTable', () => {
  // cells: taken from valid sample rows, a few replaced by junk or blanks
  const junk = fc.constantFrom<CellValue>('', ' ', 'abc', '=SUM(A1)', '2026-02-30', '2026/3/5', 5, 46000.5, -3, 'TRUE', '3', '其他', 'x'.repeat(120), '0');
  const rowArb = fc.tuple(fc.nat(validRows.length - 1), fc.array(fc.tuple(fc.nat(headers.length - 1), junk), { maxLength: 3 })).map(([k, edits]) => {
    const row = headers.map((h) => validRows[k][h] ?? '');
    for (const [c, v] of edits) row[c] = v;
    return row;
  });
  // a permutation of the columns, sometimes with one left out
  const orderArb = fc.tuple(fc.shuffledSubarray(headers, { minLength: headers.length, maxLength: headers.length }), fc.boolean());

  test('same items and the same errors, whatever the column order and the cells', async () => {
    await fc.assert(
      fc.asyncProperty(orderArb, fc.array(rowArb, { minLength: 1, maxLength: 12 }), async ([order, dropOne], rows) => {
        const hs = dropOne ? order.slice(1) : order;
        const body = rows.map((r) => hs.map((h) => r[headers.indexOf(h)]));
        const { table, grid } = await readBoth(hs, body);
        expect(ledgerFromGrid(grid, sections)).toEqual(ledgerFromTable(table, sections));
      }),
      { numRuns: 40 },
    );
  });

  test('the sample ledger reads back item for item', async () => {
    const body = validRows.map((r) => headers.map((h) => r[h] ?? ''));
    const { grid } = await readBoth(headers, body);
    const l = ledgerFromGrid(grid, sections);
    expect(l.errors).toEqual([]);
    expect(l.items).toEqual(sample.items);
  });
});
