import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { checkText, LIMITS } from '../validate';

/**
 * 申请办结 (科室): an optional account of what was done (it becomes 最近进展) and the required
 * 佐证材料 (a link or file names). After a 退回 the item still holds its 佐证材料: the field starts
 * with it, for the section to amend.
 */
export function ApplyCloseForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const [content, setContent] = useState('');
  const [evidence, setEvidence] = useState(item.evidence);
  const [shown, setShown] = useState(false);
  const c = ui.close;
  const contentError = checkText(content, { label: c.applyContent, max: LIMITS.progress });
  const evidenceError = checkText(evidence, { label: c.applyEvidenceName, max: LIMITS.evidence, required: true });
  const submit = () => {
    setShown(true);
    if (contentError || evidenceError) return;
    void act(
      { type: '申请办结', content, evidence },
      () => c.applyDone(item.id),
      () => {
        setContent('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="apply" title={c.applyTitle}>
      <Field label={c.applyContent} validationMessage={shown ? contentError : undefined}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <Field label={c.applyEvidence} hint={c.applyEvidenceHint} required validationMessage={shown ? evidenceError : undefined}>
        <Textarea value={evidence} onChange={(_, d) => setEvidence(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button appearance="primary" disabled={op.busy} onClick={submit}>
          {c.apply}
        </Button>
      </FormActions>
    </FormSection>
  );
}
