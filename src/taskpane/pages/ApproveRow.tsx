import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { useReadyLedger } from '../hooks/useLedger';
import { checkDate } from '../validate';

/** 审批同意 (中心主任) of one 待审批 item: 交办 today, with an optional 完成时限. */
export function ApproveRow({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const { snapshot } = useReadyLedger();
  const [deadline, setDeadline] = useState('');
  const [shown, setShown] = useState(false);
  const today = snapshot.today;
  const error = checkDate(deadline, ui.register.deadlineLabel, today);
  const approve = () => {
    setShown(true);
    if (error) return;
    void act(
      { type: '审批同意', assignedOn: today, explicitDeadline: deadline || null },
      () => ui.register.approveDone(item.id, today),
      () => {
        setDeadline('');
        setShown(false);
      },
    );
  };
  return (
    <>
      <Field label={ui.register.approveDeadline} size="small" validationMessage={shown ? error : undefined}>
        <Input size="small" type="date" min={today} value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
      <Button size="small" appearance="primary" disabled={op.busy} onClick={approve}>
        {ui.register.approve}
      </Button>
    </>
  );
}
