import {
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { toolPanelStyles } from './panelStyles';
import { useRef, useState } from 'react';
import { failures, reportText, type SelfCheckReport } from '../../excel/selfCheckModel';
import { platform } from '../../i18n/platform';

const T = platform.selfCheck;

const useStyles = makeStyles({
  ...toolPanelStyles,
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  report: { fontFamily: tokens.fontFamilyMonospace },
});

export interface SelfCheckPanelProps {
  /** runs 自检 in this Excel (workbookTools); null where the host cannot */
  check: (() => Promise<SelfCheckReport>) | null;
}

/** 自检: tries the add-in's Excel primitives in the user's own Excel and shows a 通过/失败 table with 复制报告. */
export function SelfCheckPanel({ check }: SelfCheckPanelProps): JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<SelfCheckReport | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const running = useRef(false);
  const text = report ? reportText(report) : '';

  const start = async () => {
    if (!check || running.current) return;
    running.current = true;
    setBusy(true);
    setCopied(null);
    try {
      setReport(await check());
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const copy = async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      done = false;
    }
    setCopied(done);
  };

  const bad = report ? failures(report) : [];
  return (
    <section className={styles.root} aria-labelledby="self-check-title" data-testid="self-check">
      <Body1Strong as="h3" id="self-check-title">
        {T.title}
      </Body1Strong>
      <Caption1 className={styles.hint}>{check ? T.hint : T.unavailable}</Caption1>
      <Button className={styles.start} disabled={!check || busy} onClick={() => void start()}>
        {busy ? T.running : T.run}
      </Button>
      {busy && <Spinner size="tiny" label={T.running} />}
      {report && (
        <>
          <Body1Strong as="h4">{T.environment}</Body1Strong>
          <Table size="small" aria-label={T.environment}>
            <TableBody>
              <TableRow>
                <TableCell>{T.host}</TableCell>
                <TableCell>{report.host.host || T.unknown}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{T.platform}</TableCell>
                <TableCell>{report.host.platform || T.unknown}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{T.build}</TableCell>
                <TableCell>{report.host.version || T.unknown}</TableCell>
              </TableRow>
              {report.sets.map((s) => (
                <TableRow key={s.name} data-set={s.name}>
                  <TableCell>{`${s.name} ${s.version}`}</TableCell>
                  <TableCell>
                    <span className={s.supported ? styles.ok : s.required ? styles.bad : undefined}>{s.supported ? T.supported : T.unsupported}</span>
                    {`（${T.setNote(s.required)}）`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Body1Strong as="h4">{T.checks}</Body1Strong>
          <Table size="small" aria-label={T.checks}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{T.colCheck}</TableHeaderCell>
                <TableHeaderCell>{T.colResult}</TableHeaderCell>
                <TableHeaderCell>{T.colDetail}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.results.map((r) => (
                <TableRow key={r.id} data-check={r.id} data-ok={String(r.ok)}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>
                    <span className={r.ok ? styles.ok : styles.bad}>{r.ok ? T.pass : T.fail}</span>
                  </TableCell>
                  <TableCell>{r.detail}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <MessageBar intent={bad.length === 0 ? 'success' : 'warning'}>
            <MessageBarBody>{bad.length === 0 ? T.allPassed : T.someFailed(bad.length, bad)}</MessageBarBody>
          </MessageBar>
          <Button className={styles.start} appearance="primary" onClick={() => void copy()}>
            {T.copy}
          </Button>
          {copied !== null && <Caption1 role="status">{copied ? T.copied : T.copyFailed}</Caption1>}
          <Textarea className={styles.report} readOnly value={text} rows={8} aria-label={T.reportTitle} />
        </>
      )}
    </section>
  );
}
