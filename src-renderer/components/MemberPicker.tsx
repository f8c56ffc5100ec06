/**
 * Who is this sale (or top-up) for: a searchbox that takes a scanned member code, a phone number, its
 * last 4 digits, a name or pinyin initials, with the matches in a listbox below (↑/↓, Enter). Once a
 * member is chosen it shows them as a compact card with their balance and points. Enter on a query no
 * member answers goes to `onUnmatchedEnter` (checkout uses it for product barcodes).
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSummary } from '../../src-main/ledger/types.ts';
import { KEYS, useShortcut } from '../app/shortcuts.ts';
import { TierBadge } from '../screens/members/TierBadge.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { formatPhone, useFormat } from './format.ts';
import { PickerList } from './PickerList.tsx';
import { SearchField } from './SearchField.tsx';
import { useListNavigation } from './use-list-navigation.ts';
import { memberForEnter, newMemberPrefill, useMemberSearch } from './member-search.ts';
import { MoneyText, NumberText } from './MoneyText.tsx';

const LIMIT = 8;

export interface MemberPickerProps {
  selected: MemberSummary | null;
  onSelect: (member: MemberSummary | null) => void;
  /** F2 (or the hint): create a member, prefilled from what was typed. */
  onCreateNew?: (prefill: { phone?: string; name?: string }) => void;
  /** Enter on a query no member answers; return true if it was something else (e.g. a barcode). */
  onUnmatchedEnter?: (query: string) => Promise<boolean> | boolean;
  /** The searchbox's accessible name. */
  label: string;
  autoFocus?: boolean;
  /** Keys the parent uses on the card (shown on the change button), e.g. "Esc". */
  changeKeyHint?: string;
}

export interface MemberPickerHandle {
  focus: () => void;
}

export const MemberPicker = forwardRef<MemberPickerHandle, MemberPickerProps>(function MemberPicker(props, ref) {
  const { selected, onSelect, onCreateNew, onUnmatchedEnter, label, autoFocus = false, changeKeyHint } = props;
  const { t } = useTranslation();
  const listId = useId();
  const statusId = useId();
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const search = useMemberSearch(query, LIMIT);
  const trimmed = query.trim();

  useImperativeHandle(ref, () => ({
    focus: () => (selected ? changeRef.current : inputRef.current)?.focus(),
  }));

  useEffect(() => {
    if (autoFocus && !selected) inputRef.current?.focus();
  }, [autoFocus, selected]);

  useShortcut(KEYS.newMember, () => onCreateNew?.(newMemberPrefill(selected ? '' : trimmed)), onCreateNew !== undefined);

  const items = trimmed && search.results ? search.results.items : [];
  const optionId = (m: MemberSummary) => `${listId}-${m.id}`;
  const nav = useListNavigation({ count: items.length, optionId: (i) => optionId(items[i]!) });
  const current = items[nav.index];

  useEffect(() => {
    nav.setHighlight(0);
  }, [search.results]);

  const choose = (member: MemberSummary) => {
    setQuery('');
    onSelect(member);
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || nav.onKeyDown(event) || event.key !== 'Enter' || !trimmed) return;
    event.preventDefault();
    if (search.results?.query === trimmed && search.isSettled() && current) {
      choose(current);
      return;
    }
    // Scanned or typed faster than the debounce: search now, take the one clear match.
    const found = await search.searchNow(trimmed);
    if (found === null) return;
    const match = memberForEnter(found, trimmed);
    if (match) {
      choose(match);
      return;
    }
    if (found.length === 0 && onUnmatchedEnter && (await onUnmatchedEnter(trimmed))) setQuery('');
  };

  if (selected) return <SelectedMember member={selected} onChange={() => onSelect(null)} changeRef={changeRef} keyHint={changeKeyHint} />;

  let status = '';
  if (trimmed && !search.fresh) status = t('picker.searching');
  else if (trimmed && items.length > 0) status = t('picker.found', { count: items.length });
  else if (trimmed) status = t('picker.noMatch', { query: trimmed });
  const error = search.error?.query === trimmed ? search.error.error : null;

  return (
    <div className="picker">
      <SearchField
        look="picker"
        icon="search"
        inputRef={inputRef}
        aria-label={label}
        placeholder={t('picker.placeholder')}
        value={query}
        onValue={setQuery}
        onKeyDown={(e) => void onKeyDown(e)}
        listId={listId}
        nav={nav}
        aria-describedby={statusId}
        maxLength={60}
      />
      <div className="picker-status" id={statusId} role="status" aria-live="polite">
        {status}
        {trimmed && search.fresh && items.length === 0 && onCreateNew ? <span className="picker-create">{t('picker.createHint')}</span> : null}
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void search.searchNow(trimmed)} /> : null}
      <PickerList
        id={listId}
        label={t('picker.resultsLabel')}
        items={items}
        nav={nav}
        optionId={optionId}
        optionLabel={(m) => t('list.rowLabel', { name: m.name, code: m.code })}
        onChoose={choose}
        stale={!search.fresh}
      >
        {(m) => <MemberLine member={m} />}
      </PickerList>
    </div>
  );
});

/** Name, code, phone, tier, balance and points on one line: what the cashier checks before choosing. */
function MemberLine({ member }: { member: MemberSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="avatar" aria-hidden="true">
        {Array.from(member.name)[0] ?? ''}
      </span>
      <span className="member-id">
        <span className="member-name">{member.name}</span>
        <span className="member-code">
          {member.code} · {formatPhone(member.phone, { mask: true })}
        </span>
      </span>
      <TierBadge tierId={member.tierId} name={member.tierName} />
      <span className="picker-figure">
        <span className="picker-figure-label">{t('picker.balance')}</span>
        <MoneyText minor={member.balancePrincipalMinor + member.balanceBonusMinor} />
      </span>
      <span className="picker-figure">
        <span className="picker-figure-label">{t('picker.points')}</span>
        <NumberText value={member.points} />
      </span>
    </>
  );
}

function SelectedMember(props: { member: MemberSummary; onChange: () => void; changeRef: Ref<HTMLButtonElement>; keyHint: string | undefined }) {
  const { member, onChange, changeRef, keyHint } = props;
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="picker-card" aria-label={t('picker.selected')}>
      <MemberLine member={member} />
      {member.balanceBonusMinor > 0 ? (
        <span className="picker-split sub">
          {t('picker.balanceSplit', { principal: f.money(member.balancePrincipalMinor), bonus: f.money(member.balanceBonusMinor) })}
        </span>
      ) : null}
      <button ref={changeRef} type="button" className="btn btn-small btn-ghost picker-change" onClick={onChange}>
        {t('picker.change')}
        {keyHint ? (
          <kbd className="kbd" aria-hidden="true">
            {keyHint}
          </kbd>
        ) : null}
      </button>
    </section>
  );
}
