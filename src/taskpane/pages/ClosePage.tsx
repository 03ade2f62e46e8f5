import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { allowedActions, type ActionType } from '../../domain/workflow';
import { ui } from '../../i18n';
import { ItemPicker } from '../components/ItemPicker';
import { ItemSummary } from '../components/ItemSummary';
import { OperationMessage } from '../components/OperationMessage';
import { PageFrame } from '../components/PageFrame';
import { SnapshotGate } from '../components/SnapshotGate';
import { useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import type { ItemView } from '../ledgerView';
import { ApplyCloseForm } from './ApplyCloseForm';
import { ApproveForm } from './ApproveForm';
import { CheckForm } from './CheckForm';
import { EscalateForm } from './EscalateForm';
import { ExtensionForm } from './ExtensionForm';
import { FlagForm } from './FlagForm';
import { ReopenForm } from './ReopenForm';
import { ReturnForm } from './ReturnForm';

/** Items this page works on: everything 交办 (closed items for 重新立项 and 认定). */
const closable = (v: ItemView) => v.item.state !== '待审批';
const FLAGS = ['认定敷衍推诿', '认定弄虚作假'] as const;
const PAGE_ACTIONS: readonly ActionType[] = ['申请办结', '初核', '审定', '退回', '延期方案', '升级', '重新立项', ...FLAGS];

/** 销号: 申请办结 → 初核 → 审定 (or 退回), and 延期方案, 升级, 重新立项, 认定. */
export function ClosePage(): JSX.Element {
  return (
    <PageFrame page="close">
      <SnapshotGate>
        <CloseBody />
      </SnapshotGate>
    </PageFrame>
  );
}

function CloseBody(): JSX.Element {
  const { views, selectedId, choice, actor } = useReadyLedger();
  const op = useLedgerOperation();
  const view = views.find((v) => v.item.id === selectedId);
  const allowed = view && actor && choice ? allowedActions(view.item, choice.role, choice.section) : [];
  const can = (type: ActionType) => allowed.includes(type);
  const item = view?.item;
  const flags = FLAGS.filter(can);

  return (
    <>
      {!actor && (
        <MessageBar intent="info">
          <MessageBarBody>{ui.role.needRole}</MessageBarBody>
        </MessageBar>
      )}
      <ItemPicker filter={closable} />
      {view && <ItemSummary view={view} />}
      {item && can('申请办结') && <ApplyCloseForm key={item.id} item={item} op={op} />}
      {item && can('初核') && <CheckForm item={item} op={op} />}
      {item && can('审定') && <ApproveForm item={item} op={op} />}
      {item && can('退回') && <ReturnForm item={item} op={op} />}
      {item && can('延期方案') && <ExtensionForm item={item} op={op} />}
      {item && can('升级') && <EscalateForm item={item} op={op} />}
      {item && can('重新立项') && <ReopenForm item={item} op={op} />}
      {item && flags.length > 0 && <FlagForm item={item} op={op} flags={flags} />}
      {item && actor && !PAGE_ACTIONS.some(can) && <Caption1>{ui.item.noActions}</Caption1>}
      <OperationMessage op={op} />
    </>
  );
}
