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
import { FeedbackForm } from './FeedbackForm';
import { SignOffList } from './SignOffList';
import { StartWorkForm } from './StartWorkForm';
import { UrgeForm } from './UrgeForm';
import { UrgeSectionForm } from './UrgeSectionForm';

/** Items this page works on: 交办 and not yet 销号. */
const reportable = (v: ItemView) => v.item.state !== '待审批' && v.item.state !== '已销号';
const PAGE_ACTIONS: readonly ActionType[] = ['开始办理', '反馈', '催办'];

/** 反馈: node reports (科室), 审签 (分管领导), 催办 (督办员). */
export function ReportPage(): JSX.Element {
  return (
    <PageFrame page="report">
      <SnapshotGate>
        <ReportBody />
      </SnapshotGate>
    </PageFrame>
  );
}

function ReportBody(): JSX.Element {
  const { views, selectedId, choice, actor } = useReadyLedger();
  const op = useLedgerOperation();
  const view = views.find((v) => v.item.id === selectedId);
  const allowed = view && actor && choice ? allowedActions(view.item, choice.role, choice.section) : [];
  const can = (type: ActionType) => allowed.includes(type);

  return (
    <>
      {!actor && (
        <MessageBar intent="info">
          <MessageBarBody>{ui.role.needRole}</MessageBarBody>
        </MessageBar>
      )}
      <ItemPicker filter={reportable} />
      {view && <ItemSummary view={view} />}
      {view && can('开始办理') && <StartWorkForm item={view.item} op={op} />}
      {view && can('反馈') && <FeedbackForm item={view.item} op={op} />}
      {view && can('催办') && <UrgeForm item={view.item} op={op} />}
      {view && actor && !PAGE_ACTIONS.some(can) && <Caption1>{ui.item.noActions}</Caption1>}
      <OperationMessage op={op} />
      {choice?.role === '分管领导' && actor && <SignOffList op={op} />}
      {choice?.role === '督办员' && <UrgeSectionForm op={op} defaultSection={view?.item.section} />}
    </>
  );
}
