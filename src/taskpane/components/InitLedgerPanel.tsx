import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { useLedger } from '../hooks/useLedger';
import { errorText } from '../hooks/useSnapshot';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Outcome = { kind: 'done'; message: string } | { kind: 'failed'; message: string } | null;

export interface InitLedgerPanelProps {
  /** the button's text (default 初始化台账; 校验台账 offers it as 修复（初始化台账）) */
  label?: string;
  /** the hint under the button (default ui.init.hint) */
  hint?: string;
  /** called after a successful run (and the snapshot reload) */
  onDone?: () => void;
  /** distinguishes the hint's id when the panel is shown twice on a page */
  id?: string;
}

/** 初始化台账: creates what is missing and repairs formulas and rules; also offered once initialised. */
export function InitLedgerPanel({ label = ui.init.button, hint = ui.init.hint, onDone, id = 'init-ledger' }: InitLedgerPanelProps = {}): JSX.Element {
  const styles = useStyles();
  const { service, snapshot, reload } = useLedger();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const needed = snapshot !== null && !snapshot.initialised;

  const initialise = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await service.initialise();
      if (result.ok) {
        setOutcome({ kind: 'done', message: ui.init.done(result.value.createdSheets, result.value.repaired) });
        await reload();
        onDone?.();
      } else {
        setOutcome({ kind: 'failed', message: result.error.message });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', message: ui.op.thrown(errorText(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Button appearance={needed ? 'primary' : 'secondary'} disabled={busy} onClick={() => void initialise()} aria-describedby={`${id}-hint`}>
        {label}
      </Button>
      <Caption1 id={`${id}-hint`} className={styles.hint}>
        {hint}
      </Caption1>
      {outcome && (
        <MessageBar intent={outcome.kind === 'done' ? 'success' : 'error'}>
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
