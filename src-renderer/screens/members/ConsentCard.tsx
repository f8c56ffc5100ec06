/**
 * What the member agreed to be contacted about: e-bill SMS, marketing SMS, and "do not contact". Each
 * is a switch that records the change at once (`consent.set`, on the member's word, by the staff on
 * duty) and shows the state the ledger now holds. A switch stays focusable while its change is saved
 * (aria-disabled, not disabled), so the keyboard never loses its place.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../src-main/ledger/types.ts';
import type { CONSENT_KINDS } from '../../../src-main/ledger/vocabulary.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useSession } from '../../stores/session.ts';

type ConsentKind = (typeof CONSENT_KINDS)[number];
const KINDS: readonly ConsentKind[] = ['sms_bill', 'sms_marketing', 'do_not_contact'];

function stateOf(member: Member, kind: ConsentKind): boolean {
  switch (kind) {
    case 'sms_bill':
      return member.smsBillConsent;
    case 'sms_marketing':
      return member.smsMarketingConsent;
    case 'do_not_contact':
      return member.doNotContact;
  }
}

export function ConsentCard({ member, onChanged }: { member: Member; onChanged: (member: Member) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const staffId = useSession((s) => s.staffId);
  const [saving, setSaving] = useState<ConsentKind | null>(null);
  const [error, setError] = useState<unknown>(null);

  const toggle = async (kind: ConsentKind) => {
    if (saving || !staffId) return;
    setSaving(kind);
    setError(null);
    try {
      onChanged(await api.call('consent.set', { staffId, memberId: member.id, kind, granted: !stateOf(member, kind) }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  };

  const stateText = (kind: ConsentKind, on: boolean) => {
    if (saving === kind) return t('memberCare.consent.saving');
    if (kind === 'do_not_contact') return on ? t('memberCare.consent.dncYes') : t('memberCare.consent.dncNo');
    return on ? t('memberCare.consent.yes') : t('memberCare.consent.no');
  };

  return (
    <section className="card care-card consent-card" aria-labelledby={`${uid}-title`}>
      <h2 className="card-title" id={`${uid}-title`}>
        {t('memberCare.consent.title')}
      </h2>
      <p className="care-intro">{t('memberCare.consent.intro')}</p>
      <ul className="consent-switches">
        {KINDS.map((kind) => {
          const on = stateOf(member, kind);
          const id = `${uid}-${kind}`;
          return (
            <li key={kind} className={`consent-switch${on ? ' is-on' : ''}${kind === 'do_not_contact' ? ' is-dnc' : ''}`}>
              <label className="switch-row" htmlFor={id}>
                <span className="switch-text">
                  <span className="switch-label" id={`${id}-label`}>
                    {t(`memberCare.consent.${kind}`)}
                  </span>
                  <span className="switch-hint" id={`${id}-hint`}>
                    {t(`memberCare.consent.${kind}Hint`)}
                  </span>
                </span>
                <span className="switch-state" aria-hidden="true">
                  {stateText(kind, on)}
                </span>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  className="switch"
                  checked={on}
                  onChange={() => void toggle(kind)}
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-hint`}
                  aria-disabled={saving !== null || !staffId ? true : undefined}
                  aria-busy={saving === kind ? true : undefined}
                />
              </label>
            </li>
          );
        })}
      </ul>
      {error ? <ErrorNotice error={error} title={t('memberCare.consent.failed')} /> : null}
    </section>
  );
}
