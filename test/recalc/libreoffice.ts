/**
 * LibreOffice headless as an independent spreadsheet engine. A private profile (never the user's,
 * never in git) sets OOXMLRecalcMode = 0 ("always recalculate"), so cached values in a file cannot
 * survive a conversion (docs/rules.md, “Workbook formulas”).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const BUILD_DIR = resolve(__dirname, '../../build');

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile under build/ that forces recalculation on load. */
export function makeProfile(): string {
  mkdirSync(BUILD_DIR, { recursive: true });
  const dir = mkdtempSync(join(BUILD_DIR, 'lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), REGISTRY);
  return dir;
}

export function sofficeAvailable(): boolean {
  return ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].some((p) => existsSync(p));
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else res({ stdout, stderr });
    });
  });
}

/**
 * Convert files with one soffice process (LibreOffice starts once for the whole batch).
 * `filter` e.g. 'xlsx:Calc MS Excel 2007 XML' (recalculated copy) or 'pdf'.
 */
export async function convert(files: string[], outDir: string, filter: string, profile: string, timeoutMs = 240_000): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await run(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files],
    timeoutMs,
  );
  const ext = filter.split(':')[0];
  const outs = files.map((f) => join(outDir, f.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${ext}`)));
  const missing = outs.filter((o) => !existsSync(o));
  if (missing.length > 0) throw new Error(`LibreOffice did not write ${missing.join(', ')}`);
  return outs;
}

/** Render PDF pages to PNG (pdftoppm); returns the PNG paths. */
export async function pdfToPng(pdf: string, prefix: string, firstPage = 1, lastPage = 1, dpi = 110): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(firstPage), '-l', String(lastPage), pdf, prefix], 120_000);
}
