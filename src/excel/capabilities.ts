/**
 * What this Excel can do, asked the way Microsoft says to: `Office.context.requirements.isSetSupported`
 * (https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements#check-for-api-availability-at-runtime).
 * Injected like `ExcelRun`: the task pane uses the real `Office` global; tests and the preview pass
 * the double's `office` (src/excel/double/profiles.ts), which answers per requirement-set profile.
 *
 * The manifest requires ExcelApi 1.9; everything the adapter calls is in it except
 * `WorksheetProtection.isPasswordProtected` (ExcelApiOnline 1.1 — Excel on the web only:
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-online-requirement-set).
 */

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The part of the `Office` global the add-in reads (the real one, or the double's `office`). */
export interface OfficeLike {
  context?: {
    host?: unknown;
    platform?: unknown;
    diagnostics?: { host?: unknown; platform?: unknown; version?: unknown };
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** Host, platform and build as Office reports them ('' when it does not). */
export interface HostInfo {
  host: string;
  platform: string;
  version: string;
}

/** The requirement sets the add-in uses: the manifest's, and the optional web-only one. */
export const USED_SETS: readonly { name: string; version: string; required: boolean }[] = [
  { name: 'ExcelApi', version: '1.9', required: true },
  { name: 'ExcelApiOnline', version: '1.1', required: false },
];

/** The optional set behind `WorksheetProtection.isPasswordProtected`. */
export const PASSWORD_FLAG_SET = { name: 'ExcelApiOnline', version: '1.1' } as const;

function globalOffice(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

/** Requirement checks against an `Office` object (default: the global one); false when there is none. */
export function officeRequirements(office: OfficeLike | undefined = globalOffice()): Requirements {
  return {
    isSetSupported(name, minVersion) {
      try {
        return office?.context?.requirements?.isSetSupported(name, minVersion) === true;
      } catch {
        return false;
      }
    },
  };
}

/** Host, platform and build of an `Office` object (default: the global one). */
export function hostInfo(office: OfficeLike | undefined = globalOffice()): HostInfo {
  const c = office?.context;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    host: text(c?.diagnostics?.host) || text(c?.host),
    platform: text(c?.diagnostics?.platform) || text(c?.platform),
    version: text(c?.diagnostics?.version),
  };
}

/**
 * For an error Office raises when this Excel lacks a member (`ApiNotFound`, "The method or property
 * {member} is part of the {set} requirement set, which is not available in your version of {host}."):
 * the member and its set, as the zh-CN messages name them; null for any other error.
 */
export function missingApi(e: unknown): string | null {
  const o = (e ?? {}) as { code?: unknown; message?: unknown };
  if (o.code !== 'ApiNotFound') return null;
  const m = /method or property (\S+) is part of the (.+?) requirement set/.exec(String(o.message ?? ''));
  return m ? `${m[1]}，属于 ${m[2]} 要求集` : String(o.message || 'ApiNotFound');
}
