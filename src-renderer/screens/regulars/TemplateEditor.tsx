/**
 * The message template: a textarea, and a button per placeholder ({name} {shop} …) that inserts it
 * where the caret was and puts the caret after it. Warns about a placeholder it does not know (a typo
 * such as {nmae} would reach the customer as written) and about {offer}/{expiry} left empty.
 */
import { useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS, unknownPlaceholders } from '../../../src-main/sms/templates.ts';
import { controlProps, Field } from '../../components/Field.tsx';

const TEMPLATE_MAX = 500;

interface TemplateEditorProps {
  value: string;
  onValue: (value: string) => void;
  /** What the other fields hold, to warn when the template uses an empty one. */
  offer: string;
  offerExpiry: string | null;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

export function TemplateEditor({ value, onValue, offer, offerExpiry, textareaRef }: TemplateEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const caret = useRef<{ start: number; end: number }>({ start: value.length, end: value.length });

  const remember = () => {
    const el = ref.current;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };

  const insert = (token: string) => {
    const { start, end } = caret.current;
    const from = Math.min(start, value.length);
    const to = Math.min(Math.max(end, from), value.length);
    const next = `${value.slice(0, from)}${token}${value.slice(to)}`.slice(0, TEMPLATE_MAX);
    onValue(next);
    const at = Math.min(from + token.length, next.length);
    caret.current = { start: at, end: at };
    requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const problems: string[] = [];
  const unknown = unknownPlaceholders(value);
  if (unknown.length > 0) problems.push(t('regulars.template.unknown', { list: unknown.join(' ') }));
  if (value.includes('{offer}') && offer.trim() === '') problems.push(t('regulars.template.offerEmpty'));
  if (value.includes('{expiry}') && !offerExpiry) problems.push(t('regulars.template.expiryEmpty'));
  const error = value.trim() === '' ? t('regulars.template.required') : null;

  return (
    <Field id={id} label={t('regulars.template.label')} mark="required" error={error} hint={t('regulars.template.hint', { count: value.length, max: TEMPLATE_MAX })}>
      <textarea
        ref={ref}
        {...controlProps(id, error, true)}
        className="input textarea template-input"
        value={value}
        maxLength={TEMPLATE_MAX}
        rows={5}
        aria-required
        onChange={(e) => {
          onValue(e.target.value);
          caret.current = { start: e.target.selectionStart, end: e.target.selectionEnd };
        }}
        onSelect={remember}
        onKeyUp={remember}
        onClick={remember}
      />
      <div className="placeholder-row" role="group" aria-label={t('regulars.template.placeholders')}>
        <span className="placeholder-label" aria-hidden="true">
          {t('regulars.template.placeholders')}
        </span>
        {PLACEHOLDERS.map((p) => (
          <button
            key={p}
            type="button"
            className="placeholder-chip"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => insert(`{${p}}`)}
            aria-label={t('regulars.template.insert', { token: `{${p}}`, label: t(`regulars.placeholder.${p}`) })}
          >
            <code>{`{${p}}`}</code>
            <span>{t(`regulars.placeholder.${p}`)}</span>
          </button>
        ))}
      </div>
      {problems.length > 0 ? (
        <ul className="template-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </Field>
  );
}
