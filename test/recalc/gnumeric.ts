/**
 * Gnumeric (`ssconvert --recalc`) as a second independent spreadsheet engine: it recalculates every
 * formula on load and writes its results. It parses no structured reference, so it computes the
 * workbook only because the file holds plain A1 references (src/workbook/formulas.ts `toA1`).
 * One process per file (ssconvert converts one file at a time).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

export function ssconvertAvailable(): boolean {
  return ['/usr/bin/ssconvert', '/usr/local/bin/ssconvert'].some((p) => existsSync(p));
}

/** Recalculate `file` with Gnumeric and write the result as xlsx into outDir (same file name). */
export function recalcWithGnumeric(file: string, outDir: string, timeoutMs = 240_000): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, file.replace(/^.*\//, ''));
  return new Promise((res, rej) => {
    execFile(
      'ssconvert',
      ['--recalc', '--export-type=Gnumeric_Excel:xlsx2', file, out],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (err) rej(new Error(`ssconvert --recalc ${file} failed: ${err.message}\n${stderr}`));
        else if (!existsSync(out)) rej(new Error(`ssconvert did not write ${out}\n${stderr}`));
        else inlineFormulaStrings(out).then(() => res(out), rej);
      },
    );
  });
}

/**
 * Gnumeric stores a formula's text result as a shared string (`t="s"`, `<v>index</v>`), which
 * exceljs reads back as the index number. Rewrite those cells as Excel does (`t="str"`, the text
 * itself), in place, so the comparison reads what Gnumeric computed.
 */
export async function inlineFormulaStrings(path: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (!sst) return;
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\/>/g)].map((t) => t[1] ?? '').join(''),
  );
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const fixed = xml.replace(
      /(<c [^>]*?)t="s"([^>]*>\s*<f>[\s\S]*?<\/f>\s*)<v>(\d+)<\/v>/g,
      (_, open: string, mid: string, k: string) => `${open}t="str"${mid}<v>${strings[Number(k)] ?? ''}</v>`,
    );
    if (fixed !== xml) zip.file(name, fixed);
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
