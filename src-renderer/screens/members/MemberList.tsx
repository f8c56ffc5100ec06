/**
 * The member list: search-as-you-type (debounced, latest request wins), recent members before anything
 * is typed, keyboard first (↑/↓ highlight, Enter opens, Esc clears) and barcode-scanner friendly: a
 * scanned member code followed by Enter opens that member as soon as it is the one match.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSummary } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { navigate, paths } from '../../app/router.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { memberForEnter, newMemberPrefill, useMemberSearch } from '../../components/member-search.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useListNavigation } from '../../components/use-list-navigation.ts';
import { useMemberList } from '../../stores/member-list.ts';
import { TierBadge } from './TierBadge.tsx';

const RESULT_LIMIT = 50;
const RECENT_LIMIT = 50;

export function MemberList() {
  const { t } = useTranslation();
  const f = useFormat();
  const listId = useId();
  const statusId = useId();
  const hintId = useId();
  const query = useMemberList((s) => s.query);
  const setQuery = useMemberList((s) => s.setQuery);
  const trimmed = query.trim();

  const [recent, setRecent] = useState<MemberSummary[] | null>(null);
  const [recentError, setRecentError] = useState<unknown>(null);
  const search = useMemberSearch(query, RESULT_LIMIT);
  const { results, fresh: searchFresh } = search;
  const searchError = search.error;

  const inputRef = useRef<HTMLInputElement>(null);

  const open = useCallback((member: MemberSummary) => navigate(paths.member(member.id)), []);

  const loadRecent = useCallback(() => {
    setRecentError(null);
    api
      .call('members.recent', { limit: RECENT_LIMIT })
      .then(setRecent)
      .catch(setRecentError);
  }, []);

  useEffect(() => {
    loadRecent();
    const input = inputRef.current;
    if (input) {
      input.focus();
      input.select();
    }
  }, [loadRecent]);

  useShortcut(KEYS.newMember, () => navigate(paths.newMember(newMemberPrefill(trimmed))));

  // Typing anywhere on this screen goes to the search box (a scanner does not know where focus is).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inField = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (!inField && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const showingRecent = trimmed === '';
  const items = showingRecent ? (recent ?? []) : (results?.items ?? []);
  const fresh = !showingRecent && searchFresh;
  const optionId = (m: MemberSummary) => `${listId}-m-${m.id}`;
  const nav = useListNavigation({ count: items.length, optionId: (i) => optionId(items[i]!) });
  const current = items[nav.index];

  // A new answer (or clearing the box) starts at the top of the list.
  useEffect(() => {
    nav.setHighlight(0);
  }, [results, showingRecent]);

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || nav.onKeyDown(event) || event.key !== 'Enter') return;
    event.preventDefault();
    const q = trimmed;
    if (!q || (results?.query === q && search.isSettled())) {
      if (current) open(current);
      return;
    }
    // Typed (or scanned) faster than the debounce: search now and open the one clear match.
    const found = await search.searchNow(q);
    const match = found ? memberForEnter(found, q) : null;
    if (match) open(match);
  };

  let status = '';
  if (showingRecent) status = recent ? t('list.recent', { count: recent.length }) : t('common.loading');
  else if (!fresh) status = t('list.searching');
  else status = t('list.found', { count: items.length });

  const error = showingRecent ? recentError : searchError?.query === trimmed ? searchError.error : null;
  const prefill = newMemberPrefill(trimmed);

  return (
    <div className="screen member-list">
      <div className="page-head">
        <h1 className="page-title">{t('list.title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => navigate(paths.newMember())} aria-keyshortcuts="F2">
          <Icon name="plus" />
          {t('list.newMember')}
          <kbd className="kbd" aria-hidden="true">
            F2
          </kbd>
        </button>
      </div>

      <SearchField
        look="search"
        icon="search"
        inputRef={inputRef}
        aria-label={t('list.searchLabel')}
        placeholder={t('list.searchPlaceholder')}
        value={query}
        onValue={setQuery}
        onKeyDown={(e) => void onKeyDown(e)}
        listId={listId}
        nav={nav}
        aria-describedby={`${statusId} ${hintId}`}
        maxLength={60}
      >
        <span className="search-hint" id={hintId}>
          {t('list.keysHint')}
        </span>
      </SearchField>

      <div className="list-status" id={statusId} role="status" aria-live="polite">
        {status}
      </div>

      {error ? <ErrorNotice error={error} onRetry={showingRecent ? loadRecent : () => void search.searchNow(trimmed)} /> : null}

      {items.length > 0 ? (
        <div className="card row-list">
          <div className="row-list-row row-list-head result-row" aria-hidden="true">
            <span>{t('list.col.member')}</span>
            <span>{t('list.col.phone')}</span>
            <span>{t('list.col.tier')}</span>
            <span className="align-end">{t('list.col.balance')}</span>
            <span className="align-end">{t('list.col.points')}</span>
            <span className="align-end">{t('list.col.lastVisit')}</span>
          </div>
          <ul
            id={listId}
            className={`row-list-body result-list${fresh || showingRecent ? '' : ' is-stale'}`}
            role="listbox"
            aria-label={showingRecent ? t('list.recentLabel') : t('list.resultsLabel')}
          >
            {items.map((m, i) => {
              const active = m === current;
              const balance = m.balancePrincipalMinor + m.balanceBonusMinor;
              return (
                <li
                  key={m.id}
                  id={optionId(m)}
                  role="option"
                  aria-selected={active}
                  aria-label={t('list.rowLabel', { name: m.name, code: m.code })}
                  className={`row-list-row result-row${active ? ' is-active' : ''}`}
                  onClick={() => open(m)}
                  onMouseMove={() => {
                    if (!active) nav.setHighlight(i);
                  }}
                >
                  <span className="cell-member">
                    <span className="avatar" aria-hidden="true">
                      {Array.from(m.name)[0] ?? ''}
                    </span>
                    <span className="member-id">
                      <span className="member-name">{m.name}</span>
                      <span className="member-code">{m.code}</span>
                    </span>
                  </span>
                  <span className="cell-phone num">{formatPhone(m.phone, { mask: true })}</span>
                  <span className="cell-tier">
                    <TierBadge tierId={m.tierId} name={m.tierName} />
                  </span>
                  <span className="cell-balance align-end">
                    <MoneyText minor={balance} className={balance === 0 ? 'is-zero' : ''} />
                    {m.balanceBonusMinor > 0 ? (
                      <span className="sub">{t('list.balanceSplit', { principal: f.money(m.balancePrincipalMinor), bonus: f.money(m.balanceBonusMinor) })}</span>
                    ) : null}
                  </span>
                  <span className="cell-points align-end">
                    <NumberText value={m.points} className={m.points === 0 ? 'is-zero' : ''} />
                  </span>
                  <span className="cell-visit align-end">
                    {m.lastVisitAt ? (
                      <>
                        <time dateTime={m.lastVisitAt}>{f.shortDate(m.lastVisitAt)}</time>
                        <span className="sub">{f.relative(m.lastVisitAt)}</span>
                      </>
                    ) : (
                      <span className="muted">{t('list.neverVisited')}</span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {items.length === 0 && fresh ? (
        <div className="empty">
          <Icon name="search" size={36} className="empty-icon" />
          <p className="empty-title">{t('list.noResults', { query: trimmed })}</p>
          <p className="empty-hint">{t('list.noResultsHint')}</p>
          <button type="button" className="btn" onClick={() => navigate(paths.newMember(prefill))}>
            <Icon name="plus" />
            {prefill.phone ? t('list.createWithPhone', { phone: prefill.phone }) : t('list.newMember')}
          </button>
        </div>
      ) : null}

      {items.length === 0 && showingRecent && recent !== null && !recentError ? (
        <div className="empty">
          <Icon name="inbox" size={36} className="empty-icon" />
          <p className="empty-title">{t('list.noMembers')}</p>
          <p className="empty-hint">{t('list.noMembersHint')}</p>
        </div>
      ) : null}
    </div>
  );
}
