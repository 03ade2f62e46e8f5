import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ui } from '../../i18n';
import { useLedger } from '../hooks/useLedger';

/**
 * Renders its children once the ledger has been read. A failed re-read keeps the last snapshot
 * (and the forms on it) and shows the error above them.
 */
export function SnapshotGate({ children }: { children?: ReactNode }): JSX.Element {
  const { snapshot, loading, error, reload } = useLedger();
  const failure = error && (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{ui.ledger.failed}</MessageBarTitle>
        {error}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => void reload()} disabled={loading}>
          {ui.ledger.reload}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
  if (!snapshot) return failure || <Spinner size="tiny" label={ui.ledger.loading} labelPosition="after" />;
  return (
    <>
      {failure}
      {!snapshot.initialised && (
        <MessageBar intent="warning">
          <MessageBarBody>{ui.init.needed}</MessageBarBody>
        </MessageBar>
      )}
      {children}
    </>
  );
}
