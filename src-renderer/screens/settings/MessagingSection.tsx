/**
 * Messages: the language members' messages are written in (apart from the screen's; with the default
 * texts of each language a button away), the sender signature, quiet hours and opt-out line of
 * marketing SMS, the win-back and birthday templates (each with its placeholders and a live preview as
 * the phone shows it, money and dates in the messages' language), and the automatic birthday greeting
 * with its gift. Ctrl+S saves the whole `messaging` setting; what is wrong is said at the field, and
 * unknown placeholders stop the save (a send would be refused later).
 */
import { useId, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, ENGLISH_MESSAGING_TEXTS, settingsSchema, type Settings } from '../../../src-main/ledger/settings-schema.ts';
import { unknownPlaceholders, type ShopFacts } from '../../../src-main/sms/templates.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { LANGUAGE_NAME_KEY } from '../../app/LanguageSwitch.tsx';
import { TextField } from '../../components/Field.tsx';
import { useFormat, type Formatters } from '../../components/format.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { SmsBubble } from '../../components/SmsBubble.tsx';
import { TemplateEditor } from '../../components/TemplateEditor.tsx';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { limitsOf } from './limits.ts';
import { previewMessage, type MessagePreview } from './message-preview.ts';
import { parseTimeOfDay, parseWholeNumber } from './number-text.ts';
import { CheckCard, ChoiceCard } from './parts.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { usePreviewSample } from './use-preview-sample.ts';
import { useSettingsDraft } from './use-settings-draft.ts';
import { useShownErrors } from './use-shown-errors.ts';

const SHAPE = settingsSchema.shape.messaging.shape;
const MAX = {
  signature: SHAPE.signature.maxLength ?? 20,
  optOutText: SHAPE.optOutText.maxLength ?? 30,
  template: SHAPE.winbackTemplate.maxLength ?? 500,
};
const GIFT_POINTS = limitsOf(SHAPE.birthdayGiftPoints);
const GIFT_BONUS = limitsOf(SHAPE.birthdayGiftBonusMinor);

type MessageTexts = Pick<Settings['messaging'], 'optOutText' | 'winbackTemplate' | 'birthdayTemplate'>;

const textsOf = ({ optOutText, winbackTemplate, birthdayTemplate }: MessageTexts): MessageTexts => ({ optOutText, winbackTemplate, birthdayTemplate });

/** The texts a shop starts from in each language: what "use the default texts" fills in. */
const DEFAULT_TEXTS: Record<Locale, MessageTexts> = {
  'zh-CN': textsOf(DEFAULT_SETTINGS.messaging),
  en: textsOf(ENGLISH_MESSAGING_TEXTS),
};

interface MessagingDraft {
  language: Locale;
  signature: string;
  quietHoursStart: string;
  quietHoursEnd: string;
  optOutText: string;
  winbackTemplate: string;
  birthdayTemplate: string;
  birthdayAutoGreet: boolean;
  birthdayGiftPoints: string;
  /** null while the amount typed is not one. */
  birthdayGiftBonusMinor: number | null;
}

type FieldKey = 'signature' | 'quietHoursStart' | 'quietHoursEnd' | 'optOutText' | 'winbackTemplate' | 'birthdayTemplate' | 'birthdayGiftPoints' | 'birthdayGiftBonusMinor';
/** In the order they are on screen: the first one with a problem gets the focus. */
const FIELDS: readonly FieldKey[] = ['signature', 'optOutText', 'quietHoursStart', 'quietHoursEnd', 'winbackTemplate', 'birthdayTemplate', 'birthdayGiftPoints', 'birthdayGiftBonusMinor'];

const pick = (s: Settings): MessagingDraft => ({
  ...s.messaging,
  birthdayGiftPoints: String(s.messaging.birthdayGiftPoints),
});

/** What is wrong with each field (a function, so the words follow a language switch), or null. */
type Problem = ((t: TFunction, f: Formatters) => string) | null;

function problemsOf(draft: MessagingDraft): Record<FieldKey, Problem> {
  const template = (text: string): Problem => {
    if (text.trim() === '') return (t) => t('settings.messaging.err.templateRequired');
    const unknown = unknownPlaceholders(text);
    return unknown.length > 0 ? (t) => t('settings.messaging.err.unknown', { list: unknown.join(' ') }) : null;
  };
  const time = (text: string): Problem => (parseTimeOfDay(text) === null ? (t) => t('settings.messaging.err.time') : null);
  const bonus = draft.birthdayGiftBonusMinor;
  return {
    signature: draft.signature.trim().length > MAX.signature ? (t) => t('settings.err.tooLong', { max: MAX.signature }) : null,
    quietHoursStart: time(draft.quietHoursStart),
    quietHoursEnd: time(draft.quietHoursEnd),
    optOutText: draft.optOutText.trim() === '' ? (t) => t('settings.messaging.err.optOutRequired') : null,
    winbackTemplate: template(draft.winbackTemplate),
    birthdayTemplate: template(draft.birthdayTemplate),
    birthdayGiftPoints: parseWholeNumber(draft.birthdayGiftPoints, GIFT_POINTS.min, GIFT_POINTS.max).ok
      ? null
      : (t, f) => t('settings.err.wholeNumber', { min: f.number(GIFT_POINTS.min), max: f.number(GIFT_POINTS.max) }),
    birthdayGiftBonusMinor:
      bonus === null ? (t) => t('settings.messaging.err.giftBonus') : bonus > GIFT_BONUS.max ? (t, f) => t('settings.messaging.err.giftBonusTooLarge', { max: f.money(GIFT_BONUS.max) }) : null,
  };
}

export function MessagingSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const { settings } = useAppInfo();
  const form = useSettingsDraft('messaging', pick);
  const { draft } = form;
  const sample = usePreviewSample(draft.language);
  const [defaultsFilled, setDefaultsFilled] = useState(false);
  const shownErrors = useShownErrors<FieldKey>();
  const refs = {
    signature: useRef<HTMLInputElement>(null),
    quietHoursStart: useRef<HTMLInputElement>(null),
    quietHoursEnd: useRef<HTMLInputElement>(null),
    optOutText: useRef<HTMLInputElement>(null),
    winbackTemplate: useRef<HTMLTextAreaElement>(null),
    birthdayTemplate: useRef<HTMLTextAreaElement>(null),
    birthdayGiftPoints: useRef<HTMLInputElement>(null),
    birthdayGiftBonusMinor: useRef<HTMLInputElement>(null),
  } satisfies Record<FieldKey, RefObject<HTMLInputElement | HTMLTextAreaElement | null>>;

  const problems = problemsOf(draft);
  const errorOf = (key: FieldKey): string | null => (shownErrors.has(key) ? (problems[key]?.(t, f) ?? null) : null);

  const change = (patch: Partial<MessagingDraft>) => {
    form.change(patch);
    setDefaultsFilled(false);
    shownErrors.clear(Object.keys(patch) as FieldKey[]);
  };

  const submit = async () => {
    const bad = FIELDS.filter((key) => problems[key] !== null);
    if (bad.length > 0) {
      shownErrors.show(bad, (key) => refs[key].current?.focus());
      return;
    }
    const points = parseWholeNumber(draft.birthdayGiftPoints, GIFT_POINTS.min, GIFT_POINTS.max);
    const start = parseTimeOfDay(draft.quietHoursStart);
    const end = parseTimeOfDay(draft.quietHoursEnd);
    if (!points.ok || start === null || end === null || draft.birthdayGiftBonusMinor === null) return; // ruled out by the checks above
    await form.save({
      messaging: {
        language: draft.language,
        signature: draft.signature.trim(),
        quietHoursStart: start,
        quietHoursEnd: end,
        optOutText: draft.optOutText.trim(),
        winbackTemplate: draft.winbackTemplate.trim(),
        birthdayTemplate: draft.birthdayTemplate.trim(),
        birthdayAutoGreet: draft.birthdayAutoGreet,
        birthdayGiftPoints: points.value,
        birthdayGiftBonusMinor: draft.birthdayGiftBonusMinor,
      },
    });
  };

  const defaults = DEFAULT_TEXTS[draft.language];
  const fillDefaults = () => {
    change(defaults);
    setDefaultsFilled(true);
  };

  // Members read money and dates in the messages' language, whatever the screen's.
  const shop: ShopFacts = { shopName: settings.shopName, currency: settings.currency, locale: draft.language };
  const texts = { signature: draft.signature, optOutText: draft.optOutText };
  const quietStart = parseTimeOfDay(draft.quietHoursStart);
  const quietEnd = parseTimeOfDay(draft.quietHoursEnd);

  return (
    <SettingsForm
      headingId={headingId}
      title={t('settings.messaging.title')}
      intro={t('settings.messaging.intro')}
      form={form}
      readOnly={readOnly}
      fieldProblems={shownErrors.any}
      onSubmit={submit}
    >
      <ChoiceCard
        title={t('settings.messaging.language')}
        options={LOCALES.map((locale) => ({ key: locale, label: t(LANGUAGE_NAME_KEY[locale]), lang: locale }))}
        value={draft.language}
        onChange={(language) => change({ language })}
        hint={t('settings.messaging.languageHint')}
      >
        <div className="messaging-defaults">
          <button type="button" className="btn" onClick={fillDefaults}>
            {t(`settings.messaging.useDefaults.${draft.language}`)}
          </button>
          <span className="field-hint" role="status">
            {defaultsFilled ? t('settings.messaging.defaultsFilled') : t('settings.messaging.useDefaultsHint')}
          </span>
        </div>
      </ChoiceCard>

      <section className="card settings-card" aria-labelledby={`${uid}-sender`}>
        <h3 className="settings-card-title" id={`${uid}-sender`}>
          {t('settings.messaging.sender')}
        </h3>
        <div className="messaging-sender">
          <TextField
            id={`${uid}-signature`}
            inputRef={refs.signature}
            label={t('settings.messaging.signature')}
            hint={t('settings.messaging.signatureHint')}
            error={errorOf('signature')}
            value={draft.signature}
            onValue={(signature) => change({ signature })}
            placeholder={settings.shopName}
            maxLength={MAX.signature}
          />
          <TextField
            id={`${uid}-optout`}
            inputRef={refs.optOutText}
            label={t('settings.messaging.optOut')}
            hint={t('settings.messaging.optOutHint')}
            error={errorOf('optOutText')}
            value={draft.optOutText}
            onValue={(optOutText) => change({ optOutText })}
            maxLength={MAX.optOutText}
            aria-required="true"
          />
          <div className="quiet-hours">
            <TextField
              id={`${uid}-quiet-start`}
              inputRef={refs.quietHoursStart}
              label={t('settings.messaging.quietStart')}
              hint={t('settings.messaging.quietHint')}
              error={errorOf('quietHoursStart')}
              inputClassName="num"
              value={draft.quietHoursStart}
              onValue={(quietHoursStart) => change({ quietHoursStart })}
              placeholder="21:00"
              maxLength={5}
            />
            <TextField
              id={`${uid}-quiet-end`}
              inputRef={refs.quietHoursEnd}
              label={t('settings.messaging.quietEnd')}
              hint={t('settings.messaging.quietHint')}
              error={errorOf('quietHoursEnd')}
              inputClassName="num"
              value={draft.quietHoursEnd}
              onValue={(quietHoursEnd) => change({ quietHoursEnd })}
              placeholder="09:00"
              maxLength={5}
            />
          </div>
          <div className="quiet-explain" aria-live="polite">
            {quietStart && quietEnd ? (
              <p className="settings-explain settings-explain-line">
                {quietStart === quietEnd
                  ? t('settings.messaging.quietNone')
                  : t(quietStart > quietEnd ? 'settings.messaging.quietExplainOvernight' : 'settings.messaging.quietExplain', { start: quietStart, end: quietEnd })}
              </p>
            ) : null}
          </div>
        </div>
      </section>

      <section className="card settings-card" aria-labelledby={`${uid}-templates`}>
        <h3 className="settings-card-title" id={`${uid}-templates`}>
          {t('settings.messaging.templates')}
        </h3>
        <p className="field-hint">{t('settings.messaging.templatesHint')}</p>
        <p className="sample-line">
          {t('settings.messaging.previewFor', { name: sample.member.name, balance: f.money(sample.member.balanceMinor), points: f.number(sample.member.points) })}
        </p>
        <TemplateEditor
          label={t('settings.messaging.winback')}
          value={draft.winbackTemplate}
          onValue={(winbackTemplate) => change({ winbackTemplate })}
          error={errorOf('winbackTemplate')}
          maxLength={MAX.template}
          textareaRef={refs.winbackTemplate}
        >
          <PhonePreview message={previewMessage(draft.winbackTemplate, texts, shop, sample)} />
        </TemplateEditor>
        <TemplateEditor
          label={t('settings.messaging.birthday')}
          value={draft.birthdayTemplate}
          onValue={(birthdayTemplate) => change({ birthdayTemplate })}
          error={errorOf('birthdayTemplate')}
          maxLength={MAX.template}
          textareaRef={refs.birthdayTemplate}
        >
          <PhonePreview message={previewMessage(draft.birthdayTemplate, texts, shop, sample)} />
        </TemplateEditor>
        <p className="field-hint">{t('settings.messaging.countsHint')}</p>
      </section>

      <section className="card settings-card" aria-labelledby={`${uid}-birthday`}>
        <h3 className="settings-card-title" id={`${uid}-birthday`}>
          {t('settings.messaging.birthdayGift')}
        </h3>
        <CheckCard
          id={`${uid}-auto`}
          label={t('settings.messaging.autoGreet')}
          hint={t('settings.messaging.autoGreetHint')}
          checked={draft.birthdayAutoGreet}
          onChange={(birthdayAutoGreet) => change({ birthdayAutoGreet })}
        />
        <div className="birthday-gift">
          <TextField
            id={`${uid}-gift-points`}
            inputRef={refs.birthdayGiftPoints}
            label={t('settings.messaging.giftPoints')}
            hint={t('settings.messaging.giftPointsHint')}
            error={errorOf('birthdayGiftPoints')}
            inputClassName="num"
            inputMode="numeric"
            value={draft.birthdayGiftPoints}
            onValue={(birthdayGiftPoints) => change({ birthdayGiftPoints })}
            maxLength={9}
            affix={t('settings.messaging.pointsUnit')}
          />
          <MoneyInput
            ref={refs.birthdayGiftBonusMinor}
            label={t('settings.messaging.giftBonus')}
            hint={t('settings.messaging.giftBonusHint')}
            error={errorOf('birthdayGiftBonusMinor')}
            valueMinor={draft.birthdayGiftBonusMinor}
            onChangeMinor={(birthdayGiftBonusMinor) => change({ birthdayGiftBonusMinor })}
          />
        </div>
      </section>
    </SettingsForm>
  );
}

/** Beside a template: the message as the sample member's phone shows it. */
function PhonePreview({ message }: { message: MessagePreview }) {
  const { t } = useTranslation();
  return (
    <figure className="phone-preview" aria-label={t('settings.messaging.preview')}>
      <figcaption className="phone-preview-caption">{t('settings.messaging.preview')}</figcaption>
      <SmsBubble message={message} />
    </figure>
  );
}
