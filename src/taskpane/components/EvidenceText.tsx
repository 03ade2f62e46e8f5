import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ui } from '../../i18n';

const useStyles = makeStyles({
  missing: { color: tokens.colorPaletteRedForeground1 },
});

/** An http(s) address, up to whitespace, the separators people put between several (、，,；;) or closing punctuation. */
const LINK = /(https?:\/\/[^\s、，,；;。（）“”"'<>]+)/i;

export type EvidencePart = { kind: 'link'; href: string } | { kind: 'text'; text: string };

/**
 * 佐证材料 as written, cut into text and http(s) links (one link alone, file names alone, or a mix:
 * “https://… 、验收单.pdf”). Only http and https become links: any other scheme stays text.
 */
export function evidenceParts(text: string): EvidencePart[] {
  // split with one capture group: the links are the odd pieces
  return text
    .split(LINK)
    .map((s, i): EvidencePart => (i % 2 === 1 ? { kind: 'link', href: s } : { kind: 'text', text: s }))
    .filter((p) => p.kind === 'link' || p.text !== '');
}

/**
 * 佐证材料 as 初核 and 审定 read it: links open in a new tab (no opener); the rest is plain text,
 * escaped as React escapes every text. Nothing given: “未提供佐证材料”, in red.
 */
export function EvidenceText({ text }: { text: string }): JSX.Element {
  const styles = useStyles();
  if (text.trim() === '') {
    return (
      <span className={styles.missing} data-evidence="missing">
        {ui.item.noEvidence}
      </span>
    );
  }
  return (
    <span data-evidence="given">
      {evidenceParts(text).map((p, k) =>
        p.kind === 'link' ? (
          <Link key={k} href={p.href} target="_blank" rel="noopener noreferrer" title={ui.item.evidenceLink(p.href)} inline>
            {p.href}
          </Link>
        ) : (
          <span key={k}>{p.text}</span>
        ),
      )}
    </span>
  );
}
