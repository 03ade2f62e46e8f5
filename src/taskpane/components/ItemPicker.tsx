import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { ui } from '../../i18n';
import { useReadyLedger } from '../hooks/useLedger';
import { pickerOrder, searchItems, type ItemView } from '../ledgerView';
import { ItemList } from './ItemList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { color: tokens.colorNeutralForeground3 },
});

/** At most this many items are listed; a search narrows the rest. */
const LIMIT = 15;

export interface ItemPickerProps {
  /** which items this page can act on (all when omitted) */
  filter?: (view: ItemView) => boolean;
}

/**
 * Pick the item to work on: a search over 编号/科室/事项内容, the user's own open items first
 * (most urgent first), then the rest. Picking an item also selects its row in 台账; selecting a
 * row in 台账 opens it here. Once an item is open the list folds away until 更换事项.
 */
export function ItemPicker({ filter }: ItemPickerProps): JSX.Element {
  const styles = useStyles();
  const { views, sections, selectedId, select, snapshot } = useReadyLedger();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(selectedId === null);

  useEffect(() => {
    // An item opened from 台账 (or picked here) folds the list away.
    if (selectedId !== null) setExpanded(false);
  }, [selectedId]);

  const { mine, others } = useMemo(() => {
    const candidates = searchItems(filter ? views.filter(filter) : views, query, snapshot.people);
    return pickerOrder(candidates, sections);
  }, [views, filter, query, sections, snapshot.people]);

  const shownMine = mine.slice(0, LIMIT);
  const shownOthers = others.slice(0, Math.max(0, LIMIT - shownMine.length));
  const hidden = mine.length + others.length - shownMine.length - shownOthers.length;

  return (
    <div className={styles.root}>
      <Field label={ui.picker.search}>
        <Input
          type="search"
          value={query}
          placeholder={ui.picker.searchPlaceholder}
          onChange={(_, data) => {
            setQuery(data.value);
            setExpanded(true);
          }}
        />
      </Field>
      {!expanded && selectedId !== null && (
        <Button size="small" appearance="secondary" onClick={() => setExpanded(true)}>
          {ui.picker.change}
        </Button>
      )}
      {expanded && (
        <>
          {selectedId === null && <Caption1>{ui.picker.hint}</Caption1>}
          {shownMine.length > 0 && (
            <>
              <Caption1 className={styles.group}>{ui.picker.mine}</Caption1>
              <ItemList views={shownMine} onPick={select} currentId={selectedId} label={ui.picker.mine} />
            </>
          )}
          {shownOthers.length > 0 && (
            <>
              {sections && <Caption1 className={styles.group}>{ui.picker.others}</Caption1>}
              <ItemList views={shownOthers} onPick={select} currentId={selectedId} label={ui.picker.listLabel} />
            </>
          )}
          {mine.length + others.length === 0 && <Caption1>{ui.picker.none}</Caption1>}
          {hidden > 0 && <Caption1>{ui.picker.more(hidden)}</Caption1>}
        </>
      )}
    </div>
  );
}
