/**
 * The page of a short list edited in a dialog (tiers, bonus rules): heading with "new" (F2), the
 * status line and keys, a load failure with retry, the list itself (it takes focus; ↑/↓, Enter
 * edits), then what the section adds (empty state, footnote, the editor).
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { NEW_KEY } from './keys.ts';
import { ListTools, NewButton, SectionHead } from './parts.tsx';
import { PickList, type PickListProps } from './PickList.tsx';
import type { EditedList } from './use-edited-list.ts';

type ListLook<T> = Pick<PickListProps<T>, 'label' | 'className' | 'rowLabel' | 'rowClass' | 'columns' | 'cells'>;

interface EditedListSectionProps<T> extends ListLook<T> {
  list: EditedList<T>;
  headingId: string;
  title: string;
  intro: string;
  newLabel: string;
  readOnly: boolean;
  status: string;
  children: ReactNode;
}

export function EditedListSection<T extends { id: string }>(props: EditedListSectionProps<T>) {
  const { list, headingId, title, intro, newLabel, readOnly, status, children, ...look } = props;
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="settings-section is-list">
      <SectionHead id={headingId} title={title} intro={intro} action={readOnly ? undefined : <NewButton label={newLabel} onClick={() => list.open(null)} />} />
      <ListTools status={status} keys={readOnly ? t('settings.listKeysReadOnly') : t('settings.listKeys', { key: NEW_KEY })} keysId={hintId} />

      {list.error ? <ErrorNotice error={list.error} onRetry={() => void list.load()} /> : null}

      {list.items.length > 0 ? (
        <PickList {...look} id={list.listId} focusable describedBy={hintId} items={list.items} keyOf={(row) => row.id} nav={list.nav} onOpen={list.open} />
      ) : null}

      {children}
    </div>
  );
}
