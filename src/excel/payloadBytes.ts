/**
 * Sizes as Excel on the web counts them against its 5 MB cap on a request and on a response:
 * JSON, in UTF-8 bytes (a Chinese character is 3 bytes). Microsoft does not say whether the cap
 * counts characters or bytes; bytes is the stricter reading. Shared by the adapter (to size its
 * slices) and the in-memory Excel (to refuse what Excel refuses). Browser-safe: no Buffer.
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */

/** UTF-8 length of a string without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      // a surrogate pair is one code point of 4 bytes
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value's JSON (0 for what JSON cannot hold). */
export function jsonBytes(v: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    return 0;
  }
  return json === undefined ? 0 : utf8Length(json);
}

/**
 * `jsonBytes` of an array value, element by element, stopping once past `cap` (the result is then
 * just over `cap`): a grid of tens of thousands of formula rows would otherwise be stringified
 * whole, gigabytes at a time, only to be refused.
 */
export function jsonBytesUpTo(v: unknown, cap: number): number {
  if (!Array.isArray(v)) return jsonBytes(v);
  let n = 2; // [ ]
  for (let i = 0; i < v.length && n <= cap; i += 1) n += jsonBytesUpTo(v[i], cap - n) + (i > 0 ? 1 : 0);
  return n;
}
