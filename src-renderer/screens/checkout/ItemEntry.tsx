/**
 * The one field items come in through: a scanned barcode (fast keys + Enter) adds that product, a
 * typed name shows matching products (↑/↓, Enter adds), and an amount ("12.50") adds a custom line.
 * While the field is empty, ↑/↓ move through the cart and + / − / Delete change the chosen line, so
 * the cashier's hands never leave the keys.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../../src-main/api/money-format.ts';
import type { Product } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { PickerList } from '../../components/PickerList.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useListNavigation } from '../../components/use-list-navigation.ts';
import { useSale } from '../../stores/sale.ts';

const DEBOUNCE_MS = 80;
const SHOWN = 8;

export interface ItemEntryHandle {
  focus: () => void;
  /** Add what a scan or typed text means (used when a barcode lands in the member field). */
  addByCode: (code: string) => Promise<boolean>;
}

export const ItemEntry = forwardRef<ItemEntryHandle, { disabled?: boolean }>(function ItemEntry({ disabled = false }, ref) {
  const { t } = useTranslation();
  const f = useFormat();
  const { settings } = useAppInfo();
  const listId = useId();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; items: Product[] } | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const lines = useSale((s) => s.lines);
  const selectedKey = useSale((s) => s.selectedKey);
  const { addProduct, addFree, changeQuantity, removeLine, selectLine } = useSale.getState();
  const trimmed = query.trim();
  const optionId = (p: Product) => `${listId}-${p.id}`;
  const items = trimmed && found?.query === trimmed ? found.items.slice(0, SHOWN) : [];
  const nav = useListNavigation({ count: items.length, optionId: (i) => optionId(items[i]!) });
  const current = items[nav.index];

  const search = async (q: string): Promise<Product[] | null> => {
    const mine = ++seq.current;
    try {
      const products = await api.call('products.list', { query: q });
      if (mine !== seq.current) return null;
      setFound({ query: q, items: products });
      nav.setHighlight(0);
      return products;
    } catch (e) {
      if (mine === seq.current) setError(e);
      return null;
    }
  };

  useEffect(() => {
    setNotFound(null);
    setError(null);
    if (!trimmed) {
      seq.current++;
      setFound(null);
      return;
    }
    const timer = window.setTimeout(() => void search(trimmed), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [trimmed]);

  const clear = () => {
    setQuery('');
    setFound(null);
  };

  /**
   * Barcode first (a scan must never be mistaken for a name), then the product chosen in the list,
   * then the one product the text names, then an amount.
   */
  const addByCode = async (code: string, listed: Product | null = null): Promise<boolean> => {
    const text = code.trim();
    if (!text) return false;
    if (/^[0-9A-Za-z-]{1,32}$/.test(text)) {
      const product = await api.call('products.byBarcode', { barcode: text }).catch((e: unknown) => (setError(e), null));
      if (product && product.active) {
        addProduct(product);
        return true;
      }
    }
    if (listed) {
      addProduct(listed);
      return true;
    }
    const matches = found?.query === text ? found.items : await search(text);
    if (matches && matches.length === 1) {
      addProduct(matches[0]!);
      return true;
    }
    const amount = parseMoneyInput(text, settings.currency);
    if (amount.ok && amount.minor > 0) {
      addFree(t('checkout.freeLineName'), amount.minor);
      return true;
    }
    return false;
  };

  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus(), addByCode }));

  const selectedIndex = lines.findIndex((l) => l.key === selectedKey);

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (!trimmed) {
      // The empty field drives the cart.
      const selected = lines[selectedIndex];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (lines.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = selectedIndex < 0 ? lines.length - 1 : Math.max(0, Math.min(lines.length - 1, selectedIndex + step));
        selectLine(lines[next]!.key);
      } else if ((event.key === '+' || event.key === '=') && selected) {
        event.preventDefault();
        changeQuantity(selected.key, 1);
      } else if (event.key === '-' && selected) {
        event.preventDefault();
        changeQuantity(selected.key, -1);
      } else if (event.key === 'Delete' && selected) {
        event.preventDefault();
        removeLine(selected.key);
      }
      return;
    }
    if (nav.onKeyDown(event) || event.key !== 'Enter') return;
    event.preventDefault();
    const listed = current && found?.query === trimmed ? current : null;
    if (await addByCode(trimmed, listed)) clear();
    else setNotFound(trimmed);
  };

  return (
    <div className="item-entry">
      <SearchField
        look="picker"
        icon="cart"
        inputRef={inputRef}
        aria-label={t('checkout.itemLabel')}
        placeholder={t('checkout.itemPlaceholder')}
        value={query}
        disabled={disabled}
        onValue={setQuery}
        onKeyDown={(e) => void onKeyDown(e)}
        listId={listId}
        nav={nav}
        aria-describedby={statusId}
        maxLength={40}
      />
      <div className="picker-status" id={statusId} role="status" aria-live="polite">
        {notFound ? <span className="is-loss">{t('checkout.noProduct', { query: notFound })}</span> : t('checkout.cartKeys')}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <PickerList
        id={listId}
        label={t('checkout.productsLabel')}
        className="product-list"
        optionClassName="product-option"
        items={items}
        nav={nav}
        optionId={optionId}
        optionLabel={(p) => t('checkout.productOption', { name: p.name, price: f.money(p.priceMinor) })}
        onChoose={(p) => {
          addProduct(p);
          clear();
        }}
      >
        {(p) => (
          <>
            <span className="product-name">{p.name}</span>
            <span className="product-meta">{[p.category, p.barcode].filter(Boolean).join(' · ')}</span>
            <MoneyText minor={p.priceMinor} className="product-price" />
          </>
        )}
      </PickerList>
    </div>
  );
});
