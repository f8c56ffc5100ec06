/**
 * A message template, wherever one is written (the win-back send dialog, the message settings): the
 * text, a toolbar of placeholders (one Tab stop; ←/→ choose, Enter or a click inserts at the caret and
 * puts the caret after it), and warnings for what would go wrong when sending: a placeholder nobody
 * fills (a typo such as {nmae}, which a send refuses), and {offer}/{expiry} left empty where the offer
 * is typed beside the template. What the caller shows beside the text (the phone preview) comes as
 * children.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS, unknownPlaceholders } from '../../src-main/sms/templates.ts';
import { describedBy } from './Field.tsx';

interface TemplateEditorProps {
  /** The text box's name, also the region's. */
  label: string;
  value: string;
  onValue: (value: string) => void;
  maxLength: number;
  /** The caller's own check (e.g. empty), shown instead of the hint. */
  error: string | null;
  hint?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** What fills {offer} and {expiry}, where they are typed beside the template: warns when one is used empty. */
  offer?: { text: string; expiry: string | null };
  rows?: number;
  /** The placeholders this kind of message knows, with their button names (default: the marketing ones). */
  placeholders?: ReadonlyArray<{ key: string; label: string }>;
  /** Beside the text: the message as the phone shows it. */
  children?: ReactNode;
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

export function TemplateEditor({ label, value, onValue, maxLength, error, hint, textareaRef, offer, rows = 4, placeholders, children }: TemplateEditorProps) {
  const { t } = useTranslation();
  const tools = placeholders ?? PLACEHOLDERS.map((key) => ({ key, label: t(`retention.template.placeholder.${key}`) }));
  const uid = useId();
  const ids = { label: `${uid}-label`, text: `${uid}-text`, warn: `${uid}-warn` };
  const box = useRef<HTMLTextAreaElement | null>(null);
  /** Where the caret goes once the inserted placeholder is in the text. */
  const caretAfterInsert = useRef<number | null>(null);
  const [activeTool, setActiveTool] = useState(0);
  const toolRefs = useRef<Array<HTMLButtonElement | null>>([]);

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || !box.current) return;
    caretAfterInsert.current = null;
    box.current.focus();
    box.current.setSelectionRange(caret, caret);
  }, [value]);

  // The text box keeps its selection while a toolbar button has the focus: insert there.
  const insert = (placeholder: string) => {
    const token = `{${placeholder}}`;
    const start = box.current?.selectionStart ?? value.length;
    const end = box.current?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    if (next.length > maxLength) return;
    caretAfterInsert.current = start + token.length;
    onValue(next);
  };

  const onToolKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = tools.length - 1;
    let next = -1;
    if (event.key === 'ArrowRight') next = activeTool === last ? 0 : activeTool + 1;
    else if (event.key === 'ArrowLeft') next = activeTool === 0 ? last : activeTool - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next < 0) return;
    event.preventDefault();
    setActiveTool(next);
    toolRefs.current[next]?.focus();
  };

  const warnings: string[] = [];
  const unknown = unknownPlaceholders(value, tools.map((p) => p.key));
  if (unknown.length > 0 && !error) warnings.push(t('retention.template.unknown', { list: unknown.join(' ') }));
  if (offer && value.includes('{offer}') && offer.text.trim() === '') warnings.push(t('retention.template.offerEmpty'));
  if (offer && value.includes('{expiry}') && !offer.expiry) warnings.push(t('retention.template.expiryEmpty'));
  const textDescribedBy = [describedBy(ids.text, error, hint !== undefined), warnings.length > 0 ? ids.warn : null].filter(Boolean).join(' ') || undefined;

  return (
    <section className={`template-editor${children ? ' has-aside' : ''}`} aria-labelledby={ids.label}>
      <div className={`field template-field${error ? ' has-error' : ''}`}>
        <label className="field-label" htmlFor={ids.text} id={ids.label}>
          {label}
        </label>
        <textarea
          ref={(el) => {
            box.current = el;
            setRef(textareaRef, el);
          }}
          id={ids.text}
          aria-invalid={error ? true : undefined}
          aria-describedby={textDescribedBy}
          aria-required="true"
          className="input textarea template-text"
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
        {error ? (
          <p className="field-error" id={`${ids.text}-error`}>
            {error}
          </p>
        ) : hint ? (
          <p className="field-hint" id={`${ids.text}-hint`}>
            {hint}
          </p>
        ) : null}
        {warnings.length > 0 ? (
          <ul className="field-warn template-warnings" id={ids.warn} role="status">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
        <div className="placeholder-tools">
          <div className="placeholder-bar" role="toolbar" aria-label={t('retention.template.placeholders')} onKeyDown={onToolKey}>
            {tools.map(({ key: placeholder, label: name }, index) => {
              return (
                <button
                  key={placeholder}
                  ref={(el) => {
                    toolRefs.current[index] = el;
                  }}
                  type="button"
                  className="btn btn-small placeholder-btn"
                  tabIndex={index === activeTool ? 0 : -1}
                  aria-label={t('retention.template.insert', { label: name })}
                  onFocus={() => setActiveTool(index)}
                  onClick={() => insert(placeholder)}
                >
                  {name}
                  <code className="placeholder-code" aria-hidden="true">{`{${placeholder}}`}</code>
                </button>
              );
            })}
          </div>
          <span className="placeholder-keys" aria-hidden="true">
            {t('retention.template.keys')}
          </span>
        </div>
      </div>
      {children}
    </section>
  );
}
