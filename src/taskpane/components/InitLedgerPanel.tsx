import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ui } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** 初始化台账: shown now, enabled once the workbook builder lands. */
export function InitLedgerPanel(): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Button appearance="primary" disabledFocusable aria-describedby="init-ledger-hint">
        {ui.init.button}
      </Button>
      <Caption1 id="init-ledger-hint" className={styles.hint}>
        {ui.init.hint}
      </Caption1>
    </div>
  );
}
