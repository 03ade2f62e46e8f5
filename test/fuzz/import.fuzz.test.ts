/**
 * Fuzzing 导入 (src/domain/import, src/excel/importApply.ts): random pasted blocks — junk, Unicode, 10,000-character
 * cells, formula-looking text, impossible dates, unknown sections, stray quotes, CR/LF mixes — go
 * through parsePastedBlock and previewImport (on the Excel double, read-only, so one ledger serves
 * every run):
 * - nothing throws;
 * - every pasted row ends in exactly one place (add / update / unchanged / errors / duplicates);
 * - every error is located on 「粘贴内容」, the pasted row and the pasted column, in zh-CN;
 * - a row made bad in ONE cell is refused with an error on that cell;
 * - a good row survives into the preview as typed, only trimmed at either end.
 */
import fc from 'fast-check';
import { makeItem } from '../../src/domain/testing/itemFactory';
import { ASSIGN_LEVELS, ITEM_KINDS, SOURCE_CATEGORIES } from '../../src/domain/types';
import { LEDGER_INPUT_COLUMNS } from '../../src/domain/validation';
import { IMPORT_TARGETS, mapHeaders, parsePastedBlock, splitClipboard, trimCell, type ImportPreview } from '../../src/domain/import';
import { previewImport } from '../../src/excel/importApply';
import { ledgerFixture } from '../../src/excel/testing/ledgerFixture';
import { DEFAULT_SECTIONS } from '../../src/workbook/sections';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 1;
const runs = (n: number) => ({ numRuns: n * RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });

const SECTIONS = DEFAULT_SECTIONS.map((s) => s.section);
const INPUT = new Set(LEDGER_INPUT_COLUMNS.map((c) => c.header));
const CJK = /[\u4e00-\u9fff]/;
const xl = ledgerFixture({ items: [makeItem({ id: 'DB-2026-0001', content: '已有事项' })] });

/** Excel's clipboard form of one cell: quoted when it holds a tab, a line break or a quote. */
const cellOut = (s: string) => (/[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lineEnd = fc.constantFrom('\r\n', '\n');

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('维修', '食堂', '排水管道', '学生公寓', '（一）', '：', '“', '”', '、', 'abc', '12') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('😀', '👨‍👩‍👧', '\uD800', 'x\uDC00y', '\u202E', '\u200B', '\uFEFF', '＝SUM(A1)', '\t', '\n', '\r\n', '"', '""', "'", ' '),
  },
);
/** Text a column accepts: short, not formula-looking, not blank. Row index makes 事项内容 unique. */
const goodText = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((ps) => ps.join(''))
  .filter((s) => trimCell(s) !== '' && !/^[=+\-@]/.test(trimCell(s)) && Array.from(s).length <= 80);

type Row = Record<string, string>;
const goodRow = fc.record({
  编号: fc.constantFrom('', 'new'),
  来源类别: fc.constantFrom(...SOURCE_CATEGORIES),
  交办层级: fc.constantFrom(...ASSIGN_LEVELS),
  事项内容: goodText,
  承办科室: fc.constantFrom(...SECTIONS),
  事项类型: fc.constantFrom(...ITEM_KINDS),
  办理状态: fc.constantFrom('待审批', '已交办', '办理中'),
  交办日期: fc.constantFrom('2026-03-02', '2026/3/2', '2025-12-31'),
  最近进展: fc.oneof(goodText, fc.constant('')),
  备注: fc.oneof(goodText, fc.constant('')),
});

/** One bad cell: [header, value] that the domain must refuse on that cell. */
const badCell = fc.oneof(
  fc.constant<[string, string]>(['事项内容', '长'.repeat(10_000)]),
  fc.constant<[string, string]>(['最近进展', 'x'.repeat(10_000)]),
  fc.constantFrom<[string, string]>(['事项内容', '=HYPERLINK("http://evil")'], ['最近进展', '+1'], ['备注', '@SUM(A1)'], ['事项内容', '-cmd']),
  fc.constantFrom<[string, string]>(
    ['交办日期', '2026-02-30'],
    ['交办日期', '2026-13-01'],
    ['交办日期', '1900-01-01'],
    ['交办日期', '昨天'],
    ['交办日期', '3.5.'],
  ),
  fc.constantFrom<[string, string]>(['承办科室', '不存在的科'], ['承办科室', '工程\n管理科'], ['承办科室', '保卫处']),
  fc.constantFrom<[string, string]>(['办理状态', '完成了'], ['事项类型', '特急'], ['交办层级', '随便']),
  fc.constant<[string, string]>(['事项内容', '']),
);

const junkCell = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), piece, fc.constant('"'), fc.constant('"a"b'), fc.constant('x'.repeat(10_000)));
const junkHeader = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('科 室', '编号2', 'ID', '事项'))
  .filter((h) => h.trim() !== '' && !/[\t\r\n"]/.test(h) && mapHeaders([h], IMPORT_TARGETS).columns[0]?.kind === 'ignored');

interface Case {
  kind: 'good' | 'bad' | 'junk';
  row: Row;
  bad?: string;
}

const caseArb = fc.oneof(
  { weight: 3, arbitrary: goodRow.map((r): Case => ({ kind: 'good', row: r })) },
  { weight: 2, arbitrary: fc.tuple(goodRow, badCell).map(([r, [h, v]]): Case => ({ kind: 'bad', row: { ...r, [h]: v }, bad: h })) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...LEDGER_INPUT_COLUMNS.map((c) => c.header)), junkCell).map((r): Case => ({ kind: 'junk', row: r })) },
);

const blockArb = fc.record({
  cases: fc.array(caseArb, { minLength: 1, maxLength: 12 }),
  order: fc.shuffledSubarray(['编号', '来源类别', '交办层级', '事项内容', '承办科室', '事项类型', '办理状态', '交办日期', '最近进展', '备注'], {
    minLength: 10,
    maxLength: 10,
  }),
  junkHeaders: fc.array(junkHeader, { maxLength: 2 }),
  eol: lineEnd,
  trailing: fc.boolean(),
});

function render(b: { cases: Case[]; order: string[]; junkHeaders: string[]; eol: string; trailing: boolean }) {
  const headers = [...b.order, ...b.junkHeaders];
  const rows = b.cases.map((c, i) => {
    const r = { ...c.row };
    if (r['编号'] === 'new') r['编号'] = `DB-2099-${String(1000 + i)}`;
    // unique 事项内容 per row, so good rows are not duplicates of each other
    if (c.kind !== 'junk' && r['事项内容'] && c.bad !== '事项内容') r['事项内容'] = `${r['事项内容']}#${i}`;
    if (r['办理状态'] === '待审批' && c.bad !== '交办日期') r['交办日期'] = '';
    return r;
  });
  const text =
    [headers.map(cellOut).join('\t'), ...rows.map((r) => headers.map((h) => cellOut(INPUT.has(h) ? (r[h] ?? '') : 'junk')).join('\t'))].join(b.eol) +
    (b.trailing ? b.eol : '');
  return { headers, rows, text };
}

function placesOf(p: ImportPreview): Map<number, string[]> {
  const m = new Map<number, string[]>();
  const put = (row: number, where: string) => m.set(row, [...(m.get(row) ?? []), where]);
  p.add.forEach((a) => put(a.pastedRow, 'add'));
  p.update.forEach((a) => put(a.pastedRow, 'update'));
  p.unchanged.forEach((a) => put(a.pastedRow, 'unchanged'));
  p.duplicates.forEach((a) => put(a.pastedRow, 'duplicate'));
  p.errorRows.forEach((r) => put(r, 'error'));
  return m;
}

test('the clipboard splitter gives back what Excel quoted, cell for cell', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.oneof(piece, junkCell), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), lineEnd, (grid, eol) => {
      const width = grid[0].length;
      const g = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      fc.pre(!g[0][0].startsWith('\uFEFF')); // a leading byte-order mark is dropped on purpose
      // Excel ends the clipboard with a line break
      const text = g.map((r) => r.map(cellOut).join('\t')).join(eol) + eol;
      expect(splitClipboard(text)).toEqual(g);
    }),
    runs(300),
  );
});

test('random pasted blocks: nothing throws, every row placed once, errors located, good rows byte for byte', async () => {
  await fc.assert(
    fc.asyncProperty(blockArb, async (b) => {
      const { headers, rows, text } = render(b);
      const block = parsePastedBlock(text);
      expect(block.unknownHeaders).toEqual(b.junkHeaders.map((h) => h.trim()).filter((h, i, a) => h !== '' && a.indexOf(h) === i));
      const r = await previewImport(xl.run, text);
      if (!r.ok) throw new Error(r.error.message);
      const p = r.value;
      const places = placesOf(p);
      // rows that are all blank are skipped by the parser; every other row is placed exactly once
      for (const n of block.rowNumbers) expect(places.get(n)).toHaveLength(1);
      for (const e of p.errors) {
        expect(e.sheet).toBe('粘贴内容');
        expect(block.rowNumbers).toContain(e.row);
        expect(e.column).toBe(block.letters[e.header] ?? '');
        expect(e.message.startsWith(`粘贴内容 第${e.row}行`)).toBe(true);
        expect(e.message).toContain(e.header);
        expect(CJK.test(e.message)).toBe(true);
      }
      for (const d of p.duplicates) expect(d.message.startsWith(`粘贴内容 第${d.pastedRow}行`)).toBe(true);
      b.cases.forEach((c, i) => {
        const pastedRow = i + 2;
        const row = rows[i];
        if (c.kind === 'bad') {
          const errs = p.errors.filter((e) => e.row === pastedRow);
          expect(errs.some((e) => e.header === c.bad)).toBe(true);
          expect(errs.find((e) => e.header === c.bad)!.column).toBe(block.letters[c.bad!]);
        }
        if (c.kind === 'good') {
          const a = p.add.find((x) => x.pastedRow === pastedRow);
          expect(a).toBeDefined();
          const it = a!.item;
          expect(it.content).toBe(trimCell(row['事项内容']));
          expect(it.progress).toBe(trimCell(row['最近进展']));
          expect(it.note).toBe(trimCell(row['备注']));
          expect(it.section).toBe(row['承办科室']);
          expect(it.source).toBe(row['来源类别']);
          expect(it.id).toBe(row['编号']);
          expect(a!.toNumber).toBe(row['编号'] === '');
        }
      });
      expect(headers.length).toBeGreaterThan(0);
    }),
    runs(150),
  );
}, 60_000);

test('pure junk (any string) never throws and places every row', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.array(fc.oneof(junkCell, fc.constantFrom('\t', '\r', '\n', '"', '编号', '事项内容', '承办科室')), { maxLength: 60 }).map((a) => a.join('')),
      ),
      async (text) => {
        const block = parsePastedBlock(text);
        const r = await previewImport(xl.run, text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const places = placesOf(r.value);
        for (const n of block.rowNumbers) expect(places.get(n)).toHaveLength(1);
        for (const e of r.value.errors) expect(e.message.startsWith(`粘贴内容 第${e.row}行`)).toBe(true);
      },
    ),
    runs(200),
  );
}, 60_000);
