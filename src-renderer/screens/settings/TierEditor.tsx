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
import { TextField } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import { i18n } from '../../i18n/index.ts';
import { EditorDialog } from './EditorDialog.tsx';
import { discountToInput, parseDiscountInput, parseWholeNumber } from './number-text.ts';
import { useTierBenefits } from './tier-text.ts';
import { useEditorForm, type FieldProblems } from './use-editor-form.ts';

type FieldName = 'name' | 'discount' | 'points' | 'sortOrder';

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
  const refs = { name: useRef<HTMLInputElement>(null), discount: useRef<HTMLInputElement>(null), points: useRef<HTMLInputElement>(null), sortOrder: useRef<HTMLInputElement>(null) };
  const form = useEditorForm<FieldName>(refs);

  const discountParsed = parseDiscountInput(discount, f.locale);
  const pointsParsed = parseWholeNumber(points, POINTS.min, POINTS.max);
  const orderParsed = parseWholeNumber(sortOrder, ORDER.min, ORDER.max);

  const edit = (field: FieldName, set: (value: string) => void) => (value: string) => {
    set(value);
    form.clear(field);
  };

  const submit = async () => {
    const found: FieldProblems<FieldName> = {};
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
    await form.save(found, () => api.call('tiers.upsert', input), onSaved);
  };

  const title = readOnly ? t('settings.tiers.viewTitle') : tier ? t('settings.tiers.editTitle') : t('settings.tiers.newTitle');
  const err = form.error;
  const discountHint = discountParsed.ok ? t('settings.tiers.discountMeans', { text: benefits.discount(discountParsed.value) }) : t('settings.tiers.discountHint');
  const pointsHint = t('settings.tiers.pointsHint', { unit: f.money(100) });

  return (
    <EditorDialog
      title={title}
      meta={tier ? (tier.isDefault ? t('settings.tiers.defaultMeta', { name: tier.name }) : tier.name) : undefined}
      readOnly={readOnly}
      form={form}
      initialFocus={refs.name}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="form-grid settings-form-grid">
        <TextField
          id={ids.name}
          inputRef={refs.name}
          label={t('settings.tiers.name')}
          error={err('name')}
          className="field-wide"
          value={name}
          onValue={edit('name', setName)}
          aria-required="true"
          maxLength={MAX_NAME}
        />
        <TextField
          id={ids.discount}
          inputRef={refs.discount}
          label={t('settings.tiers.discount')}
          hint={discountHint}
          error={err('discount')}
          inputClassName="num"
          inputMode="decimal"
          value={discount}
          onValue={edit('discount', setDiscount)}
          maxLength={10}
          affix={t('settings.tiers.discountUnit')}
        />
        <TextField
          id={ids.points}
          inputRef={refs.points}
          label={t('settings.tiers.points', { unit: f.money(100) })}
          hint={pointsHint}
          error={err('points')}
          inputClassName="num"
          inputMode="numeric"
          value={points}
          onValue={edit('points', setPoints)}
          maxLength={6}
        />
        <TextField
          id={ids.order}
          inputRef={refs.sortOrder}
          label={t('settings.tiers.sortOrder')}
          hint={t('settings.tiers.sortOrderHint')}
          error={err('sortOrder')}
          inputClassName="num"
          inputMode="numeric"
          value={sortOrder}
          onValue={edit('sortOrder', setSortOrder)}
          maxLength={5}
        />

        {discountParsed.ok && pointsParsed.ok ? (
          <p className="settings-preview field-wide" aria-live="polite">
            {t('settings.tiers.preview', { benefits: benefits.line(discountParsed.value, pointsParsed.value) })}
          </p>
        ) : null}
      </div>
    </EditorDialog>
  );
}
