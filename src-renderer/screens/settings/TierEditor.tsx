/**
 * New tier / edit tier: name, member discount, points per currency unit, order. The discount is typed
 * as the locale says it (zh-CN: "9" or "9.5" 折; English: percent off) and stored as basis points off;
 * a preview line says what a member of the tier gets, in the words the rest of the till uses.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tierUpsert } from '../../../src-main/ledger/commands.ts';
import type { Tier } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useFormat } from '../../components/format.ts';
import { i18n } from '../../i18n/index.ts';
import { EditorDialog } from './EditorDialog.tsx';
import { discountToInput, parseDiscountInput, parseWholeNumber } from './number-text.ts';
import { describedBy, Field } from './parts.tsx';
import { useTierBenefits } from './tier-text.ts';

type FieldName = 'name' | 'discount' | 'points' | 'sortOrder';
type Errors = Partial<Record<FieldName, () => string>>;

const MAX_NAME = 20;
const POINTS = { min: 0, max: 10_000 } as const;
const ORDER = { min: 0, max: 1000 } as const;

interface TierEditorProps {
  /** null: a new tier. */
  tier: Tier | null;
  /** Sort order offered to a new tier (after the last one). */
  nextSortOrder: number;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (tier: Tier) => void;
}

export function TierEditor({ tier, nextSortOrder, readOnly, onClose, onSaved }: TierEditorProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const benefits = useTierBenefits();
  const uid = useId();
  const ids = { name: `${uid}-name`, discount: `${uid}-discount`, points: `${uid}-points`, order: `${uid}-order` };
  const [name, setName] = useState(tier?.name ?? '');
  const [discount, setDiscount] = useState(discountToInput(tier?.discountBp ?? 0, f.locale));
  const [points, setPoints] = useState(String(tier?.pointsPerUnit ?? 1));
  const [sortOrder, setSortOrder] = useState(String(tier?.sortOrder ?? nextSortOrder));
  const [errors, setErrors] = useState<Errors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const refs = { name: useRef<HTMLInputElement>(null), discount: useRef<HTMLInputElement>(null), points: useRef<HTMLInputElement>(null), sortOrder: useRef<HTMLInputElement>(null) };

  const discountParsed = parseDiscountInput(discount, f.locale);
  const pointsParsed = parseWholeNumber(points, POINTS.min, POINTS.max);
  const orderParsed = parseWholeNumber(sortOrder, ORDER.min, ORDER.max);

  const edit = (field: FieldName, set: (value: string) => void) => (value: string) => {
    set(value);
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async () => {
    setApiError(null);
    const found: Errors = {};
    if (!name.trim()) found.name = () => i18n.t('settings.tiers.err.nameRequired');
    if (!discountParsed.ok) found.discount = () => i18n.t('settings.tiers.err.discount');
    if (!pointsParsed.ok) found.points = () => i18n.t('settings.err.wholeNumber', POINTS);
    if (!orderParsed.ok) found.sortOrder = () => i18n.t('settings.err.wholeNumber', ORDER);
    const input = {
      id: tier?.id,
      name,
      discountBp: discountParsed.ok ? discountParsed.value : 0,
      pointsPerUnit: pointsParsed.ok ? pointsParsed.value : 0,
      sortOrder: orderParsed.ok ? orderParsed.value : 0,
    };
    const checked = tierUpsert.safeParse(input);
    if (!checked.success && !found.name && checked.error.issues.some((i) => i.path[0] === 'name')) {
      found.name = () => i18n.t('settings.err.tooLong', { max: MAX_NAME });
    }
    setErrors(found);
    const first = (['name', 'discount', 'points', 'sortOrder'] as const).find((k) => found[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setSaving(true);
    try {
      onSaved(await api.call('tiers.upsert', input));
    } catch (error) {
      setSaving(false);
      setApiError(error);
    }
  };

  const title = readOnly ? t('settings.tiers.viewTitle') : tier ? t('settings.tiers.editTitle') : t('settings.tiers.newTitle');
  const err = (k: FieldName) => errors[k]?.() ?? null;
  const discountHint = discountParsed.ok ? t('settings.tiers.discountMeans', { text: benefits.discount(discountParsed.value) }) : t('settings.tiers.discountHint');
  const pointsHint = t('settings.tiers.pointsHint', { unit: f.money(100) });

  return (
    <EditorDialog
      title={title}
      meta={tier ? (tier.isDefault ? t('settings.tiers.defaultMeta', { name: tier.name }) : tier.name) : undefined}
      readOnly={readOnly}
      saving={saving}
      error={apiError}
      fieldProblems={Object.values(errors).some(Boolean)}
      initialFocus={refs.name}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="form-grid settings-form-grid">
        <Field id={ids.name} label={t('settings.tiers.name')} error={err('name')} className="field-wide">
          <input
            ref={refs.name}
            id={ids.name}
            className="input"
            type="text"
            autoComplete="off"
            value={name}
            onChange={(e) => edit('name', setName)(e.target.value)}
            aria-required="true"
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={describedBy(ids.name, err('name'), false)}
            maxLength={MAX_NAME}
          />
        </Field>

        <Field id={ids.discount} label={t('settings.tiers.discount')} hint={discountHint} error={err('discount')}>
          <span className="input-affix">
            <input
              ref={refs.discount}
              id={ids.discount}
              className="input num"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={discount}
              onChange={(e) => edit('discount', setDiscount)(e.target.value)}
              aria-invalid={err('discount') ? true : undefined}
              aria-describedby={describedBy(ids.discount, err('discount'), true)}
              maxLength={10}
            />
            <span className="affix" aria-hidden="true">
              {t('settings.tiers.discountUnit')}
            </span>
          </span>
        </Field>

        <Field id={ids.points} label={t('settings.tiers.points', { unit: f.money(100) })} hint={pointsHint} error={err('points')}>
          <input
            ref={refs.points}
            id={ids.points}
            className="input num"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={points}
            onChange={(e) => edit('points', setPoints)(e.target.value)}
            aria-invalid={err('points') ? true : undefined}
            aria-describedby={describedBy(ids.points, err('points'), true)}
            maxLength={6}
          />
        </Field>

        <Field id={ids.order} label={t('settings.tiers.sortOrder')} hint={t('settings.tiers.sortOrderHint')} error={err('sortOrder')}>
          <input
            ref={refs.sortOrder}
            id={ids.order}
            className="input num"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={sortOrder}
            onChange={(e) => edit('sortOrder', setSortOrder)(e.target.value)}
            aria-invalid={err('sortOrder') ? true : undefined}
            aria-describedby={describedBy(ids.order, err('sortOrder'), true)}
            maxLength={5}
          />
        </Field>

        {discountParsed.ok && pointsParsed.ok ? (
          <p className="settings-preview field-wide" aria-live="polite">
            {t('settings.tiers.preview', { benefits: benefits.line(discountParsed.value, pointsParsed.value) })}
          </p>
        ) : null}
      </div>
    </EditorDialog>
  );
}
