import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { checkText, LIMITS } from '../validate';

/** 退回 (督办员 at 初核, 分管领导 at 审定): back to 办理中, with a required reason. */
export function ReturnForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState(false);
  const c = ui.close;
  const error = checkText(reason, { label: c.reason, max: LIMITS.record, required: true });
  const submit = () => {
    setShown(true);
    if (error) return;
    void act(
      { type: '退回', reason },
      () => c.returnDone(item.id),
      () => {
        setReason('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="return" title={c.returnTitle}>
      <Field label={c.reason} required validationMessage={shown ? error : undefined}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button disabled={op.busy} onClick={submit}>
          {c.return}
        </Button>
      </FormActions>
    </FormSection>
  );
}
