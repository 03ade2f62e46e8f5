import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ui } from '../../i18n';
import { OperationMessage } from '../components/OperationMessage';
import { PageFrame } from '../components/PageFrame';
import { SnapshotGate } from '../components/SnapshotGate';
import { useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import { PendingApprovals } from './PendingApprovals';
import { RegisterForm } from './RegisterForm';

/** 立项交办: the register form (督办员) and the items waiting for the 中心主任's approval. */
export function RegisterPage(): JSX.Element {
  return (
    <PageFrame page="register">
      <SnapshotGate>
        <RegisterBody />
      </SnapshotGate>
    </PageFrame>
  );
}

function RegisterBody(): JSX.Element {
  const { choice, actor } = useReadyLedger();
  const op = useLedgerOperation();
  return (
    <>
      {!actor && (
        <MessageBar intent="info">
          <MessageBarBody>{ui.role.needRole}</MessageBarBody>
        </MessageBar>
      )}
      {choice?.role === '督办员' ? (
        <RegisterForm op={op} />
      ) : (
        actor && (
          <MessageBar intent="info">
            <MessageBarBody>{ui.register.officeOnly}</MessageBarBody>
          </MessageBar>
        )
      )}
      <OperationMessage op={op} />
      <PendingApprovals op={op} />
    </>
  );
}
