import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { checkText, LIMITS } from '../validate';

/** 申请办结 (科室), with an optional account of what was done (it becomes 最近进展). */
export function ApplyCloseForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const [content, setContent] = useState('');
  const [shown, setShown] = useState(false);
  const c = ui.close;
  const error = checkText(content, { label: c.applyContent, max: LIMITS.progress });
  const submit = () => {
    setShown(true);
    if (error) return;
    void act(
      { type: '申请办结', content },
      () => c.applyDone(item.id),
      () => {
        setContent('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="apply" title={c.applyTitle}>
      <Field label={c.applyContent} validationMessage={shown ? error : undefined}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button appearance="primary" disabled={op.busy} onClick={submit}>
          {c.apply}
        </Button>
      </FormActions>
    </FormSection>
  );
}
