import { Button, Caption1, Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentContext, OfficialDocument } from '../../domain/documents';
import { noticeDocument, overdueItemsOf, reportDocument, sectionUrgeDocument, sectionUrgeMessage, urgeDocument, urgeMessage } from '../../domain/documents';
import type { LedgerItem } from '../../domain/types';
import type { DocumentSource } from '../../excel/documents';
import { documents as t } from '../../i18n/documents';
import { FormActions, FormSection } from '../components/FormSection';
import { ItemPicker } from '../components/ItemPicker';
import { OperationMessage } from '../components/OperationMessage';
import { copyText, downloadBlob } from '../download';
import { useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import { isOpen, type ItemView } from '../ledgerView';
import type { Operation, Step } from '../hooks/useOperation';

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

type UrgeMessage = { title: string; text: string };

/** What the panel's buttons share: the operation, and how to make a document from a fresh read. */
interface DocumentActions {
  op: Operation;
  today: string;
  /** runs `make` on the selected item (throws 请先选择事项 when it is gone) */
  forItem: (key: string, make: (src: DocumentSource, item: LedgerItem, step: Step) => Promise<string>) => void;
  /** runs `make` for the chosen section */
  forSection: (key: string, make: (src: DocumentSource, step: Step) => Promise<string>) => void;
  /** saves the .docx and says so */
  download: (doc: OfficialDocument) => Promise<string>;
  /** writes the printable sheet and says so */
  toSheet: (step: Step, doc: OfficialDocument) => Promise<string>;
}

function useDocumentActions(section: string, setCopied: (copied: string | null) => void): DocumentActions {
  const { service, snapshot, selectedId } = useReadyLedger();
  const op = useLedgerOperation();
  const source = async (step: Step): Promise<DocumentSource> => step('source', () => service.documentSource());
  const itemOf = (src: DocumentSource): LedgerItem => {
    const item = src.items.find((i) => i.id === selectedId);
    if (!item) throw new Error(p.chooseItem);
    return item;
  };
  return {
    op,
    today: snapshot.today,
    forItem: (key, make) => {
      setCopied(null);
      void op.run(`${key}:${selectedId ?? ''}`, async (step) => {
        const src = await source(step);
        return make(src, itemOf(src), step);
      });
    },
    forSection: (key, make) => {
      setCopied(null);
      void op.run(`${key}:${section}`, async (step) => make(await source(step), step));
    },
    download: async (doc) => {
      await saveDocx(doc);
      return p.downloaded(doc.fileName);
    },
    toSheet: async (step, doc) => {
      const w = await step('sheet', () => service.writeDocumentSheet(doc));
      return p.sheetWritten(w.sheet);
    },
  };
}

/** The selected item's 通知单 / 催办单 (.docx or sheet) and its 催办 message. */
function ItemDocuments({ a, onMessage }: { a: DocumentActions; onMessage: (m: UrgeMessage) => void }): JSX.Element {
  const { selectedId } = useReadyLedger();
  const { op, today, forItem, download, toSheet } = a;
  const disabled = op.busy || !selectedId;
  return (
    <>
      <ItemPicker filter={openItem} />
      <FormActions>
        <Button disabled={disabled} onClick={() => forItem('通知单', (src, item) => download(noticeDocument(item, today, contextOf(src))))}>
          {p.noticeDocx}
        </Button>
        <Button disabled={disabled} onClick={() => forItem('催办单', (src, item) => download(urgeDocument(item, today, contextOf(src))))}>
          {p.urgeDocx}
        </Button>
        <Button disabled={disabled} onClick={() => forItem('通知单表', (src, item, step) => toSheet(step, noticeDocument(item, today, contextOf(src))))}>
          {p.noticeSheet}
        </Button>
        <Button disabled={disabled} onClick={() => forItem('催办单表', (src, item, step) => toSheet(step, urgeDocument(item, today, contextOf(src))))}>
          {p.urgeSheet}
        </Button>
        <Button
          disabled={disabled}
          onClick={() =>
            forItem('催办消息', async (src, item) => {
              onMessage({ title: p.message, text: urgeMessage(item, today, contextOf(src)) });
              return p.colourIs(urgeDocument(item, today, contextOf(src)).colour!.label);
            })
          }
        >
          {p.message}
        </Button>
      </FormActions>
    </>
  );
}

interface SectionDocumentsProps {
  a: DocumentActions;
  sections: string[];
  section: string;
  setSection: (section: string) => void;
  onMessage: (m: UrgeMessage) => void;
}

/** A section's 催办单 of its overdue items (.docx or sheet) and its 催办 message. */
function SectionDocuments({ a, sections, section, setSection, onMessage }: SectionDocumentsProps): JSX.Element {
  const { op, today, forSection, download, toSheet } = a;
  const hasOverdue = (src: DocumentSource) => overdueItemsOf(src.items, section, today, contextOf(src)).length > 0;
  const disabled = op.busy || !section;
  return (
    <>
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
          disabled={disabled}
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
          disabled={disabled}
          onClick={() =>
            forSection('科室催办单表', async (src, step) => {
              if (!hasOverdue(src)) return p.noOverdue(section);
              return toSheet(step, sectionUrgeDocument(src.items, section, today, contextOf(src)));
            })
          }
        >
          {p.sectionUrgeSheet}
        </Button>
        <Button
          disabled={disabled}
          onClick={() =>
            forSection('科室催办消息', async (src) => {
              if (!hasOverdue(src)) return p.noOverdue(section);
              onMessage({ title: p.sectionMessage, text: sectionUrgeMessage(src.items, section, today, contextOf(src)) });
              return p.colourIs(sectionUrgeDocument(src.items, section, today, contextOf(src)).colour!.label);
            })
          }
        >
          {p.sectionMessage}
        </Button>
      </FormActions>
    </>
  );
}

/** The last 督查报告 round as a 公文. */
function ReportDocument({ a }: { a: DocumentActions }): JSX.Element {
  return (
    <FormActions>
      <Button
        appearance="primary"
        disabled={a.op.busy}
        onClick={() =>
          a.forSection('督查报告公文', async (src) => {
            const round = src.round;
            if (!round) return p.noRound;
            return a.download(reportDocument({ ...round, doc: src.doc }));
          })
        }
      >
        {p.reportDocx}
      </Button>
    </FormActions>
  );
}

/** The 催办 message to copy into 企业微信 / 钉钉, with whether the copy worked. */
function MessageBox({ message, copied, onCopy }: { message: UrgeMessage; copied: string | null; onCopy: () => void }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.message} data-testid="urge-message">
      <Field label={message.title}>
        <Textarea value={message.text} readOnly resize="vertical" rows={Math.min(12, message.text.split('\n').length + 1)} />
      </Field>
      <FormActions>
        <Button onClick={onCopy}>{p.copy}</Button>
        {copied && <Caption1 role="status">{copied}</Caption1>}
      </FormActions>
    </div>
  );
}

/**
 * 文书 (督办员): the 督办通知单 and 三色催办单 of an item, a section's 催办单, and the 督查报告 as a 公文,
 * as .docx downloads; the 通知单 / 催办单 also as a printable sheet; the 催办 message to copy into
 * 企业微信 / 钉钉. Everything is made from what the workbook holds now (one read per click).
 */
export function DocumentsPanel(): JSX.Element {
  const { snapshot } = useReadyLedger();
  const sections = snapshot.people.map((x) => x.section);
  const [section, setSection] = useState(sections[0] ?? '');
  const [message, setMessage] = useState<UrgeMessage | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const a = useDocumentActions(section, setCopied);

  const copy = async () => {
    if (!message) return;
    setCopied((await copyText(message.text)) ? p.copied : p.copyFailed);
  };

  return (
    <>
      <FormSection id="documents" title={p.title}>
        <Caption1>{p.hint}</Caption1>
        <ItemDocuments a={a} onMessage={setMessage} />
        <SectionDocuments a={a} sections={sections} section={section} setSection={setSection} onMessage={setMessage} />
        <ReportDocument a={a} />
        {message && <MessageBox message={message} copied={copied} onCopy={() => void copy()} />}
      </FormSection>
      <OperationMessage op={a.op} />
    </>
  );
}
