import {
  Body1Strong,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ui } from '../../i18n';
import { SheetList } from './SheetList';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  name: { wordBreak: 'break-all' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What the card shows: the sheet list when the workbook was read directly, else whether it is initialised. */
export interface StatusInfo {
  name: string;
  sheets?: Record<string, boolean>;
  initialised?: boolean;
}

export type StatusCardState = { kind: 'loading' } | { kind: 'ready'; info: StatusInfo } | { kind: 'failed'; message: string };

export interface StatusCardProps {
  state: StatusCardState;
  onRefresh: () => void;
}

/** Which workbook the pane is attached to, and which ledger sheets it has. */
export function StatusCard({ state, onRefresh }: StatusCardProps): JSX.Element {
  const styles = useStyles();
  return (
    <Card aria-label={ui.status.title}>
      <CardHeader
        header={<Body1Strong as="h3">{ui.status.title}</Body1Strong>}
        action={
          <Button size="small" appearance="subtle" onClick={onRefresh} disabled={state.kind === 'loading'}>
            {ui.status.refresh}
          </Button>
        }
      />
      {state.kind === 'loading' && <Spinner size="tiny" label={ui.status.loading} labelPosition="after" />}
      {state.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{ui.status.failed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'ready' && <ReadyBody info={state.info} styles={styles} />}
    </Card>
  );
}

function ReadyBody({ info, styles }: { info: StatusInfo; styles: ReturnType<typeof useStyles> }): JSX.Element {
  const { name, sheets, initialised } = info;
  return (
    <>
      <div className={styles.field}>
        <Caption1 className={styles.muted}>{ui.status.workbook}</Caption1>
        <Text weight="semibold" className={styles.name} data-testid="workbook-name">
          {name}
        </Text>
      </div>
      {sheets && <SheetsField sheets={sheets} styles={styles} />}
      {!sheets && initialised !== undefined && (
        <Caption1 className={styles.muted} data-testid="ledger-initialised">
          {initialised ? ui.status.initialised : ui.status.notInitialised}
        </Caption1>
      )}
    </>
  );
}

function SheetsField({ sheets, styles }: { sheets: Record<string, boolean>; styles: ReturnType<typeof useStyles> }): JSX.Element {
  const total = Object.keys(sheets).length;
  const present = Object.values(sheets).filter(Boolean).length;
  return (
    <div className={styles.field}>
      <Caption1 className={styles.muted}>
        {ui.status.sheetsTitle} · {present === total ? ui.status.allPresent : ui.status.summary(present, total)}
      </Caption1>
      <SheetList sheets={sheets} />
    </div>
  );
}
