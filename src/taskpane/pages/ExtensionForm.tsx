import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { useReadyLedger } from '../hooks/useLedger';
import { checkDate, checkText, collectErrors, hasErrors, LIMITS } from '../validate';

/** 延期方案 (分管领导, 中心主任): the plan's final deadline and its time nodes; monthly reports follow. */
export function ExtensionForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const { snapshot } = useReadyLedger();
  const [deadline, setDeadline] = useState('');
  const [nodes, setNodes] = useState('');
  const [shown, setShown] = useState(false);
  const c = ui.close;
  const errors = collectErrors({
    deadline: checkDate(deadline, c.extensionDeadline, snapshot.today, true),
    nodes: checkText(nodes, { label: c.extensionNodes, max: LIMITS.extensionNodes }),
  });
  const submit = () => {
    setShown(true);
    if (hasErrors(errors)) return;
    void act(
      { type: '延期方案', deadline, nodes },
      () => c.extensionDone(item.id, deadline),
      () => {
        setDeadline('');
        setNodes('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="extension" title={c.extensionTitle}>
      <Field label={c.extensionDeadline} required validationMessage={shown ? errors.deadline : undefined}>
        <Input type="date" min={snapshot.today} value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
      <Field label={c.extensionNodes} validationMessage={shown ? errors.nodes : undefined}>
        <Input value={nodes} onChange={(_, d) => setNodes(d.value)} />
      </Field>
      <FormActions>
        <Button disabled={op.busy} onClick={submit}>
          {c.extension}
        </Button>
      </FormActions>
    </FormSection>
  );
}
