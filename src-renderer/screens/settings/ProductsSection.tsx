/**
 * Products: a searchable list (name, barcode, category, price, on sale) and the editor. Keyboard first:
 * typing anywhere goes to the search box, ↑/↓ pick a row, Enter edits it, F2 adds a product. A barcode
 * scanned into the search box finds its product; a code that matches nothing offers a new product
 * with that barcode. Inactive products are hidden unless asked for, and shown muted.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useShortcut } from '../../app/shortcuts.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { NEW_KEY } from './keys.ts';
import { ListTools, NewButton, SectionHead } from './parts.tsx';
import { PickList, usePickNavigation } from './PickList.tsx';
import { ProductEditor } from './ProductEditor.tsx';

const DEBOUNCE_MS = 100;
/** What a scanned code looks like: starts with a digit, then the characters barcodes use. */
const BARCODE_LIKE = /^[0-9][0-9A-Za-z-]{5,31}$/;

type Editing = { product: Product | null; barcode?: string };

export function ProductsSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const listId = useId();
  const statusId = useId();
  const hintId = useId();
  const inactiveId = useId();
  const [query, setQuery] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [results, setResults] = useState<{ key: string; items: Product[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [waiting, setWaiting] = useState(true);
  const [everything, setEverything] = useState<Product[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  /** After a save: highlight that product once the list reloads. */
  const showNext = useRef<string | null>(null);

  const trimmed = query.trim();
  const searchKey = `${includeInactive ? 1 : 0}|${trimmed}`;
  const items = results?.items ?? [];
  const fresh = results?.key === searchKey && !waiting;
  const openProduct = (product: Product) => setEditing({ product });
  const nav = usePickNavigation(listId, items, (p) => p.id, openProduct, false);
  const { setHighlight } = nav;

  /** Runs the search now; only the newest search may answer. */
  const runSearch = useCallback(async (q: string, inactive: boolean): Promise<Product[] | null> => {
    const mine = ++seq.current;
    setWaiting(true);
    try {
      const items = await api.call('products.list', { query: q, includeInactive: inactive });
      if (mine !== seq.current) return null;
      const wanted = showNext.current ? items.findIndex((p) => p.id === showNext.current) : -1;
      showNext.current = null;
      setResults({ key: `${inactive ? 1 : 0}|${q}`, items });
      setHighlight(Math.max(wanted, 0));
      setError(null);
      return items;
    } catch (e) {
      if (mine === seq.current) setError(e);
      return null;
    } finally {
      if (mine === seq.current) setWaiting(false);
    }
  }, [setHighlight]);

  // Every product, inactive too, for the category suggestions.
  const loadEverything = useCallback(() => {
    api
      .call('products.list', { query: '', includeInactive: true })
      .then(setEverything)
      .catch(() => setEverything([]));
  }, []);

  useEffect(loadEverything, [loadEverything]);

  useEffect(() => {
    window.clearTimeout(timer.current);
    setWaiting(true);
    timer.current = window.setTimeout(
      () => {
        timer.current = undefined;
        void runSearch(trimmed, includeInactive);
      },
      trimmed ? DEBOUNCE_MS : 0,
    );
    return () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [trimmed, includeInactive, runSearch]);

  const categories = useMemo(() => [...new Set(everything.map((p) => p.category).filter(Boolean))].sort((a, b) => a.localeCompare(b, f.locale)), [everything, f.locale]);

  const openNew = useCallback((barcode?: string) => {
    setSaved(null);
    setEditing({ product: null, barcode });
  }, []);
  useShortcut(NEW_KEY, () => openNew(), !readOnly && editing === null);

  // A scanner (or a person) typing while focus is elsewhere on the screen types into the search box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1 || event.key === ' ') return;
      if (document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onSaved = (product: Product) => {
    setEditing(null);
    setSaved(product.name);
    showNext.current = product.id;
    loadEverything();
    void runSearch(trimmed, includeInactive);
  };

  const onSearchKey = async (event: KeyboardEvent<HTMLInputElement>) => {
    // Esc with a query was the search box's (it empties it); without one it goes on to the section list.
    if (event.nativeEvent.isComposing || event.key === 'Escape') return;
    const settled = fresh && timer.current === undefined;
    if (event.key !== 'Enter' || settled) {
      nav.onKeyDown(event);
      return;
    }
    // Scanned (or typed) faster than the search: search now, then open the one clear match.
    event.preventDefault();
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const q = trimmed;
    const found = await runSearch(q, includeInactive);
    if (!found) return;
    const exact = found.find((p) => p.barcode === q);
    if (exact) openProduct(exact);
    else if (found.length === 1) openProduct(found[0]!);
    else if (found.length === 0 && BARCODE_LIKE.test(q) && !readOnly) openNew(q);
  };

  let status: string;
  if (saved) status = t('settings.products.savedNote', { name: saved });
  else if (!fresh) status = t('settings.products.searching');
  else status = t('settings.products.count', { count: items.length });

  const canCreateFromQuery = !readOnly && BARCODE_LIKE.test(trimmed);

  return (
    <div className="settings-section is-list">
      <SectionHead
        id={headingId}
        title={t('settings.products.title')}
        intro={t('settings.products.intro')}
        action={readOnly ? undefined : <NewButton label={t('settings.products.new')} onClick={() => openNew()} />}
      />

      <SearchField
        look="search"
        icon="search"
        className="settings-search"
        inputRef={searchRef}
        aria-label={t('settings.products.searchLabel')}
        placeholder={t('settings.products.searchPlaceholder')}
        value={query}
        onValue={(value) => {
          setQuery(value);
          setSaved(null);
        }}
        onKeyDown={(e) => void onSearchKey(e)}
        listId={listId}
        nav={nav}
        aria-describedby={`${statusId} ${hintId}`}
        maxLength={40}
      />

      <ListTools status={status} statusId={statusId} keys={readOnly ? t('settings.products.keysHintReadOnly') : t('settings.products.keysHint', { key: NEW_KEY })} keysId={hintId}>
        <label className="inline-check" htmlFor={inactiveId}>
          <input id={inactiveId} type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          {t('settings.products.showInactive')}
        </label>
      </ListTools>

      {error ? <ErrorNotice error={error} onRetry={() => void runSearch(trimmed, includeInactive)} /> : null}

      {items.length > 0 ? (
        <PickList
          id={listId}
          label={t('settings.products.listLabel')}
          className="pick-products"
          items={items}
          keyOf={(p) => p.id}
          rowLabel={(p) => t(p.active ? 'settings.products.rowLabel' : 'settings.products.rowLabelInactive', { name: p.name, price: f.money(p.priceMinor) })}
          rowClass={(p) => (p.active ? '' : 'is-inactive')}
          columns={[
            { label: t('settings.products.col.name') },
            { label: t('settings.products.col.barcode') },
            { label: t('settings.products.col.category') },
            { label: t('settings.products.col.price'), align: 'end' },
            { label: t('settings.products.col.status'), align: 'end' },
          ]}
          cells={(p) => [
            <span className="pick-name">{p.name}</span>,
            p.barcode ? <span className="num">{p.barcode}</span> : <span className="muted">{t('settings.products.noBarcode')}</span>,
            p.category ? p.category : <span className="muted">{t('settings.products.noCategory')}</span>,
            <MoneyText minor={p.priceMinor} className="strong" />,
            <span className={`badge ${p.active ? 'badge-on' : 'badge-quiet'}`}>{p.active ? t('settings.products.active') : t('settings.products.inactive')}</span>,
          ]}
          nav={nav}
          onOpen={openProduct}
          stale={!fresh}
        />
      ) : null}

      {items.length === 0 && fresh && !error ? (
        <div className="empty card">
          <Icon name={trimmed ? 'search' : 'inbox'} size={36} className="empty-icon" />
          <p className="empty-title">{trimmed ? t('settings.products.noResults', { query: trimmed }) : t('settings.products.empty')}</p>
          <p className="empty-hint">{readOnly ? '' : trimmed ? t('settings.products.noResultsHint', { key: NEW_KEY }) : t('settings.products.emptyHint', { key: NEW_KEY })}</p>
          {canCreateFromQuery ? (
            <button type="button" className="btn" onClick={() => openNew(trimmed)}>
              <Icon name="plus" />
              {t('settings.products.createWithBarcode', { barcode: trimmed })}
            </button>
          ) : null}
        </div>
      ) : null}

      {editing ? (
        <ProductEditor
          product={editing.product}
          prefillBarcode={editing.barcode}
          categories={categories}
          readOnly={readOnly}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      ) : null}
    </div>
  );
}
