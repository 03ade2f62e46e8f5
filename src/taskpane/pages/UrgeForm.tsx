import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { checkText, LIMITS } from '../validate';

/** 催办 one item (督办员); an empty content uses the standard wording. */
export function UrgeForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const [content, setContent] = useState('');
  const [shown, setShown] = useState(false);
  const error = checkText(content, { label: ui.urge.content, max: LIMITS.record });
  const submit = () => {
    setShown(true);
    if (error) return;
    void act(
      { type: '催办', content },
      () => ui.urge.oneDone(item.id),
      () => {
        setContent('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="urge" title={ui.urge.title}>
      <Field label={ui.urge.content} validationMessage={shown ? error : undefined}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button disabled={op.busy} onClick={submit}>
          {ui.urge.one}
        </Button>
      </FormActions>
    </FormSection>
  );
}
