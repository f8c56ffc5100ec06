/**
 * The till locked: pick yourself (↑/↓, Enter) and type your PIN (keyboard or the pad; masked). Shows
 * who has no PIN yet and who is locked out until when. The last person who signed in here is chosen
 * first. In the demo shop each person's PIN is shown as a hint.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { demoPinOf } from '../../../../src-main/demo/demo-staff.ts';
import type { StaffCard } from '../../../../src-main/staff/types.ts';
import { useAppInfo } from '../../../app/app-info.ts';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { useListNavigation } from '../../../components/use-list-navigation.ts';
import { useSession } from '../../../stores/session.ts';
import { NumberPad } from './NumberPad.tsx';
import { isPin, PinField } from './PinField.tsx';

const LAST_KEY = 'regulars.lastStaffId';

function lastSignedIn(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

function rememberSignedIn(staffId: string): void {
  try {
    localStorage.setItem(LAST_KEY, staffId);
  } catch {
    // Only a convenience for the next sign-in.
  }
}

export function SignInScreen() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const query = useApiQuery('staff.list', {});
  const people = query.data ?? [];
  const listId = useId();
  const pinId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<StaffCard | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signIn = useSession((s) => s.signIn);
  // Back to the PIN after a refusal, once the field is enabled again.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !busy) {
      pinRef.current?.focus();
      setRefocus(false);
    }
  }, [refocus, busy]);

  const choose = (person: StaffCard) => {
    setChosen(person);
    setPin('');
    setError(null);
    requestAnimationFrame(() => pinRef.current?.focus());
  };
  const nav = useListNavigation({ count: people.length, optionId: (i) => `${listId}-${i}`, homeEnd: true, onOpen: (i) => choose(people[i]!) });

  // Once the list is there: the last person who signed in here is highlighted, and the list has the keys.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || people.length === 0) return;
    placed.current = true;
    const last = people.findIndex((p) => p.id === lastSignedIn());
    nav.setHighlight(last >= 0 ? last : 0);
    listRef.current?.focus();
  }, [people, nav]);

  const submit = async () => {
    if (!chosen || busy || !isPin(pin)) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(chosen.id, pin);
      rememberSignedIn(chosen.id);
    } catch (e) {
      setError(e);
      setPin('');
      query.reload();
      setRefocus(true);
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setChosen(null);
    setPin('');
    setError(null);
    requestAnimationFrame(() => listRef.current?.focus());
  };

  const onPinKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      back();
    }
  };

  const demoPin = chosen ? demoPinOf(info.settings.shopName, chosen) : null;

  return (
    <div className="boot sign-in">
      <div className="boot-card sign-in-card">
        <header className="sign-in-head">
          <span className="brand-mark">
            <Icon name="store" size={22} />
          </span>
          <div>
            <p className="sign-in-shop">{info.settings.shopName}</p>
            <h1 className="boot-title">{t('staff.signIn.title')}</h1>
            <p className="muted">{t('staff.signIn.subtitle')}</p>
          </div>
          <LanguageSwitch />
        </header>
        <QueryStatus query={query} />
        <div className="sign-in-body">
          <div className="sign-in-people">
            <ul
              ref={listRef}
              id={listId}
              className="sign-in-list"
              role="listbox"
              tabIndex={0}
              aria-label={t('staff.signIn.listLabel')}
              aria-activedescendant={nav.activeId}
              onKeyDown={(e) => void nav.onKeyDown(e)}
            >
              {people.map((person, i) => {
                const locked = person.lockedUntil !== null;
                return (
                  <li
                    key={person.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === nav.index}
                    aria-label={t('frame.staffOption', { name: person.name, role: t(`staff.role.${person.role}`) })}
                    className={`sign-in-person${i === nav.index ? ' is-active' : ''}${chosen?.id === person.id ? ' is-chosen' : ''}`}
                    onClick={() => {
                      nav.setHighlight(i);
                      choose(person);
                    }}
                  >
                    <span className="avatar" aria-hidden="true">
                      {person.name.slice(0, 1)}
                    </span>
                    <span className="sign-in-name">
                      <span className="strong">{person.name}</span>
                      <span className="sub">{t(`staff.role.${person.role}`)}</span>
                    </span>
                    {!person.hasPin ? <span className="badge badge-quiet">{t('staff.signIn.noPin')}</span> : null}
                    {locked ? <LockedBadge until={person.lockedUntil!} /> : null}
                  </li>
                );
              })}
            </ul>
            {query.data && people.length === 0 ? <p className="muted">{t('staff.signIn.empty')}</p> : null}
            <p className="sign-in-keys">{t('staff.signIn.keys')}</p>
          </div>
          <form
            className="sign-in-pin"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            {chosen ? (
              <>
                <h2 className="section-title">{t('staff.signIn.pinFor', { name: chosen.name })}</h2>
                <PinField
                  ref={pinRef}
                  id={pinId}
                  label={t('staff.signIn.pinLabel')}
                  value={pin}
                  onValue={setPin}
                  hint={demoPin ? t('staff.signIn.demoHint', { pin: demoPin }) : t('staff.signIn.pinHint')}
                  disabled={busy}
                  onKeyDown={onPinKey}
                />
                <NumberPad value={pin} onValue={setPin} disabled={busy} />
                {error ? <ErrorNotice error={error} /> : null}
                <div className="sign-in-actions">
                  <button type="button" className="btn" onClick={back}>
                    {t('staff.signIn.back')}
                    <kbd className="kbd" aria-hidden="true">
                      Esc
                    </kbd>
                  </button>
                  <button type="submit" className="btn btn-primary btn-large" disabled={busy || !isPin(pin)}>
                    {t('staff.signIn.submit')}
                    <kbd className="kbd" aria-hidden="true">
                      Enter
                    </kbd>
                  </button>
                </div>
              </>
            ) : (
              <p className="sign-in-placeholder muted">
                <Icon name="user" size={36} />
                {t('staff.signIn.subtitle')}
              </p>
            )}
          </form>
        </div>
      </div>
    </div>
  );
}

function LockedBadge({ until }: { until: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return <span className="badge badge-danger">{t('staff.signIn.lockedUntil', { time: f.dateTime(until) })}</span>;
}
