/**
 * Closing the shift: count the drawer note by note (the shop currency's notes and coins), see the total
 * against the cash expected and whether it is over or short, add a note, confirm with F9. The ledger
 * adds the count up again with the same function (shifts/denominations.ts) and freezes the report.
 * Keys: Tab or Enter to the next count, Enter in the note or F9 to confirm, Esc back.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countTotal, DENOMINATIONS, MAX_DENOMINATION_COUNT, type DenominationCount } from '../../../src-main/shifts/denominations.ts';
import type { ShiftReport, ShiftResult } from '../../../src-main/shifts/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useSession } from '../../stores/session.ts';
import { parseWholeNumber } from '../settings/number-text.ts';
import { OverShort, overShortTone } from './OverShort.tsx';

interface CloseDraft {
  staffId: string;
  shiftId: string;
  denominations: DenominationCount[];
  note: string;
}

const sendClose = (draft: CloseDraft, idempotencyKey: string) => api.call('shifts.close', { ...draft, idempotencyKey });

export function CountDrawer({ shift, onClosed, onBack }: { shift: ShiftReport; onClosed: (result: ShiftResult) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const noteId = useId();
  const { settings } = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const values = DENOMINATIONS[settings.currency];
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [note, setNote] = useState('');
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const noteRef = useRef<HTMLInputElement>(null);
  const close = useIdempotentCommit(sendClose);

  const parsed = values.map((valueMinor) => {
    const text = texts[valueMinor] ?? '';
    const count = parseWholeNumber(text, 0, MAX_DENOMINATION_COUNT);
    return { valueMinor, text, count: count.ok ? count.value : 0, invalid: !count.ok && count.reason === 'invalid' };
  });
  const counts = parsed.filter((p) => p.text.trim() !== '' && !p.invalid).map(({ valueMinor, count }) => ({ valueMinor, count }));
  const total = countTotal(settings.currency, counts);
  const countedMinor = total.ok ? total.totalMinor : null;
  const anyInvalid = parsed.some((p) => p.invalid);
  const expectedMinor = shift.totals.cash.expectedMinor;

  const confirm = () => {
    if (anyInvalid || countedMinor === null || !staffId || close.busy) return;
    void close.commit({ staffId, shiftId: shift.id, denominations: counts, note: note.trim() }).then((result) => {
      if (result) onClosed(result);
    });
  };

  useShortcut(KEYS.pay, confirm);
  useShortcut('Escape', () => {
    if (!close.busy) onBack();
  });

  const onCountKey = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const next = inputs.current[index + 1];
    if (next) next.focus();
    else noteRef.current?.focus();
  };

  return (
    <section className="card shift-count" aria-labelledby={titleId}>
      <h2 className="shift-count-title" id={titleId}>
        {t('shift.count.title')}
      </h2>
      <p className="muted">{t('shift.count.intro')}</p>
      <div className="shift-count-body">
        <table className="table table-compact shift-count-grid">
          <thead>
            <tr>
              <th scope="col">{t('shift.count.denomination')}</th>
              <th scope="col">{t('shift.count.pieces')}</th>
              <th scope="col" className="align-end">
                {t('shift.count.subtotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parsed.map((row, index) => {
              const label = f.money(row.valueMinor);
              const errorId = `${titleId}-count-${row.valueMinor}`;
              return (
                <tr key={row.valueMinor}>
                  <th scope="row" className="num shift-count-value">
                    {label}
                  </th>
                  <td>
                    <input
                      ref={(el) => {
                        inputs.current[index] = el;
                      }}
                      className="input num shift-count-input"
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={7}
                      aria-label={t('shift.count.countLabel', { value: label })}
                      aria-invalid={row.invalid ? true : undefined}
                      aria-describedby={row.invalid ? errorId : undefined}
                      value={row.text}
                      placeholder="0"
                      autoFocus={index === 0}
                      onChange={(e) => {
                        setTexts((prev) => ({ ...prev, [row.valueMinor]: e.target.value }));
                        close.clearError();
                      }}
                      onKeyDown={onCountKey(index)}
                      aria-keyshortcuts="Enter"
                    />
                    {row.invalid ? (
                      <span className="field-error" id={errorId}>
                        {t('shift.count.invalid')}
                      </span>
                    ) : null}
                  </td>
                  <td className="align-end">
                    <MoneyText minor={row.valueMinor * row.count} className={row.count === 0 ? 'muted' : undefined} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <div className="shift-count-side">
          <dl className={`shift-count-result ${countedMinor === null ? '' : overShortTone(countedMinor - expectedMinor)}`}>
            <div>
              <dt>{t('shift.count.expected')}</dt>
              <dd>
                <MoneyText minor={expectedMinor} />
              </dd>
            </div>
            <div className="shift-count-total">
              <dt>{t('shift.count.total')}</dt>
              <dd>{countedMinor === null ? '—' : <MoneyText minor={countedMinor} />}</dd>
            </div>
            <div className="shift-count-over-short" aria-live="polite">
              <dt>{t('shift.overShort.label')}</dt>
              <dd>{countedMinor === null ? '—' : <OverShort minor={countedMinor - expectedMinor} />}</dd>
            </div>
          </dl>
          <div className="field">
            <label className="field-label" htmlFor={noteId}>
              {t('shift.count.note')}
            </label>
            <input
              ref={noteRef}
              id={noteId}
              className="input"
              type="text"
              maxLength={200}
              autoComplete="off"
              value={note}
              placeholder={t('shift.count.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  confirm();
                }
              }}
            />
          </div>
          {close.error ? <ErrorNotice error={close.error} /> : null}
          <div className="shift-count-actions">
            <button type="button" className="btn" onClick={onBack} disabled={close.busy}>
              {t('shift.count.back')}
              <span className="kbd" aria-hidden="true">
                Esc
              </span>
            </button>
            <button type="button" className="btn btn-primary btn-large" onClick={confirm} disabled={close.busy || anyInvalid || countedMinor === null} aria-keyshortcuts={KEYS.pay}>
              {close.busy ? t('shift.count.confirming') : t('shift.count.confirm')}
              <span className="kbd" aria-hidden="true">
                {KEYS.pay}
              </span>
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
