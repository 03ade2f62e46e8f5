/**
 * Excel on the web refuses a request or response over 5 MB; the double refuses it the same way,
 * counted in UTF-8 bytes, and the adapter's table reads stay under it by reading in slices.
 */
import { createExcelDouble } from './double';
import { WEB_PAYLOAD_LIMIT_BYTES } from './double/index';
import { jsonBytes, jsonBytesUpTo, utf8Length } from './payloadBytes';
import { PAYLOAD_BUDGET_BYTES, completeReads, firstSliceRows, queueColumns, queueTable } from './tableRead';

/** A table of `rows` rows whose 内容 cells hold `chars` Chinese characters (3 bytes each). */
function bigTable(rows: number, chars: number) {
  const xl = createExcelDouble({ sheets: ['台账'] });
  const text = '督'.repeat(chars);
  const body = Array.from({ length: rows }, (_, k) => [`DB-2026-${String(k + 1).padStart(5, '0')}`, `${text}${k}`, k]);
  const s = xl.workbook.sheet('台账');
  s.setValues(`A1:C${rows + 1}`, [['编号', '内容', '序号'], ...body]);
  s.addTable(`A1:C${rows + 1}`, true, '大表');
  return { xl, body };
}

describe('payload bytes', () => {
  test('UTF-8: ASCII 1, Chinese 3, a surrogate pair 4', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('督办')).toBe(6);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
    expect(jsonBytes([['督']])).toBe(utf8Length('[["督"]]'));
  });

  test('counting a grid stops past the cap, and is exact below it', () => {
    const grid = [
      ['督办', 1, null],
      ['a', 'b', true],
    ];
    expect(jsonBytesUpTo(grid, 1000)).toBe(jsonBytes(grid));
    const big = Array.from({ length: 100_000 }, () => ['督'.repeat(100)]);
    const n = jsonBytesUpTo(big, 10_000);
    expect(n).toBeGreaterThan(10_000);
    expect(n).toBeLessThan(11_000);
  });

  test('the double refuses a response over 5 MB counted in bytes, though it is under 5 MB in characters', async () => {
    // 2,000 rows × 1,000 Chinese characters: about 2 million characters, 6 million bytes
    const { xl } = bigTable(2000, 1000);
    const read = xl.run(async (context) => {
      const body = context.workbook.tables.getItem('大表').getDataBodyRange().load('values');
      await context.sync();
      return body.values.length;
    });
    await expect(read).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('the double refuses a request over 5 MB (a large write), counted in bytes', async () => {
    const xl = createExcelDouble({ sheets: ['S'] });
    const rows = Array.from({ length: 1800 }, () => ['督'.repeat(1000)]);
    expect(rows.length * 1000).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES); // characters: under
    const write = xl.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A1800').values = rows;
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });
});

describe('queueTable + completeReads', () => {
  test('reads a table far over the cap in slices, every row once and in order', async () => {
    const { xl, body } = bigTable(3000, 1000); // ~9 MB of 内容
    xl.stats.reset();
    const out = await xl.run(async (context) => {
      const t = queueTable(context, '大表', 'all');
      await context.sync();
      const extra = await completeReads(context);
      return { rows: t.read().rows, extra };
    });
    expect(out.rows.map((r) => r.values['编号'])).toEqual(body.map((r) => r[0]));
    expect(out.rows.map((r) => r.values['内容'])).toEqual(body.map((r) => r[1]));
    expect(out.rows[0].row).toBe(2);
    // the cap was never passed, and the slices are about as few as the budget allows
    const bytes = jsonBytes(body);
    expect(out.extra).toBeGreaterThanOrEqual(Math.ceil(bytes / PAYLOAD_BUDGET_BYTES));
    expect(out.extra).toBeLessThanOrEqual(Math.ceil((bytes * 1.5) / PAYLOAD_BUDGET_BYTES) + 1);
    expect(xl.stats.roundTrips).toBe(1 + out.extra);
  });

  test('a small table is read whole in the first sync: no extra sync', async () => {
    const { xl, body } = bigTable(20, 10);
    const out = await xl.run(async (context) => {
      const t = queueTable(context, '大表', 'all');
      await context.sync();
      return { extra: await completeReads(context), rows: t.read().rows.length };
    });
    expect(out).toEqual({ extra: 0, rows: body.length });
  });

  test('key columns: a first slice thousands of rows deep, by column name; only those columns read', async () => {
    const { xl, body } = bigTable(firstSliceRows('', 2, 2) + 50, 500);
    const rows = await xl.run(async (context) => {
      const keys = queueColumns(context, '大表', ['编号', '序号']);
      await context.sync();
      return { extra: await completeReads(context), rows: keys.rows() };
    });
    expect(rows.rows).toEqual(body.map((r) => [r[0], r[2]]));
    expect(rows.extra).toBe(1); // the 50 rows past the first slice
  });

  test('a slice Excel still refuses (rows longer further down) is halved and read again', async () => {
    // short rows first, so the slices are planned too large for the long rows below them
    const xl = createExcelDouble({ sheets: ['台账'] });
    const first = firstSliceRows('大表', 1);
    const n = first + 4000;
    const body = Array.from({ length: n }, (_, k) => [k < first ? 'x' : '督'.repeat(600)]);
    const s = xl.workbook.sheet('台账');
    s.setValues(`A1:A${n + 1}`, [['内容'], ...body]);
    s.addTable(`A1:A${n + 1}`, true, '大表');
    const rows = await xl.run(async (context) => {
      const t = queueTable(context, '大表', ['内容']);
      await context.sync();
      await completeReads(context);
      return t.read().rows;
    });
    expect(rows.map((r) => r.values['内容'])).toEqual(body.map((r) => r[0]));
  });

  test('read before completeReads is a programming error, said plainly', async () => {
    const { xl } = bigTable(5, 5);
    await expect(
      xl.run(async (context) => {
        const t = queueTable(context, '大表');
        await context.sync();
        return t.read();
      }),
    ).rejects.toThrow(/completeReads/);
  });
});
