import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { useReadyLedger } from '../hooks/useLedger';
import type { Operation } from '../hooks/useOperation';
import { checkChoice, checkText, collectErrors, hasErrors, LIMITS } from '../validate';
import { SectionOptions } from '../components/SectionOptions';

/** 「催办本科室全部逾期事项」 (督办员): one reminder to every overdue item of a section. */
export function UrgeSectionForm({ op, defaultSection }: { op: Operation; defaultSection?: string }): JSX.Element {
  const { service, snapshot } = useReadyLedger();
  const [picked, setPicked] = useState('');
  const [content, setContent] = useState('');
  const [shown, setShown] = useState(false);
  const section = picked || defaultSection || '';
  const errors = collectErrors({
    section: checkChoice(section, ui.urge.section),
    content: checkText(content, { label: ui.urge.content, max: LIMITS.record }),
  });
  const submit = () => {
    setShown(true);
    if (hasErrors(errors)) return;
    void op.run(
      `催办科室:${section}`,
      async (step) => {
        const { itemIds } = await step('urge', (ctx) => service.urgeOverdue(section, content, ctx));
        return ui.urge.allDone(section, itemIds);
      },
      () => {
        setContent('');
        setShown(false);
      },
    );
  };
  return (
    <FormSection id="urge-section" title={ui.urge.all}>
      <Field label={ui.urge.section} required validationMessage={shown ? errors.section : undefined}>
        <Select value={section} onChange={(_, d) => setPicked(d.value)}>
          <option value="">{ui.register.choose}</option>
          <SectionOptions people={snapshot.people} />
        </Select>
      </Field>
      <Field label={ui.urge.content} validationMessage={shown ? errors.content : undefined}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <FormActions>
        <Button disabled={op.busy} onClick={submit}>
          {ui.urge.all}
        </Button>
      </FormActions>
    </FormSection>
  );
}
