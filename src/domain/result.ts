/**
 * Result: how the domain core reports failure. Anything a user can get wrong (a typed date, an
 * illegal workflow step) is an expected outcome, not an exception, so such functions return a
 * Result and never throw; callers must look at `ok` before they can reach the value.
 */

/** A failure the user can act on. `code` is stable (tests, UI logic); `message` is zh-CN prose. */
export interface DomainError {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function isOk<T>(r: Result<T>): r is { ok: true; value: T } {
  return r.ok;
}

export function isErr<T>(r: Result<T>): r is { ok: false; error: DomainError } {
  return !r.ok;
}

/** Transform the value of a success; a failure passes through unchanged. */
export function mapResult<T, U>(r: Result<T>, f: (value: T) => U): Result<U> {
  return r.ok ? ok(f(r.value)) : r;
}

/** Chain a step that can itself fail. */
export function andThen<T, U>(r: Result<T>, f: (value: T) => Result<U>): Result<U> {
  return r.ok ? f(r.value) : r;
}

export function unwrapOr<T>(r: Result<T>, fallback: T): T {
  return r.ok ? r.value : fallback;
}

/**
 * Render any cell value for a message, quoted by the caller. Must never throw: it sees whatever
 * a spreadsheet (or a fuzzer) hands us — symbols, cyclic objects, objects whose toString throws.
 * Long text is shortened so that one 10,000-character cell does not drown the message.
 */
export function displayValue(raw: unknown, maxChars = 40): string {
  let s: string;
  try {
    if (raw === null || raw === undefined) s = '';
    else if (typeof raw === 'string') s = raw;
    else if (raw instanceof Date) s = Number.isNaN(raw.getTime()) ? '无效日期' : raw.toISOString().slice(0, 10);
    else if (typeof raw === 'object') s = JSON.stringify(raw) ?? '';
    else s = String(raw);
  } catch {
    s = '（无法显示的内容）';
  }
  // Count code points, not UTF-16 units, so a cut never splits a surrogate pair.
  const chars = Array.from(s);
  return chars.length > maxChars ? chars.slice(0, maxChars).join('') + '…' : s;
}
