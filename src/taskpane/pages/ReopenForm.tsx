import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { checkText, collectErrors, hasErrors, LIMITS } from '../validate';

/** 重新立项 (督办员): a new leader instruction on a closed item becomes a new, linked item (待审批). */
export function ReopenForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const [content, setContent] = useState('');
  const [requirement, setRequirement] = useState('');
  const [shown, setShown] = useState(false);
  const c = ui.close;
  const errors = collectErrors({
    content: checkText(content, { label: c.reopenContent, max: LIMITS.content, required: true }),
    requirement: checkText(requirement, { label: c.reopenRequirement, max: LIMITS.requirement }),
  });
  const submit = () => {
    setShown(true);
    if (hasErrors(errors)) return;
    void act(
      { type: '重新立项', content, requirement },
      (outcome) => c.reopenDone(outcome.newItem?.id ?? '', item.id),
      () => {
        setContent('');
        setRequirement('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="reopen" title={c.reopenTitle}>
      <Field label={c.reopenContent} required validationMessage={shown ? errors.content : undefined}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <Field label={c.reopenRequirement} validationMessage={shown ? errors.requirement : undefined}>
        <Textarea value={requirement} onChange={(_, d) => setRequirement(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button appearance="primary" disabled={op.busy} onClick={submit}>
          {c.reopen}
        </Button>
      </FormActions>
    </FormSection>
  );
}
