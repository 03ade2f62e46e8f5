/**
 * manifest.xml must stay consistent with what the build produces: it parses, every resource it
 * names exists, every page and icon URL resolves to a file webpack emits (assets/ or an
 * HtmlWebpackPlugin page), every function command is associated in commands.ts, and ids are
 * unique. `npm run validate` (online, Microsoft's service) checks the schema on top of this.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { isPageId } from '../src/taskpane/pages';

const ROOT = join(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const COMMANDS = join(ROOT, 'src/commands/commands.ts');
const DEV_ORIGIN = 'https://localhost:3000/';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const { DOMParser } = new JSDOM('').window;

interface Project {
  /** Files under assets/ (as `assets/<name>`). */
  assetExists: (path: string) => boolean;
  /** Output names of the HtmlWebpackPlugin pages. */
  pages: string[];
  /** Source of src/commands/commands.ts. */
  commandsSource: string;
}

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'application/xml');
}

function byLocalName(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagName('*')).filter((element) => element.localName === name);
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every problem found in a manifest; empty when it is sound. */
function checkManifest(xml: string, project: Project): string[] {
  const problems: string[] = [];
  const doc = parse(xml);
  const parseError = byLocalName(doc, 'parsererror')[0];
  if (parseError) return [`not well-formed XML: ${parseError.textContent}`];

  // Resources: id → value, per kind; ids unique and short enough.
  const resources = new Map<string, { kind: string; value: string }>();
  for (const kind of ['Image', 'Url', 'String']) {
    for (const element of Array.from(doc.getElementsByTagNameNS(BT, kind))) {
      const id = element.getAttribute('id');
      if (!id) continue; // bt:Image inside <Icon> references a resource by resid
      if (resources.has(id)) problems.push(`duplicate resource id ${id}`);
      if (id.length > 32) problems.push(`resource id longer than 32 characters: ${id}`);
      const value = element.getAttribute('DefaultValue') ?? '';
      const parent = element.parentElement?.localName;
      if (parent === 'ShortStrings' && value.length > 125) problems.push(`short string ${id} over 125 characters`);
      if (parent === 'LongStrings' && value.length > 250) problems.push(`long string ${id} over 250 characters`);
      resources.set(id, { kind, value });
    }
  }

  // Every resid points to an existing resource of a fitting kind.
  const urls: Array<{ where: string; url: string; size?: number }> = [];
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const resid = element.getAttribute('resid');
    if (!resid) continue;
    const resource = resources.get(resid);
    if (!resource) {
      problems.push(`<${element.localName} resid="${resid}"> names no resource`);
      continue;
    }
    const wanted = element.localName === 'Image' ? 'Image' : /Url|SourceLocation|FunctionFile/.test(element.localName) ? 'Url' : 'String';
    if (resource.kind !== wanted) problems.push(`<${element.localName} resid="${resid}"> points to a ${resource.kind}`);
    if (resource.kind !== 'String') {
      const size = element.localName === 'Image' ? Number(element.getAttribute('size')) : undefined;
      urls.push({ where: `${element.localName} ${resid}`, url: resource.value, size });
    }
  }
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SourceLocation']) {
    for (const element of byLocalName(doc, name)) {
      const url = element.getAttribute('DefaultValue');
      if (url) urls.push({ where: name, url, size: name === 'IconUrl' ? 32 : name === 'HighResolutionIconUrl' ? 64 : undefined });
    }
  }
  for (const [id, resource] of resources) {
    if (resource.kind !== 'String') urls.push({ where: `resource ${id}`, url: resource.value });
  }

  // Every URL resolves to something the build emits.
  for (const { where, url, size } of urls) {
    if (url.startsWith('https://') && !url.startsWith(DEV_ORIGIN)) continue; // external page, e.g. help
    if (!url.startsWith(DEV_ORIGIN)) {
      problems.push(`${where}: ${url} is not served from ${DEV_ORIGIN}`);
      continue;
    }
    const target = new URL(url);
    const path = target.pathname.slice(1);
    if (path.startsWith('assets/')) {
      if (!project.assetExists(path)) {
        problems.push(`${where}: ${path} is not in assets/`);
      } else if (size !== undefined && path.endsWith('.png')) {
        const actual = pngSize(join(ROOT, path));
        if (actual.width !== size || actual.height !== size) {
          problems.push(`${where}: ${path} is ${actual.width}×${actual.height}, declared ${size}`);
        }
      }
    } else if (path.endsWith('.html')) {
      if (!project.pages.includes(path)) problems.push(`${where}: ${path} is not a page webpack builds`);
      const page = target.searchParams.get('page');
      if (page !== null && !isPageId(page)) problems.push(`${where}: unknown task pane page "${page}"`);
    } else {
      problems.push(`${where}: ${url} resolves to nothing the build emits`);
    }
  }

  // Control, group and tab ids are unique.
  const seen = new Set<string>();
  for (const name of ['CustomTab', 'Group', 'Control']) {
    for (const element of byLocalName(doc, name)) {
      const id = element.getAttribute('id');
      if (!id) problems.push(`<${name}> without id`);
      else if (seen.has(id)) problems.push(`duplicate id ${id}`);
      else seen.add(id);
    }
  }

  // Every function command is associated in commands.ts.
  const associated = new Set(Array.from(project.commandsSource.matchAll(/Office\.actions\.associate\(\s*['"]([^'"]+)['"]/g), (m) => m[1]));
  for (const element of byLocalName(doc, 'FunctionName')) {
    const name = element.textContent?.trim() ?? '';
    if (!associated.has(name)) problems.push(`FunctionName ${name} is not associated in src/commands/commands.ts`);
  }
  if (byLocalName(doc, 'FunctionName').length > 0 && byLocalName(doc, 'FunctionFile').length === 0) {
    problems.push('function commands without a FunctionFile');
  }
  return problems;
}

async function projectFiles(): Promise<Project> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../webpack.config.js') as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<{ plugins: Array<{ constructor: { name: string }; userOptions?: { filename?: string } }> }>;
  const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: 'production' });
  const pages = config.plugins
    .filter((plugin) => plugin.constructor.name === 'HtmlWebpackPlugin')
    .map((plugin) => plugin.userOptions?.filename ?? 'index.html');
  return {
    assetExists: (path) => existsSync(join(ROOT, path)),
    pages,
    commandsSource: readFileSync(COMMANDS, 'utf8'),
  };
}

describe('manifest.xml', () => {
  const xml = readFileSync(MANIFEST, 'utf8');
  let project: Project;

  beforeAll(async () => {
    project = await projectFiles();
  });

  it('is consistent with the build: resources, pages, icons, commands, ids', () => {
    expect(project.pages.sort()).toEqual(['commands.html', 'preview.html', 'taskpane.html']);
    expect(checkManifest(xml, project)).toEqual([]);
  });

  it('is an Excel task pane add-in in zh-CN with en-US overrides', () => {
    const doc = parse(xml);
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    expect(byLocalName(doc, 'Id')[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(byLocalName(doc, 'DefaultLocale')[0].textContent).toBe('zh-CN');
    expect(byLocalName(doc, 'Host').map((host) => host.getAttribute('Name') ?? host.getAttributeNS(XSI, 'type'))).toEqual(['Workbook', 'Workbook']);
    for (const name of ['DisplayName', 'Description']) {
      const element = byLocalName(doc, name)[0];
      const override = byLocalName(element, 'Override')[0];
      expect(override?.getAttribute('Locale')).toBe('en-US');
      expect(override?.getAttribute('Value')).toBeTruthy();
    }
    expect(byLocalName(doc, 'DisplayName')[0].getAttribute('DefaultValue')).toBe('13710督办台账');
    expect(byLocalName(doc, 'SourceLocation')[0].getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('has a 13710督办 tab whose first group opens the five pages', () => {
    const doc = parse(xml);
    const strings = new Map(Array.from(doc.getElementsByTagNameNS(BT, 'String'), (s) => [s.getAttribute('id'), s.getAttribute('DefaultValue')]));
    const urls = new Map(Array.from(doc.getElementsByTagNameNS(BT, 'Url'), (u) => [u.getAttribute('id'), u.getAttribute('DefaultValue')]));
    const tab = byLocalName(doc, 'CustomTab')[0];
    const tabLabel = Array.from(tab.children).find((child) => child.localName === 'Label');
    expect(strings.get(tabLabel?.getAttribute('resid') ?? null)).toBe('13710督办');

    const group = byLocalName(tab, 'Group')[0];
    const buttons = byLocalName(group, 'Control').map((control) => {
      const label = Array.from(control.children).find((child) => child.localName === 'Label');
      const action = byLocalName(control, 'Action')[0];
      const source = byLocalName(action, 'SourceLocation')[0];
      return {
        label: strings.get(label?.getAttribute('resid') ?? null),
        action: action.getAttributeNS(XSI, 'type'),
        url: urls.get(source?.getAttribute('resid') ?? null),
      };
    });
    expect(buttons).toEqual([
      { label: '立项交办', action: 'ShowTaskpane', url: 'https://localhost:3000/taskpane.html?page=register' },
      { label: '反馈', action: 'ShowTaskpane', url: 'https://localhost:3000/taskpane.html?page=report' },
      { label: '销号', action: 'ShowTaskpane', url: 'https://localhost:3000/taskpane.html?page=close' },
      { label: '清单与报告', action: 'ShowTaskpane', url: 'https://localhost:3000/taskpane.html?page=lists' },
      { label: '综评', action: 'ShowTaskpane', url: 'https://localhost:3000/taskpane.html?page=scores' },
    ]);
    expect(byLocalName(doc, 'FunctionFile')[0].getAttribute('resid')).toBe('Url.Commands');
    expect(urls.get('Url.Commands')).toBe('https://localhost:3000/commands.html');
  });

  it('is read by office-addin-manifest (what `npm start` and `npm run validate` use)', () => {
    // Its CLI, in a child process: the library pulls in ESM-only dependencies jest cannot load.
    const cli = join(dirname(require.resolve('office-addin-manifest/package.json')), 'cli.js');
    const info = execFileSync(process.execPath, [cli, 'info', MANIFEST], { encoding: 'utf8' });
    expect(info).toMatch(/Name: 13710督办台账/);
    expect(info).toMatch(/Default Locale: zh-CN/);
    expect(info).toMatch(/Hosts: Workbook/);
    expect(info).toMatch(/Source Location: https:\/\/localhost:3000\/taskpane\.html/);
  });

  describe('the checks catch a broken manifest', () => {
    const broken: Array<[string, (source: string) => string, RegExp]> = [
      ['malformed XML', (s) => s.replace('</Hosts>', '</Hostz>'), /well-formed/],
      ['a missing icon', (s) => s.replace('assets/icon-80.png', 'assets/icon-81.png'), /icon-81\.png is not in assets/],
      ['an icon of the wrong size', (s) => s.replace('assets/icon-80.png', 'assets/icon-64.png'), /declared 80/],
      ['a page webpack does not build', (s) => s.replace('/commands.html', '/ribbon.html'), /ribbon\.html is not a page/],
      ['an unknown page', (s) => s.replace('?page=scores', '?page=score'), /unknown task pane page "score"/],
      ['a duplicate button id', (s) => s.replace('Duban.Btn.Report"', 'Duban.Btn.Register"'), /duplicate id Duban\.Btn\.Register/],
      ['a dangling resid', (s) => s.replace('resid="Btn.Close.Tip"', 'resid="Btn.Close.Tipp"'), /names no resource/],
      ['an unassociated function', (s) => s.replace('<FunctionName>showHelp<', '<FunctionName>showHelq<'), /showHelq is not associated/],
    ];
    it.each(broken)('%s', (_, mutate, expected) => {
      const mutated = mutate(xml);
      expect(mutated).not.toBe(xml);
      expect(checkManifest(mutated, project).join('\n')).toMatch(expected);
    });

    it('a function that commands.ts stops associating', () => {
      const withoutAssociate = { ...project, commandsSource: project.commandsSource.replace(/Office\.actions\.associate/g, '') };
      expect(checkManifest(xml, withoutAssociate).join('\n')).toMatch(/showHelp is not associated/);
    });
  });
});
