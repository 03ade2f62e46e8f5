import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { ui } from '../../i18n';
import type { Operation } from '../hooks/useOperation';

/** The outcome of the page's last action: in flight, done (with its 编号), or failed with 重试. */
export function OperationMessage({ op }: { op: Operation }): JSX.Element | null {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (op.error || op.success) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [op.error, op.success]);

  return (
    <div ref={ref} data-testid="operation-message">
      {op.busy && <Spinner size="tiny" label={ui.op.busy} labelPosition="after" />}
      {op.error && (
        <MessageBar intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{ui.op.failedTitle}</MessageBarTitle>
            <span>{op.error}</span> {op.retryable && <span>{ui.op.kept}</span>}
          </MessageBarBody>
          {op.retryable && (
            <MessageBarActions>
              <Button size="small" onClick={() => void op.retry()} disabled={op.busy}>
                {ui.op.retry}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {op.success && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{ui.op.doneTitle}</MessageBarTitle>
            <span>{op.success}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
