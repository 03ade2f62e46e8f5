import { Button, Caption1, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportType } from '../../domain/workflow';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useAct, type ActionFormProps } from '../hooks/useAct';
import { openReportNodes } from '../ledgerView';
import { checkChoice, checkText, collectErrors, hasErrors, LIMITS } from '../validate';

/** 反馈 (科室): a node report — only nodes still open, 月度反馈 only under an approved plan. */
export function FeedbackForm({ item, op }: ActionFormProps): JSX.Element {
  const act = useAct(item, op);
  const nodes = openReportNodes(item);
  const [picked, setPicked] = useState<string>('');
  const [content, setContent] = useState('');
  const [shown, setShown] = useState(false);
  const node = nodes.includes(picked as ReportType) ? picked : (nodes[0] ?? '');
  const r = ui.report;
  const errors = collectErrors({
    node: checkChoice(node, r.node),
    content: checkText(content, { label: r.content, max: LIMITS.record, required: true }),
  });

  const submit = () => {
    setShown(true);
    if (hasErrors(errors)) return;
    const chosen = node as ReportType;
    void act(
      { type: '反馈', node: chosen, content },
      () => r.done(item.id, chosen),
      () => {
        setPicked('');
        setContent('');
        setShown(false);
      },
    );
  };

  return (
    <FormSection id="feedback" title={r.formTitle}>
      {nodes.length === 0 ? (
        <Caption1>{r.noOpenNode}</Caption1>
      ) : (
        <>
          <Field label={r.node} required validationMessage={shown ? errors.node : undefined}>
            <Select value={node} onChange={(_, d) => setPicked(d.value)}>
              {nodes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={r.content} required validationMessage={shown ? errors.content : undefined}>
            <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
          </Field>
          <FormActions>
            <Button appearance="primary" disabled={op.busy} onClick={submit}>
              {r.submit}
            </Button>
          </FormActions>
        </>
      )}
    </FormSection>
  );
}
