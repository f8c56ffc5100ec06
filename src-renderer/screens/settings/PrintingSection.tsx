/**
 * Printing: how the receipt printer is reached (none, network, USB/serial device, system printer), with
 * only that connection's fields; checking it and printing a test page; the paper width, QR code and the
 * shop's lines on the receipt; the logo; and what happens at each payment (print, open the drawer).
 * Ctrl+S saves the whole `printing` setting; what is wrong is said at the field. The logo is saved
 * on its own as soon as it is chosen (PrintingLogo).
 */
import { useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, PAPER_WIDTHS, PRINTER_CONNECTIONS, RECEIPT_QR } from '../../../src-main/ledger/settings-schema.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { ErrorNotice, Notice } from '../../components/ErrorNotice.tsx';
import { Field, TextField, controlProps } from '../../components/Field.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { CheckCard, ChoiceCard } from './parts.tsx';
import { PrintingCheck } from './PrintingCheck.tsx';
import { PRINTING_FIELDS, PRINTING_MAX, printingDraftOf, printingProblems, printingSettingsOf, type PrintingDraft, type PrintingField } from './printing-draft.ts';
import { PrintingLogo } from './PrintingLogo.tsx';
import './printing-settings.css';
import { SettingsForm } from './SettingsForm.tsx';
import { useSettingsDraft } from './use-settings-draft.ts';
import { useShownErrors } from './use-shown-errors.ts';

export function PrintingSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const form = useSettingsDraft('printing', printingDraftOf);
  const { draft } = form;
  const shownErrors = useShownErrors<PrintingField>();
  const refs = {
    host: useRef<HTMLInputElement>(null),
    port: useRef<HTMLInputElement>(null),
    devicePath: useRef<HTMLInputElement>(null),
  } satisfies Record<PrintingField, RefObject<HTMLInputElement | null>>;

  const problems = printingProblems(draft);
  const errorOf = (key: PrintingField): string | null => {
    const problem = problems[key];
    return shownErrors.has(key) && problem ? t(`printingSettings.err.${problem}`) : null;
  };

  const change = (patch: Partial<PrintingDraft>) => {
    form.change(patch);
    shownErrors.clear(Object.keys(patch) as PrintingField[]);
  };

  const submit = async () => {
    const bad = PRINTING_FIELDS.filter((key) => problems[key] !== undefined);
    if (bad.length > 0) {
      shownErrors.show(bad, (key) => refs[key].current?.focus());
      return;
    }
    const printing = printingSettingsOf(draft);
    if (printing) await form.save({ printing });
  };

  return (
    <SettingsForm
      headingId={headingId}
      title={t('printingSettings.title')}
      intro={t('printingSettings.intro')}
      form={form}
      readOnly={readOnly}
      fieldProblems={shownErrors.any}
      onSubmit={submit}
    >
      <ChoiceCard
        title={t('printingSettings.connection.title')}
        options={PRINTER_CONNECTIONS.map((connection) => ({ key: connection, label: t(`printingSettings.connection.${connection}`) }))}
        value={draft.connection}
        onChange={(connection) => {
          change({ connection });
          shownErrors.clearAll();
        }}
        hint={t(`printingSettings.connection.hint.${draft.connection}`)}
      >
        {draft.connection === 'network' ? (
          <div className="printing-address">
            <TextField
              id={`${uid}-host`}
              inputRef={refs.host}
              label={t('printingSettings.host')}
              mark="required"
              hint={t('printingSettings.hostHint')}
              error={errorOf('host')}
              inputClassName="num"
              value={draft.host}
              onValue={(host) => change({ host })}
              placeholder="192.168.1.87"
              spellCheck={false}
              maxLength={PRINTING_MAX.host}
            />
            <TextField
              id={`${uid}-port`}
              inputRef={refs.port}
              label={t('printingSettings.port')}
              hint={t('printingSettings.portHint')}
              error={errorOf('port')}
              inputClassName="num"
              inputMode="numeric"
              value={draft.port}
              onValue={(port) => change({ port })}
              placeholder={String(DEFAULT_SETTINGS.printing.port)}
              maxLength={5}
            />
          </div>
        ) : draft.connection === 'device' ? (
          <div className="printing-address">
            <TextField
              id={`${uid}-device`}
              inputRef={refs.devicePath}
              label={t('printingSettings.devicePath')}
              mark="required"
              hint={t('printingSettings.devicePathHint')}
              error={errorOf('devicePath')}
              inputClassName="num"
              value={draft.devicePath}
              onValue={(devicePath) => change({ devicePath })}
              placeholder="/dev/usb/lp0"
              spellCheck={false}
              maxLength={PRINTING_MAX.devicePath}
            />
          </div>
        ) : draft.connection === 'system' ? (
          <SystemPrinterFields draft={draft} change={change} />
        ) : null}
      </ChoiceCard>

      <PrintingCheck connection={form.saved.connection} dirty={form.dirty} />

      <section className="card settings-card" aria-labelledby={`${uid}-receipt`}>
        <h3 className="settings-card-title" id={`${uid}-receipt`}>
          {t('printingSettings.receipt.title')}
        </h3>
        <div className="printing-choices">
          <div className="printing-choice">
            <ChoiceGroup
              label={t('printingSettings.receipt.paper')}
              labelClassName="field-label"
              options={PAPER_WIDTHS.map((width) => ({ key: width, label: t('printingSettings.receipt.paperOption', { width }) }))}
              value={draft.paperWidth}
              onChange={(paperWidth) => change({ paperWidth })}
            />
            <p className="field-hint">{t('printingSettings.receipt.paperHint')}</p>
          </div>
          <div className="printing-choice">
            <ChoiceGroup
              label={t('printingSettings.receipt.qr')}
              labelClassName="field-label"
              options={RECEIPT_QR.map((qr) => ({ key: qr, label: t(`printingSettings.receipt.qrOption.${qr}`) }))}
              value={draft.qrCode}
              onChange={(qrCode) => change({ qrCode })}
            />
            <p className="field-hint">{t(`printingSettings.receipt.qrHint.${draft.qrCode}`)}</p>
          </div>
        </div>
        <div className="form-grid">
          <ReceiptLines id={`${uid}-header`} label={t('printingSettings.receipt.header')} hint={t('printingSettings.receipt.headerHint')} value={draft.headerText} onValue={(headerText) => change({ headerText })} maxLength={PRINTING_MAX.headerText} />
          <ReceiptLines id={`${uid}-footer`} label={t('printingSettings.receipt.footer')} hint={t('printingSettings.receipt.footerHint')} value={draft.footerText} onValue={(footerText) => change({ footerText })} maxLength={PRINTING_MAX.footerText} />
        </div>
      </section>

      <PrintingLogo />

      <section className="card settings-card" aria-labelledby={`${uid}-behaviour`}>
        <h3 className="settings-card-title" id={`${uid}-behaviour`}>
          {t('printingSettings.behaviour.title')}
        </h3>
        <div className="printing-checks">
          <CheckCard id={`${uid}-auto`} label={t('printingSettings.behaviour.autoPrint')} hint={t('printingSettings.behaviour.autoPrintHint')} checked={draft.autoPrint} onChange={(autoPrint) => change({ autoPrint })} />
          <CheckCard id={`${uid}-drawer`} label={t('printingSettings.behaviour.drawer')} hint={t('printingSettings.behaviour.drawerHint')} checked={draft.openDrawerOnCash} onChange={(openDrawerOnCash) => change({ openDrawerOnCash })} />
        </div>
      </section>
    </SettingsForm>
  );
}

/** The system printer by name (or the system's default) and silent printing; in a browser there is no list. */
function SystemPrinterFields({ draft, change }: { draft: PrintingDraft; change: (patch: Partial<PrintingDraft>) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const id = `${uid}-printer`;
  const printers = useApiQuery('print.systemPrinters', {});
  const names = printers.data;
  // A printer saved earlier and not installed now stays choosable, marked, rather than silently replaced.
  const missing = names && draft.systemPrinterName !== '' && !names.includes(draft.systemPrinterName) ? draft.systemPrinterName : null;

  return (
    <div className="printing-system">
      {names === null ? (
        printers.error ? (
          <ErrorNotice error={printers.error} onRetry={printers.reload} />
        ) : (
          <p className="field-hint" role="status">
            {t('printingSettings.systemLoading')}
          </p>
        )
      ) : names.length === 0 ? (
        <Notice kind="note" className="printing-note" text={t('printingSettings.systemBrowser')} />
      ) : (
        <Field id={id} label={t('printingSettings.systemPrinter')} hint={t('printingSettings.systemPrinterHint')}>
          <select {...controlProps(id, null, true)} className="select" value={draft.systemPrinterName} onChange={(e) => change({ systemPrinterName: e.target.value })}>
            <option value="">{t('printingSettings.systemDefault')}</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            {missing ? <option value={missing}>{t('printingSettings.systemMissing', { name: missing })}</option> : null}
          </select>
        </Field>
      )}
      <CheckCard id={`${uid}-silent`} label={t('printingSettings.silent')} hint={t('printingSettings.silentHint')} checked={draft.systemSilent} onChange={(systemSilent) => change({ systemSilent })} />
    </div>
  );
}

/** A few free lines printed on the receipt (address, phone; a thank-you). */
function ReceiptLines({ id, label, hint, value, onValue, maxLength }: { id: string; label: string; hint: string; value: string; onValue: (value: string) => void; maxLength: number }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <textarea {...controlProps(id, null, true)} className="input textarea printing-lines" rows={3} maxLength={maxLength} value={value} onChange={(e) => onValue(e.target.value)} />
    </Field>
  );
}
