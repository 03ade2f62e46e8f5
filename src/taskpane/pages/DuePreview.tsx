import { Caption1, Card, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { itemClock } from '../../domain/clock';
import { isValidIsoDate } from '../../domain/parseDate';
import { responsibleFor } from '../../domain/responsibility';
import { ASSIGN_LEVELS, ITEM_KINDS, type AssignLevel, type ItemKind } from '../../domain/types';
import { ui } from '../../i18n';
import { factGridStyle } from '../components/panelStyles';
import { useReadyLedger } from '../hooks/useLedger';

const useStyles = makeStyles({
  grid: factGridStyle,
  title: { margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export interface DuePreviewProps {
  level: string;
  section: string;
  kind: string;
  assignedOn: string;
  deadline: string;
}

/**
 * Before saving: the 13710 due dates the item will get if 交办 on `assignedOn` (domain itemClock)
 * and its 第一/分管/直接责任人 (domain responsibleFor, names from 科室人员 and 设置).
 */
export function DuePreview({ level, section, kind, assignedOn, deadline }: DuePreviewProps): JSX.Element {
  const styles = useStyles();
  const { snapshot } = useReadyLedger();
  const r = ui.register;
  const clock =
    isValidIsoDate(assignedOn) && (ITEM_KINDS as readonly string[]).includes(kind)
      ? itemClock(
          {
            assignedOn,
            kind: kind as ItemKind,
            explicitDeadline: isValidIsoDate(deadline) && deadline >= assignedOn ? deadline : null,
            extensionApprovedOn: null,
            extensionDeadline: null,
            report1On: null,
            report3On: null,
            reportFinalOn: null,
            appliedOn: null,
            closedOn: null,
          },
          snapshot.settings,
          snapshot.calendar,
        )
      : null;
  const people = snapshot.people.find((p) => p.section === section);
  const who =
    (ASSIGN_LEVELS as readonly string[]).includes(level) && section !== '' ? responsibleFor(level as AssignLevel, people, snapshot.settings.director) : null;
  const rows: [string, string][] = [
    [r.assignedOn, isValidIsoDate(assignedOn) ? assignedOn : r.nobody],
    [r.due1, clock?.due1 ?? r.nobody],
    [r.due3, clock?.due3 ?? r.nobody],
    [r.deadlineDue, clock?.deadline ?? r.nobody],
    [r.first, who?.first || r.nobody],
    [r.inCharge, who?.inCharge || r.nobody],
    [r.direct, who?.direct || r.nobody],
  ];
  return (
    <Card size="small" appearance="filled-alternative" aria-labelledby="due-preview-title" data-testid="due-preview">
      <Caption1 id="due-preview-title" as="h4" className={styles.title}>
        {r.previewTitle}
      </Caption1>
      <dl className={styles.grid}>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value} data-preview={term}>
              {value}
            </dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
