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
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { i18n } from '../../i18n/index.ts';
import { EditorDialog } from './EditorDialog.tsx';
import { CheckCard, describedBy, Field } from './parts.tsx';

type FieldName = 'name' | 'barcode' | 'priceMinor' | 'category';
/** Kept as thunks so a shown message follows a language switch. */
type Errors = Partial<Record<FieldName, () => string>>;

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
  const [errors, setErrors] = useState<Errors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const barcodeRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLInputElement>(null);

  const clear = (field: FieldName) => {
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const focusField = (field: FieldName) => {
    const target = { name: nameRef, barcode: barcodeRef, priceMinor: priceRef, category: categoryRef }[field].current;
    target?.focus();
  };

  const submit = async () => {
    setApiError(null);
    const found: Errors = {};
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
    setErrors(found);
    const first = (['name', 'barcode', 'priceMinor', 'category'] as const).find((f) => found[f]);
    if (first) {
      focusField(first);
      return;
    }
    setSaving(true);
    try {
      onSaved(await api.call('products.upsert', input));
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiCallError && error.code === 'BARCODE_TAKEN') {
        setErrors({ barcode: () => errorText(error) });
        focusField('barcode');
      } else {
        setApiError(error);
      }
    }
  };

  const title = readOnly ? t('settings.products.viewTitle') : product ? t('settings.products.editTitle') : t('settings.products.newTitle');
  const nameError = errors.name?.() ?? null;
  const barcodeError = errors.barcode?.() ?? null;
  const categoryError = errors.category?.() ?? null;

  return (
    <EditorDialog
      title={title}
      meta={product ? product.name : undefined}
      readOnly={readOnly}
      saving={saving}
      error={apiError}
      fieldProblems={Object.values(errors).some(Boolean)}
      initialFocus={nameRef}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="form-grid settings-form-grid">
        <Field id={ids.name} label={t('settings.products.name')} error={nameError} className="field-wide">
          <input
            ref={nameRef}
            id={ids.name}
            className="input"
            type="text"
            autoComplete="off"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              clear('name');
            }}
            aria-required="true"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy(ids.name, nameError, false)}
            maxLength={MAX.name}
          />
        </Field>

        <Field id={ids.barcode} label={t('settings.products.barcode')} hint={t('settings.products.barcodeHint')} error={barcodeError}>
          <input
            ref={barcodeRef}
            id={ids.barcode}
            className="input num"
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={barcode}
            onChange={(e) => {
              setBarcode(e.target.value);
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
            aria-invalid={barcodeError ? true : undefined}
            aria-describedby={describedBy(ids.barcode, barcodeError, true)}
            maxLength={MAX.barcode}
          />
        </Field>

        <MoneyInput
          ref={priceRef}
          label={t('settings.products.price')}
          valueMinor={priceMinor}
          onChangeMinor={(minor) => {
            setPriceMinor(minor);
            clear('priceMinor');
          }}
          error={errors.priceMinor?.() ?? null}
          aria-required="true"
        />

        <Field id={ids.category} label={t('settings.products.category')} hint={t('settings.products.categoryHint')} error={categoryError} className="field-wide">
          <input
            ref={categoryRef}
            id={ids.category}
            className="input"
            type="text"
            autoComplete="off"
            list={ids.categories}
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              clear('category');
            }}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={describedBy(ids.category, categoryError, true)}
            maxLength={MAX.category}
          />
          <datalist id={ids.categories}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>

        <div className="field field-wide">
          <CheckCard id={ids.active} label={t('settings.products.activeLabel')} hint={t('settings.products.activeHint')} checked={active} onChange={setActive} />
        </div>
      </div>
    </EditorDialog>
  );
}
