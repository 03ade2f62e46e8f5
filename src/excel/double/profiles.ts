/**
 * Requirement-set profiles: which Excel the double pretends to be, and what that Excel lacks.
 *
 * Each profile answers `Office.context.requirements.isSetSupported(name, minVersion)` (through the
 * double's `office` object, `xl.office.context.requirements`) with the requirement sets Microsoft lists
 * for that build, and a member of a set the profile lacks fails the way office.js fails:
 * `ApiNotFound`, "The method or property {0} is part of the {1} requirement set, which is not
 * available in your version of {2}." (office.js 1.1.110, `CommonUtility.throwIfApiNotSupported`, called
 * from the property getters and methods of such members:
 * node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js; error code documented in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 *
 * Stricter than Excel on purpose: a member beyond the manifest's requirement (ExcelApi 1.9,
 * manifest.xml) fails even on a profile that has it unless the code asked `isSetSupported` for its set
 * first (and got true) — "Because ExcelApiOnline APIs are only supported by Excel on the web, your
 * add-in should check if the requirement set is supported before calling these APIs"
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-online-requirement-set).
 * Office.js checks support in the getter; what a host answers to `load()` of a property it does not
 * know is undocumented, so the double already refuses the `load()` (strict choice).
 *
 * Sources for the sets per profile: "Excel JavaScript API requirement sets"
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * ExcelApi 1.20 on the web, Microsoft 365 on Windows from Version 2509 (Build 19201.20002) and Mac
 * from 16.100; ExcelApiDesktop 1.1 on Windows from 2509 (Build 19231.20156) and Mac from 16.102, not on
 * the web; ExcelApiOnline only on the web; Office 2021 (volume-licensed perpetual/LTSC) up to
 * ExcelApi 1.14 (Version 2108, Build 14326.20508; 1.15 and later list Office 2024). Office 2019
 * (volume-licensed) stops at ExcelApi 1.8 ("Office requirement sets availability",
 * docs/requirement-sets/requirement-sets.md in OfficeDev/office-js-docs-reference before #2422,
 * Nov 2025; the per-set table now lists 1.8 under Office 2021 and 1.7 under 2019) — below the
 * manifest's 1.9 either way: Office does not offer the add-in there. The `office2019` profile exists
 * so the 自检 can show what a failing Excel reports.
 *
 * Members and their sets: @types/office-js (the `[Api set: …]` of each member), for the members the
 * double implements beyond ExcelApi 1.8.
 */
import { DoubleExcelError } from './errors';
import { columnIndex, type Rect } from './address';
import type { ConditionalFormatModel, ConditionalFormatSnapshot, DoubleWorkbook } from './model';
import type { ProxyBase } from './proxy';

export type ExcelProfileName = 'web' | 'm365-windows' | 'office2021' | 'mac' | 'office2019';

export const PROFILE_NAMES: readonly ExcelProfileName[] = ['web', 'm365-windows', 'office2021', 'mac', 'office2019'];

export interface ExcelProfile {
  name: ExcelProfileName;
  /** `Office.context.platform` / `diagnostics.platform` (Office.PlatformType) */
  platform: 'OfficeOnline' | 'PC' | 'Mac';
  /** `Office.context.diagnostics.version`: an example build of that channel (illustrative) */
  version: string;
  /** requirement set → highest version supported */
  sets: Readonly<Record<string, string>>;
  /**
   * office-js #5299 (Windows desktop, Microsoft 365 Version 2412): a conditional format created through
   * the API whose rule refers to another cell does not update when that cell changes.
   */
  staleConditionalFormats: boolean;
}

export const PROFILES: Readonly<Record<ExcelProfileName, ExcelProfile>> = {
  web: {
    name: 'web',
    platform: 'OfficeOnline',
    version: '16.0.19426.40000',
    sets: { ExcelApi: '1.20', ExcelApiOnline: '1.1' },
    staleConditionalFormats: false,
  },
  'm365-windows': {
    name: 'm365-windows',
    platform: 'PC',
    version: '16.0.19231.20156',
    sets: { ExcelApi: '1.20', ExcelApiDesktop: '1.1' },
    staleConditionalFormats: true,
  },
  office2021: { name: 'office2021', platform: 'PC', version: '16.0.14326.20508', sets: { ExcelApi: '1.14' }, staleConditionalFormats: false },
  mac: { name: 'mac', platform: 'Mac', version: '16.102.25101223', sets: { ExcelApi: '1.20', ExcelApiDesktop: '1.1' }, staleConditionalFormats: false },
  office2019: { name: 'office2019', platform: 'PC', version: '16.0.10730.20102', sets: { ExcelApi: '1.8' }, staleConditionalFormats: false },
};

/** What the manifest requires (manifest.xml `<Set Name="ExcelApi" MinVersion="1.9"/>`): no check needed up to here. */
const BASELINE = { set: 'ExcelApi', version: '1.9' };

/**
 * Members the double implements beyond ExcelApi 1.8, with their set (@types/office-js). Children of a
 * listed navigation property are reached only through it. Proxies ask through `ProxyBase._require`
 * (proxy.ts): every scalar/navigation getter, setter and `load()` name, and the listed methods first
 * thing (Range.find, …; grep `_require(`).
 */
const MEMBER_SETS: ReadonlyMap<string, { set: string; version: string }> = new Map([
  ['WorksheetProtection.isPasswordProtected', { set: 'ExcelApiOnline', version: '1.1' }],
  ['Range.find', { set: 'ExcelApi', version: '1.9' }],
  ['Range.findOrNullObject', { set: 'ExcelApi', version: '1.9' }],
  ['Range.getSpecialCells', { set: 'ExcelApi', version: '1.9' }],
  ['Range.getSpecialCellsOrNullObject', { set: 'ExcelApi', version: '1.9' }],
  ['Range.getMergedAreasOrNullObject', { set: 'ExcelApi', version: '1.13' }],
  ['Worksheet.pageLayout', { set: 'ExcelApi', version: '1.9' }],
  ['Worksheet.horizontalPageBreaks', { set: 'ExcelApi', version: '1.9' }],
  ['Application.suspendScreenUpdatingUntilNextSync', { set: 'ExcelApi', version: '1.9' }],
]);

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The double's `Office` global, for the code that asks Office about the host. */
export interface OfficeDouble {
  context: {
    host: 'Excel';
    platform: ExcelProfile['platform'];
    diagnostics: { host: 'Excel'; platform: ExcelProfile['platform']; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
  };
}

export interface ProfileState {
  profile: ExcelProfile;
  /** "set version" pairs the code asked about and got true */
  checked: Set<string>;
  /** conditional formats created through the API (not seeded through direct access) */
  apiCreatedFormats: WeakSet<ConditionalFormatModel>;
  office: OfficeDouble;
}

const states = new WeakMap<DoubleWorkbook, ProfileState>();

export function supports(profile: ExcelProfile, name: string, minVersion: string | number = '1.1'): boolean {
  const have = profile.sets[name];
  return have !== undefined && compareVersions(have, String(minVersion)) >= 0;
}

/** Binds a profile to a workbook (createExcelDouble does this) and returns its `Office` double. */
export function attachProfile(wb: DoubleWorkbook, name: ExcelProfileName): ProfileState {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`Excel double: unknown profile '${String(name)}'`);
  const checked = new Set<string>();
  const office: OfficeDouble = {
    context: {
      host: 'Excel',
      platform: profile.platform,
      diagnostics: { host: 'Excel', platform: profile.platform, version: profile.version },
      requirements: {
        isSetSupported(set: string, minVersion?: string | number) {
          const ok = supports(profile, set, minVersion ?? '1.1');
          if (ok) checked.add(`${set} ${String(minVersion ?? '1.1')}`);
          return ok;
        },
      },
    },
  };
  const state: ProfileState = { profile, checked, apiCreatedFormats: new WeakSet(), office };
  states.set(wb, state);
  return state;
}

export function profileOf(wb: DoubleWorkbook): ProfileState | undefined {
  return states.get(wb);
}

function beyondBaseline(set: string, version: string): boolean {
  return set !== BASELINE.set || compareVersions(version, BASELINE.version) > 0;
}

function checkedFor(state: ProfileState, set: string, version: string): boolean {
  for (const c of state.checked) {
    const [s, v] = c.split(' ');
    if (s === set && compareVersions(v, version) >= 0) return true;
  }
  return false;
}

export function apiNotFound(member: string, set: string, version: string, extra = ''): DoubleExcelError {
  return new DoubleExcelError(
    'ApiNotFound',
    `The method or property ${member} is part of the ${set} ${version} requirement set, which is not available in your version of Excel.${extra}`,
    member,
  );
}

/**
 * Throws as Office does when `member` ("Range.find") is one of MEMBER_SETS and outside the profile
 * (or, strictly, used unchecked beyond the manifest's set). Other members pass.
 */
export function requireMember(p: ProxyBase, member: string): void {
  const guard = MEMBER_SETS.get(member);
  if (!guard) return;
  const { set, version } = guard;
  const state = states.get(p._ctx.engine.wb);
  if (!state) return;
  if (!supports(state.profile, set, version)) throw apiNotFound(member, set, version);
  if (beyondBaseline(set, version) && !checkedFor(state, set, version)) {
    throw apiNotFound(
      member,
      set,
      version,
      ` (Excel double, profile ${state.profile.name}: the manifest requires ExcelApi 1.9 only, so call Office.context.requirements.isSetSupported('${set}', '${version}') first; other Excel builds lack it.)`,
    );
  }
}

// ---------------------------------------------------------------- office-js #5299 (m365-windows)

/** Called by ConditionalFormatCollection.add (api/conditionalFormats.ts): formats seeded directly are not affected. */
export function markCreatedThroughApi(wb: DoubleWorkbook, cf: ConditionalFormatModel): void {
  states.get(wb)?.apiCreatedFormats.add(cf);
}

const FUNCTION_OR_CONSTANT = /^(TRUE|FALSE)$/i;

/**
 * Whether a conditional-format formula, written relative to the top-left cell of `rect` (as Excel
 * stores them), reads any cell other than the one being formatted — for some cell of `rect`.
 * Defined names and references to other sheets count as other cells.
 */
export function refersToOtherCells(formula: string, rect: Rect): boolean {
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const token =
    /(?:'[^']*'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])|([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)(\s*\()?/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m[0].endsWith('!')) return true; // another sheet
    if (m[2] !== undefined) {
      const col = columnIndex(m[2].toUpperCase());
      const row = Number(m[4]) - 1;
      const colSelf = m[1] === '$' ? rect.c0 === rect.c1 && col === rect.c0 : col === rect.c0;
      const rowSelf = m[3] === '$' ? rect.r0 === rect.r1 && row === rect.r0 : row === rect.r0;
      if (!colSelf || !rowSelf) return true;
      continue;
    }
    if (m[5] !== undefined && m[6] === undefined && !FUNCTION_OR_CONSTANT.test(m[5])) return true; // a defined name
  }
  return false;
}

function ruleFormulas(cf: ConditionalFormatModel): string[] {
  const r = cf.rule as Record<string, unknown>;
  return [r.formula, r.formula1, r.formula2].filter((f): f is string => typeof f === 'string');
}

/**
 * office-js #5299 (https://github.com/OfficeDev/office-js/issues/5299; Excel for Microsoft 365 on
 * Windows, Version 2412): "When creating conditional formatting via the JavaScript API, which refers
 * to another cell, if the value in that cell changes the conditional formatting does not update."
 * On the `m365-windows` profile: the conditional formats that Excel would leave stale — created through
 * the API, with a rule that reads a cell other than the formatted one. Empty on other profiles, and
 * for formats seeded through direct access (a template's rules are not affected).
 */
export function staleConditionalFormats(wb: DoubleWorkbook, sheetName?: string): ConditionalFormatSnapshot[] {
  const state = states.get(wb);
  if (!state?.profile.staleConditionalFormats) return [];
  const out: ConditionalFormatSnapshot[] = [];
  for (const sheet of wb.sheets) {
    if (sheetName !== undefined && sheet.name !== sheetName) continue;
    const snaps = sheet.conditionalFormats();
    sheet.cfs.forEach((cf, i) => {
      if (state.apiCreatedFormats.has(cf) && ruleFormulas(cf).some((f) => refersToOtherCells(f, cf.rect))) out.push(snaps[i]);
    });
  }
  return out;
}
