import { Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { GRADES, type Grade } from '../../domain/types';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { checkChoice } from '../validate';

/** 审定 (分管领导): approve with a grade (优秀/良好/合格/不合格); the item is 销号. */
export function ApproveForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const [grade, setGrade] = useState('');
  const [shown, setShown] = useState(false);
  const c = ui.close;
  const error = checkChoice(grade, c.grade);
  const submit = () => {
    setShown(true);
    if (error) return;
    const chosen = grade as Grade;
    void act(
      { type: '审定', grade: chosen },
      () => c.approveDone(item.id, chosen),
      () => {
        setGrade('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="approve" title={c.approveTitle}>
      <Field label={c.grade} required validationMessage={shown ? error : undefined}>
        <Select value={grade} onChange={(_, d) => setGrade(d.value)}>
          <option value="">{ui.register.choose}</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </Select>
      </Field>
      <FormActions>
        <Button appearance="primary" disabled={op.busy} onClick={submit}>
          {c.approve}
        </Button>
      </FormActions>
    </FormSection>
  );
}
