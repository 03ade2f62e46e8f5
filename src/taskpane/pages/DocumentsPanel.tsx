import { Button, Caption1, Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentContext, OfficialDocument } from '../../domain/documents';
import {
  noticeDocument,
  overdueItemsOf,
  reportDocument,
  sectionUrgeDocument,
  sectionUrgeMessage,
  urgeDocument,
  urgeMessage,
} from '../../domain/documents';
import type { LedgerItem } from '../../domain/types';
import type { DocumentSource } from '../../excel/documents';
import { documents as t } from '../../i18n/documents';
import { FormActions, FormSection } from '../components/FormSection';
import { ItemPicker } from '../components/ItemPicker';
import { OperationMessage } from '../components/OperationMessage';
import { copyText, downloadBlob } from '../download';
import { useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import { isOpen, type ItemView } from '../ledgerView';
import type { Step } from '../hooks/useOperation';

const p = t.pane;

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const openItem = (v: ItemView) => isOpen(v.item);

/** The pane's document context: the same settings, calendar and people the documents are made from. */
function contextOf(src: DocumentSource): DocumentContext {
  return { settings: src.settings, doc: src.doc, cal: src.cal, people: src.people };
}

/** The docx renderer is loaded only now (not in the pane's initial bundle). */
async function saveDocx(doc: OfficialDocument): Promise<void> {
  const { docxBlob } = await import(/* webpackChunkName: "docx" */ '../../documents/docx');
  downloadBlob(await docxBlob(doc), doc.fileName);
}

/**
 * 文书 (督办员): the 督办通知单 and 三色催办单 of an item, a section's 催办单, and the 督查报告 as a 公文,
 * as .docx downloads; the 通知单 / 催办单 also as a printable sheet; the 催办 message to copy into
 * 企业微信 / 钉钉. Everything is made from what the workbook holds now (one read per click).
 */
export function DocumentsPanel(): JSX.Element {
  const styles = useStyles();
  const { service, snapshot, selectedId } = useReadyLedger();
  const op = useLedgerOperation();
  const sections = snapshot.people.map((x) => x.section);
  const [section, setSection] = useState(sections[0] ?? '');
  const [message, setMessage] = useState<{ title: string; text: string } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const today = snapshot.today;

  const source = async (step: Step): Promise<DocumentSource> => step('source', () => service.documentSource());
  const itemOf = (src: DocumentSource): LedgerItem => {
    const item = src.items.find((i) => i.id === selectedId);
    if (!item) throw new Error(p.chooseItem);
    return item;
  };

  const forItem = (key: string, make: (src: DocumentSource, item: LedgerItem) => Promise<string>) => {
    setCopied(null);
    void op.run(`${key}:${selectedId ?? ''}`, async (step) => {
      const src = await source(step);
      return make(src, itemOf(src));
    });
  };
  const forSection = (key: string, make: (src: DocumentSource) => Promise<string>) => {
    setCopied(null);
    void op.run(`${key}:${section}`, async (step) => make(await source(step)));
  };

  const download = async (doc: OfficialDocument) => {
    await saveDocx(doc);
    return p.downloaded(doc.fileName);
  };
  const toSheet = async (step: Step, doc: OfficialDocument) => {
    const w = await step('sheet', () => service.writeDocumentSheet(doc));
    return p.sheetWritten(w.sheet);
  };
  const hasOverdue = (src: DocumentSource) => overdueItemsOf(src.items, section, today, contextOf(src)).length > 0;

  const copy = async () => {
    if (!message) return;
    setCopied((await copyText(message.text)) ? p.copied : p.copyFailed);
  };

  return (
    <>
      <FormSection id="documents" title={p.title}>
        <Caption1>{p.hint}</Caption1>
        <ItemPicker filter={openItem} />
        <FormActions>
          <Button disabled={op.busy || !selectedId} onClick={() => forItem('通知单', (src, item) => download(noticeDocument(item, today, contextOf(src))))}>
            {p.noticeDocx}
          </Button>
          <Button disabled={op.busy || !selectedId} onClick={() => forItem('催办单', (src, item) => download(urgeDocument(item, today, contextOf(src))))}>
            {p.urgeDocx}
          </Button>
          <Button
            disabled={op.busy || !selectedId}
            onClick={() => {
              setCopied(null);
              void op.run(`通知单表:${selectedId ?? ''}`, async (step) => {
                const src = await source(step);
                return toSheet(step, noticeDocument(itemOf(src), today, contextOf(src)));
              });
            }}
          >
            {p.noticeSheet}
          </Button>
          <Button
            disabled={op.busy || !selectedId}
            onClick={() => {
              setCopied(null);
              void op.run(`催办单表:${selectedId ?? ''}`, async (step) => {
                const src = await source(step);
                return toSheet(step, urgeDocument(itemOf(src), today, contextOf(src)));
              });
            }}
          >
            {p.urgeSheet}
          </Button>
          <Button
            disabled={op.busy || !selectedId}
            onClick={() =>
              forItem('催办消息', async (src, item) => {
                setMessage({ title: p.message, text: urgeMessage(item, today, contextOf(src)) });
                return p.colourIs(urgeDocument(item, today, contextOf(src)).colour!.label);
              })
            }
          >
            {p.message}
          </Button>
        </FormActions>
        <Field label={p.section}>
          <Select value={section} onChange={(_, d) => setSection(d.value)}>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <FormActions>
          <Button
            disabled={op.busy || !section}
            onClick={() =>
              forSection('科室催办单', async (src) => {
                if (!hasOverdue(src)) return p.noOverdue(section);
                return download(sectionUrgeDocument(src.items, section, today, contextOf(src)));
              })
            }
          >
            {p.sectionUrgeDocx}
          </Button>
          <Button
            disabled={op.busy || !section}
            onClick={() => {
              setCopied(null);
              void op.run(`科室催办单表:${section}`, async (step) => {
                const src = await source(step);
                if (!hasOverdue(src)) return p.noOverdue(section);
                return toSheet(step, sectionUrgeDocument(src.items, section, today, contextOf(src)));
              });
            }}
          >
            {p.sectionUrgeSheet}
          </Button>
          <Button
            disabled={op.busy || !section}
            onClick={() =>
              forSection('科室催办消息', async (src) => {
                if (!hasOverdue(src)) return p.noOverdue(section);
                setMessage({ title: p.sectionMessage, text: sectionUrgeMessage(src.items, section, today, contextOf(src)) });
                return p.colourIs(sectionUrgeDocument(src.items, section, today, contextOf(src)).colour!.label);
              })
            }
          >
            {p.sectionMessage}
          </Button>
        </FormActions>
        <FormActions>
          <Button
            appearance="primary"
            disabled={op.busy}
            onClick={() =>
              forSection('督查报告公文', async (src) => {
                const round = src.round;
                if (!round) return p.noRound;
                return download(
                  reportDocument({ ...round, doc: src.doc }),
                );
              })
            }
          >
            {p.reportDocx}
          </Button>
        </FormActions>
        {message && (
          <div className={styles.message} data-testid="urge-message">
            <Field label={message.title}>
              <Textarea value={message.text} readOnly resize="vertical" rows={Math.min(12, message.text.split('\n').length + 1)} />
            </Field>
            <FormActions>
              <Button onClick={() => void copy()}>{p.copy}</Button>
              {copied && <Caption1 role="status">{copied}</Caption1>}
            </FormActions>
          </div>
        )}
      </FormSection>
      <OperationMessage op={op} />
    </>
  );
}
