/**
 * E-bills: whether members who agreed get a text after each sale, refund, top-up and top-up refund, and
 * the four templates in the members' language (Settings → Messages decides which; the other language's
 * set is kept as it is). Each template has the e-bill placeholders as buttons, a live preview as the
 * phone shows it (filled for a made-up bill of the sample member, with the SMS count) and a way back to
 * the default text. Ctrl+S saves the whole `ebills` setting; an empty template or an unknown placeholder
 * stops the save at its field.
 */
import { format } from 'date-fns';
import { useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, EBILL_EVENTS, settingsSchema, type Settings } from '../../../src-main/ledger/settings-schema.ts';
import { ebillSample } from '../../../src-main/sms/ebill-sample.ts';
import { EBILL_PLACEHOLDERS, type EbillEvent } from '../../../src-main/sms/ebill-text.ts';
import { signatureOf, unknownPlaceholders } from '../../../src-main/sms/templates.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { LANGUAGE_NAME_KEY } from '../../app/LanguageSwitch.tsx';
import { navigate, paths } from '../../app/router.ts';
import { useFormat } from '../../components/format.ts';
import { SmsBubble } from '../../components/SmsBubble.tsx';
import { TemplateEditor } from '../../components/TemplateEditor.tsx';
import { previewEbill } from './ebill-preview.ts';
import type { MessagePreview } from './message-preview.ts';
import { CheckCard } from './parts.tsx';
import './printing-settings.css';
import { SettingsForm } from './SettingsForm.tsx';
import { usePreviewSample } from './use-preview-sample.ts';
import { useSettingsDraft } from './use-settings-draft.ts';
import { useShownErrors } from './use-shown-errors.ts';

type EbillDraft = Settings['ebills'];
type Templates = EbillDraft['templates']['en'];

const MAX_TEMPLATE = settingsSchema.shape.ebills.shape.templates.shape.en.shape.sale.maxLength ?? 300;

const pick = (s: Settings): EbillDraft => ({ enabled: s.ebills.enabled, templates: { 'zh-CN': { ...s.ebills.templates['zh-CN'] }, en: { ...s.ebills.templates.en } } });

const trimmed = (templates: Templates): Templates => ({
  sale: templates.sale.trim(),
  refund: templates.refund.trim(),
  topup: templates.topup.trim(),
  topupRefund: templates.topupRefund.trim(),
});

/** What is wrong with a template, as the key of its words and the placeholders at fault. */
function problemOf(template: string): { key: 'required' } | { key: 'unknown'; list: string } | null {
  if (template.trim() === '') return { key: 'required' };
  const unknown = unknownPlaceholders(template, EBILL_PLACEHOLDERS);
  return unknown.length > 0 ? { key: 'unknown', list: unknown.join(' ') } : null;
}

export function EbillSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const { settings } = useAppInfo();
  // E-bills are written in the members' language as saved: the one the outbox will use.
  const language = settings.messaging.language;
  const form = useSettingsDraft('ebills', pick);
  const { draft } = form;
  const sample = usePreviewSample(language);
  // The sample bill happens now; fixed for the visit so the preview does not change under the owner.
  const [localTime] = useState(() => format(new Date(), 'yyyy-MM-dd HH:mm'));
  const shownErrors = useShownErrors<EbillEvent>();
  const refs = {
    sale: useRef<HTMLTextAreaElement>(null),
    refund: useRef<HTMLTextAreaElement>(null),
    topup: useRef<HTMLTextAreaElement>(null),
    topupRefund: useRef<HTMLTextAreaElement>(null),
  } satisfies Record<EbillEvent, RefObject<HTMLTextAreaElement | null>>;

  const templates = draft.templates[language];
  const defaults = DEFAULT_SETTINGS.ebills.templates[language];
  const signature = signatureOf(settings.messaging.signature, settings.shopName);
  const placeholders = EBILL_PLACEHOLDERS.map((key) => ({ key, label: t(`printingSettings.ebills.placeholder.${key}`) }));

  const errorOf = (event: EbillEvent): string | null => {
    const problem = shownErrors.has(event) ? problemOf(templates[event]) : null;
    if (!problem) return null;
    return problem.key === 'required' ? t('printingSettings.ebills.err.required') : t('printingSettings.ebills.err.unknown', { list: problem.list });
  };

  const setTemplate = (event: EbillEvent, text: string) => {
    form.change({ templates: { ...draft.templates, [language]: { ...templates, [event]: text } } });
    shownErrors.clear([event]);
  };

  const submit = async () => {
    const bad = EBILL_EVENTS.filter((event) => problemOf(templates[event]) !== null);
    if (bad.length > 0) {
      shownErrors.show(bad, (event) => refs[event].current?.focus());
      return;
    }
    await form.save({ ebills: { enabled: draft.enabled, templates: { 'zh-CN': trimmed(draft.templates['zh-CN']), en: trimmed(draft.templates.en) } } });
  };

  const facts = { shopName: settings.shopName, currency: settings.currency, locale: language, localTime, member: sample.member };

  return (
    <SettingsForm
      headingId={headingId}
      title={t('printingSettings.ebills.title')}
      intro={t('printingSettings.ebills.intro')}
      form={form}
      readOnly={readOnly}
      fieldProblems={shownErrors.any}
      onSubmit={submit}
    >
      <section className="card settings-card" aria-label={t('printingSettings.ebills.enabled')}>
        <CheckCard
          id={`${uid}-enabled`}
          label={t('printingSettings.ebills.enabled')}
          hint={t('printingSettings.ebills.enabledHint')}
          checked={draft.enabled}
          onChange={(enabled) => form.change({ enabled })}
        />
      </section>

      <section className="card settings-card" aria-labelledby={`${uid}-templates`}>
        <h3 className="settings-card-title" id={`${uid}-templates`}>
          {t('printingSettings.ebills.templates')}
        </h3>
        <p className="field-hint">{t('printingSettings.ebills.templatesHint')}</p>
        <div className="ebill-language">
          <span className="ebill-language-name">
            {t('printingSettings.ebills.language', { language: t(LANGUAGE_NAME_KEY[language]) })}
          </span>
          <span className="field-hint">{t('printingSettings.ebills.languageHint')}</span>
          <button type="button" className="btn btn-small" onClick={() => navigate(paths.settings('messaging'))}>
            {t('printingSettings.ebills.changeLanguage')}
          </button>
        </div>
        <p className="sample-line">
          {t('printingSettings.ebills.previewFor', { name: sample.member.name, balance: f.money(sample.member.balanceMinor), points: f.number(sample.member.points) })}
        </p>
        {EBILL_EVENTS.map((event) => (
          <TemplateEditor
            key={`${language}-${event}`}
            label={t(`printingSettings.ebills.event.${event}`)}
            value={templates[event]}
            onValue={(text) => setTemplate(event, text)}
            error={errorOf(event)}
            maxLength={MAX_TEMPLATE}
            textareaRef={refs[event]}
            placeholders={placeholders}
            rows={3}
          >
            <EbillAside
              message={previewEbill(templates[event], signature, ebillSample(event, facts))}
              isDefault={templates[event] === defaults[event]}
              onReset={() => {
                setTemplate(event, defaults[event]);
                // The button is disabled once the text is the default again: the focus goes back to the text.
                refs[event].current?.focus();
              }}
            />
          </TemplateEditor>
        ))}
        <p className="field-hint">{t('printingSettings.ebills.countsHint')}</p>
      </section>
    </SettingsForm>
  );
}

/** Beside a template: the sample e-bill as the phone shows it, and the way back to the default text. */
function EbillAside({ message, isDefault, onReset }: { message: MessagePreview; isDefault: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="ebill-aside">
      <figure className="phone-preview" aria-label={t('printingSettings.ebills.preview')}>
        <figcaption className="phone-preview-caption">{t('printingSettings.ebills.preview')}</figcaption>
        <SmsBubble message={message} />
      </figure>
      <div className="ebill-reset">
        <button type="button" className="btn btn-small" onClick={onReset} disabled={isDefault}>
          {t('printingSettings.ebills.reset')}
        </button>
        {isDefault ? <span className="field-hint">{t('printingSettings.ebills.isDefault')}</span> : null}
      </div>
    </div>
  );
}
