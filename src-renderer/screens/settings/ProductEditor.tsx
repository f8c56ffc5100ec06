/**
 * New product / edit product: name, barcode, price, category, on sale. The barcode field is made for
 * a scanner: the scanner's Enter moves on to the price instead of saving a half-filled form. Checked
 * with the ledger's own schema; a barcode another product already has is shown on the barcode field.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productUpsert } from '../../../src-main/ledger/commands.ts';
import type { Product } from '../../../src-main/ledger/types.ts';
import { api, ApiCallError } from '../../api.ts';
import { useErrorText } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { i18n } from '../../i18n/index.ts';
import { EditorDialog } from './EditorDialog.tsx';
import { CheckCard } from './parts.tsx';
import { useEditorForm, type FieldProblems } from './use-editor-form.ts';

type FieldName = 'name' | 'barcode' | 'priceMinor' | 'category';

const MAX = { name: 40, barcode: 32, category: 30 } as const;

interface ProductEditorProps {
  /** null: a new product. */
  product: Product | null;
  /** A scanned barcode that matched nothing, offered as the new product's barcode. */
  prefillBarcode?: string;
  categories: readonly string[];
  readOnly: boolean;
  onClose: () => void;
  onSaved: (product: Product) => void;
}

export function ProductEditor({ product, prefillBarcode = '', categories, readOnly, onClose, onSaved }: ProductEditorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const uid = useId();
  const ids = { name: `${uid}-name`, barcode: `${uid}-barcode`, category: `${uid}-category`, categories: `${uid}-categories`, active: `${uid}-active` };
  const [name, setName] = useState(product?.name ?? '');
  const [barcode, setBarcode] = useState(product?.barcode ?? prefillBarcode);
  const [priceMinor, setPriceMinor] = useState<number | null>(product ? product.priceMinor : null);
  const [category, setCategory] = useState(product?.category ?? '');
  const [active, setActive] = useState(product?.active ?? true);
  const nameRef = useRef<HTMLInputElement>(null);
  const barcodeRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLInputElement>(null);
  const form = useEditorForm<FieldName>({ name: nameRef, barcode: barcodeRef, priceMinor: priceRef, category: categoryRef });
  const { clear } = form;

  const submit = async () => {
    const found: FieldProblems<FieldName> = {};
    if (!name.trim()) found.name = () => i18n.t('settings.products.err.nameRequired');
    if (priceMinor === null) found.priceMinor = () => i18n.t('settings.products.err.priceRequired');
    const input = { id: product?.id, name, barcode: barcode.trim() || null, priceMinor: priceMinor ?? 0, category, active };
    const checked = productUpsert.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as FieldName;
        if (found[field]) continue;
        if (field === 'barcode') found.barcode = () => i18n.t('settings.products.err.barcodeInvalid', { max: MAX.barcode });
        else if (field === 'name' || field === 'category') found[field] = () => i18n.t('settings.err.tooLong', { max: MAX[field] });
        else if (field === 'priceMinor') found.priceMinor = () => i18n.t('settings.products.err.priceRequired');
      }
    }
    // A barcode another product has is said on the barcode field.
    const onField = (error: unknown) => (error instanceof ApiCallError && error.code === 'BARCODE_TAKEN' ? { barcode: () => errorText(error) } : null);
    await form.save(found, () => api.call('products.upsert', input), onSaved, onField);
  };

  const title = readOnly ? t('settings.products.viewTitle') : product ? t('settings.products.editTitle') : t('settings.products.newTitle');
  const nameError = form.error('name');
  const barcodeError = form.error('barcode');
  const categoryError = form.error('category');

  return (
    <EditorDialog
      title={title}
      meta={product ? product.name : undefined}
      readOnly={readOnly}
      form={form}
      initialFocus={nameRef}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="form-grid settings-form-grid">
        <TextField
          id={ids.name}
          inputRef={nameRef}
          label={t('settings.products.name')}
          error={nameError}
          className="field-wide"
          value={name}
          onValue={(value) => {
            setName(value);
            clear('name');
          }}
          aria-required="true"
          maxLength={MAX.name}
        />
        <TextField
          id={ids.barcode}
          inputRef={barcodeRef}
          label={t('settings.products.barcode')}
          hint={t('settings.products.barcodeHint')}
          error={barcodeError}
          inputClassName="num"
          inputMode="text"
          autoCapitalize="off"
          spellCheck={false}
          value={barcode}
          onValue={(value) => {
            setBarcode(value);
            clear('barcode');
          }}
          onKeyDown={(e) => {
            // A scanner ends every code with Enter: go on to the price rather than save.
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              priceRef.current?.focus();
              priceRef.current?.select();
            }
          }}
          maxLength={MAX.barcode}
        />

        <MoneyInput
          ref={priceRef}
          label={t('settings.products.price')}
          valueMinor={priceMinor}
          onChangeMinor={(minor) => {
            setPriceMinor(minor);
            clear('priceMinor');
          }}
          error={form.error('priceMinor')}
          aria-required="true"
        />

        <TextField
          id={ids.category}
          inputRef={categoryRef}
          label={t('settings.products.category')}
          hint={t('settings.products.categoryHint')}
          error={categoryError}
          className="field-wide"
          list={ids.categories}
          value={category}
          onValue={(value) => {
            setCategory(value);
            clear('category');
          }}
          maxLength={MAX.category}
        >
          <datalist id={ids.categories}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </TextField>

        <div className="field field-wide">
          <CheckCard id={ids.active} label={t('settings.products.activeLabel')} hint={t('settings.products.activeHint')} checked={active} onChange={setActive} />
        </div>
      </div>
    </EditorDialog>
  );
}
