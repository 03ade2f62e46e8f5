/**
 * 编号 of ledger items: `DB-YYYY-NNNN` — year of 立项, then a sequence within that year, four
 * digits, growing to five and more past 9999 (so numbers never wrap and never repeat).
 *
 * The ledger is a co-authored workbook: two people registering at the same moment compute the
 * same next number. We do not lock (Excel offers no lock); instead each write carries an
 * operation id, and after writing everybody reads the rows back and runs `resolveCollisions`.
 * It is deterministic, so every add-in instance reaches the same verdict and only the loser's
 * own instance renumbers its row.
 */

export interface ItemNumber {
  year: number;
  seq: number;
}

const PREFIX = 'DB';

/** Canonical form only: four-digit year, sequence ≥ 1 zero-padded to four digits (no padding past 9999). */
export function parseItemNumber(id: string): ItemNumber | null {
  if (typeof id !== 'string') return null;
  const m = /^DB-(\d{4})-(\d{4}|[1-9]\d{4,})$/.exec(id);
  if (!m) return null;
  const seq = Number(m[2]);
  if (seq < 1 || !Number.isSafeInteger(seq)) return null;
  return { year: Number(m[1]), seq };
}

export function formatItemNumber(year: number, seq: number): string {
  return `${PREFIX}-${String(Math.trunc(year)).padStart(4, '0')}-${String(Math.trunc(seq)).padStart(4, '0')}`;
}

/**
 * Lenient reading for computing the next free number: a hand-typed ` db-2026-0042 ` or
 * `DB-2026-42` still occupies 42. Reading too much here only skips a number; reading too little
 * would hand out a number that is already taken.
 */
function occupied(id: unknown): ItemNumber | null {
  if (typeof id !== 'string') return null;
  const s = id.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
  const m = /^\s*DB\s*[-－_]\s*(\d{4})\s*[-－_]\s*(\d{1,15})\s*$/i.exec(s);
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 ? { year: Number(m[1]), seq } : null;
}

function maxSeq(ids: readonly unknown[], year: number): number {
  let max = 0;
  for (const id of ids) {
    const n = occupied(id);
    if (n && n.year === year && n.seq > max) max = n.seq;
  }
  return max;
}

/** The next number of `year`: the largest sequence of that year + 1. Malformed ids are ignored. */
export function nextItemNumber(existing: readonly string[], year: number): string {
  return formatItemNumber(year, maxSeq(existing, year) + 1);
}

export interface Renumbering {
  /** Operation that wrote the row that must change */
  opId: string;
  /** The id it wrote (shared with an earlier operation's row) */
  oldId: string;
  /** The id it must write instead */
  newId: string;
  /** Position of the row in the `rows` argument */
  index: number;
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Given all rows as read back after writing (each new row carries the operation id that wrote
 * it), settle duplicate ids: of the rows sharing an id, the row whose opId sorts first keeps it
 * (op ids begin with a timestamp, so usually the earlier registration); every other row gets a
 * fresh number of the same year, max+1, max+2, … in a fixed order (id, then opId, then row
 * position). Duplicates of malformed ids are left alone: they have no year to number them in,
 * and validation reports them.
 */
export function resolveCollisions(rows: readonly { id: string; opId: string }[]): Renumbering[] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (!parseItemNumber(row.id)) return;
    const list = groups.get(row.id);
    if (list) list.push(index);
    else groups.set(row.id, [index]);
  });

  const losers: number[] = [];
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const sorted = [...indexes].sort((a, b) => byCodeUnits(String(rows[a].opId), String(rows[b].opId)) || a - b);
    losers.push(...sorted.slice(1));
  }
  losers.sort((a, b) => byCodeUnits(rows[a].id, rows[b].id) || byCodeUnits(String(rows[a].opId), String(rows[b].opId)) || a - b);

  const allIds = rows.map((r) => r.id);
  const nextSeq = new Map<number, number>();
  return losers.map((index) => {
    const { year } = parseItemNumber(rows[index].id)!;
    const seq = (nextSeq.get(year) ?? maxSeq(allIds, year)) + 1;
    nextSeq.set(year, seq);
    return { opId: rows[index].opId, oldId: rows[index].id, newId: formatItemNumber(year, seq), index };
  });
}

/**
 * A short operation id, `op-20261125T233000-k3f9`: UTC timestamp (so ids sort by time on every
 * machine whatever its zone) plus four base-36 characters from `random` (injected for tests).
 */
export function newOperationId(now: Date, random: () => number): string {
  const ms = now instanceof Date ? now.getTime() : NaN;
  const t = Number.isNaN(ms) ? new Date(0) : now;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp =
    `${p(t.getUTCFullYear(), 4)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}` + `T${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
  let tail = '';
  for (let i = 0; i < 4; i++) {
    const r = random();
    const x = Number.isFinite(r) ? Math.min(Math.max(r, 0), 0.999999999) : 0;
    tail += Math.floor(x * 36).toString(36);
  }
  return `op-${stamp}-${tail}`;
}
