/**
 * The clipboard as Excel (and WPS, WeChat) put a copied block on it: cells separated by tabs,
 * records by CRLF / LF / CR; a cell holding a tab, a line break or a quote is quoted, with "" for a
 * quote. Lenient on stray quotes (5" 管道 stays as typed): a quote only opens a quoted cell when
 * its closing quote is followed by a tab, a line end or the end.
 */
/** Split clipboard text into records of cells (Excel's quoting rules; lenient on stray quotes). */
export function splitClipboard(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = s.length;
  const endOfLine = (j: number) => (s[j] === '\r' && s[j + 1] === '\n' ? 2 : s[j] === '\r' || s[j] === '\n' ? 1 : 0);
  while (i <= n) {
    // one field starting at i
    let value = '';
    let j = i;
    let quoted = false;
    if (s[i] === '"') {
      // try a quoted field: "…" with "" for a quote, ending at a tab, a line end or the end
      let k = i + 1;
      let buf = '';
      let closed = -1;
      while (k < n) {
        if (s[k] === '"') {
          if (s[k + 1] === '"') {
            buf += '"';
            k += 2;
            continue;
          }
          closed = k;
          break;
        }
        buf += s[k];
        k += 1;
      }
      const after = closed + 1;
      if (closed >= 0 && (after >= n || s[after] === '\t' || endOfLine(after) > 0)) {
        value = buf;
        j = after;
        quoted = true;
      }
    }
    if (!quoted) {
      while (j < n && s[j] !== '\t' && endOfLine(j) === 0) j += 1;
      value = s.slice(i, j);
    }
    row.push(value);
    if (j >= n) {
      records.push(row);
      break;
    }
    if (s[j] === '\t') {
      i = j + 1;
      continue;
    }
    records.push(row);
    row = [];
    i = j + endOfLine(j);
    if (i >= n) break; // the clipboard's final line end
  }
  return records;
}
