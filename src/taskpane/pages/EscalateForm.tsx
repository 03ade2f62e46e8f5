import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { EscalationLevel } from '../../domain/workflow';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { useReadyLedger } from '../hooks/useLedger';
import { escalationLevelsFor } from '../ledgerView';
import { checkChoice, checkText, collectErrors, hasErrors, LIMITS } from '../validate';

/** 升级: 科室 → 分管领导 → 中心主任, one step at a time (the office may record either step). */
export function EscalateForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const { actor } = useReadyLedger();
  const levels = actor ? escalationLevelsFor(actor.role) : [];
  const [picked, setPicked] = useState('');
  const [content, setContent] = useState('');
  const [shown, setShown] = useState(false);
  const level = levels.includes(picked as EscalationLevel) ? picked : (levels[0] ?? '');
  const c = ui.close;
  const errors = collectErrors({
    level: checkChoice(level, c.escalateLevel),
    content: checkText(content, { label: c.escalateContent, max: LIMITS.escalation, required: true }),
  });
  const submit = () => {
    setShown(true);
    if (hasErrors(errors)) return;
    const to = level as EscalationLevel;
    void act(
      { type: '升级', level: to, content },
      () => c.escalateDone(item.id, to),
      () => {
        setContent('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="escalate" title={c.escalateTitle}>
      <Field label={c.escalateLevel} required validationMessage={shown ? errors.level : undefined}>
        <Select value={level} onChange={(_, d) => setPicked(d.value)}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={c.escalateContent} required validationMessage={shown ? errors.content : undefined}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button disabled={op.busy} onClick={submit}>
          {c.escalate}
        </Button>
      </FormActions>
    </FormSection>
  );
}
