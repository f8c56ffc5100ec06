/**
 * One message template: the text, a toolbar of placeholders (←/→ choose, Enter inserts at the caret
 * and puts the caret after it), a warning for placeholders nobody fills, and beside it the message
 * as the phone shows it — 【signature】, filled for a sample member, opt-out line — with its length,
 * SMS count and encoding.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS, type Placeholder } from '../../../src-main/sms/templates.ts';
import { controlProps } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import type { MessagePreview } from './message-preview.ts';

interface TemplateEditorProps {
  /** The region's heading ("挽回短信"), also the text box's name. */
  title: string;
  value: string;
  onValue: (value: string) => void;
  preview: MessagePreview;
  error: string | null;
  maxLength: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

export function TemplateEditor({ title, value, onValue, preview, error, maxLength, textareaRef }: TemplateEditorProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const ids = { title: `${uid}-title`, text: `${uid}-text`, warn: `${uid}-warn`, counts: `${uid}-counts` };
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  /** Where the caret goes once the inserted placeholder is in the text. */
  const caretAfterInsert = useRef<number | null>(null);
  const [activeTool, setActiveTool] = useState(0);
  const toolRefs = useRef<Array<HTMLButtonElement | null>>([]);

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    const box = ownRef.current;
    if (caret === null || !box) return;
    caretAfterInsert.current = null;
    box.focus();
    box.setSelectionRange(caret, caret);
  }, [value]);

  const insert = (placeholder: Placeholder) => {
    const box = ownRef.current;
    const token = `{${placeholder}}`;
    const start = box?.selectionStart ?? value.length;
    const end = box?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    if (next.length > maxLength) return;
    caretAfterInsert.current = start + token.length;
    onValue(next);
  };

  const onToolKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = PLACEHOLDERS.length - 1;
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

  const warning = preview.unknown.length > 0 && !error ? t('settings.messaging.unknown', { list: preview.unknown.join(' ') }) : null;
  const control = controlProps(ids.text, error, false);
  const describedBy = [control['aria-describedby'], warning ? ids.warn : null, ids.counts].filter(Boolean).join(' ');

  return (
    <section className="template-editor" aria-labelledby={ids.title}>
      <div className={`field template-field${error ? ' has-error' : ''}`}>
        <label className="field-label" htmlFor={ids.text} id={ids.title}>
          {title}
        </label>
        <textarea
          ref={(el) => {
            ownRef.current = el;
            if (typeof textareaRef === 'function') textareaRef(el);
            else if (textareaRef) textareaRef.current = el;
          }}
          {...control}
          aria-describedby={describedBy}
          aria-required="true"
          className="input textarea template-text"
          rows={4}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
        {error ? (
          <p className="field-error" id={`${ids.text}-error`}>
            {error}
          </p>
        ) : null}
        {warning ? (
          <p className="field-warn" id={ids.warn} role="status">
            {warning}
          </p>
        ) : null}
        <div className="placeholder-tools">
          <div className="placeholder-bar" role="toolbar" aria-label={t('settings.messaging.placeholders')} onKeyDown={onToolKey}>
            {PLACEHOLDERS.map((placeholder, index) => {
              const label = t(`settings.messaging.placeholder.${placeholder}`);
              return (
                <button
                  key={placeholder}
                  ref={(el) => {
                    toolRefs.current[index] = el;
                  }}
                  type="button"
                  className="btn btn-small placeholder-btn"
                  tabIndex={index === activeTool ? 0 : -1}
                  aria-label={t('settings.messaging.insert', { label })}
                  onFocus={() => setActiveTool(index)}
                  onClick={() => insert(placeholder)}
                >
                  {label}
                  <code className="placeholder-code" aria-hidden="true">{`{${placeholder}}`}</code>
                </button>
              );
            })}
          </div>
          <span className="placeholder-keys" aria-hidden="true">
            {t('settings.messaging.placeholdersKeys')}
          </span>
        </div>
      </div>

      <figure className="sms-preview" aria-label={t('settings.messaging.preview')}>
        <figcaption className="sms-preview-caption">{t('settings.messaging.preview')}</figcaption>
        <p className="sms-bubble">{preview.fullText}</p>
        <p className="sms-counts" id={ids.counts}>
          {t('settings.messaging.counts', { characters: f.number(preview.characters), segments: f.number(preview.segments), encoding: preview.encoding })}
        </p>
      </figure>
    </section>
  );
}
