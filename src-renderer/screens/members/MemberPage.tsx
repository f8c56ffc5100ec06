/**
 * One member: who they are, balances (principal and bonus apart) and points, visit totals, the
 * retention outlook, contact consent, and the whole history in tabs (contacts included). A bill opens
 * in a dialog over the page (`#/members/<id>/bills/<billId>`), as does logging a call.
 * Esc goes back to the list (or closes the dialog first).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberHistory } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { navigate, paths } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { BillDialog } from '../../components/bill/BillDialog.tsx';
import { ConsentCard } from './ConsentCard.tsx';
import { ContactsPanel } from './ContactsTable.tsx';
import { BillsTable, PointsTable, TopupsTable, WalletTable } from './HistoryTables.tsx';
import { LogCallDialog } from './LogCallDialog.tsx';
import { OutlookCard } from './OutlookCard.tsx';
import { TierBadge } from './TierBadge.tsx';
import { useCareText } from './use-care-text.ts';
import { useMemberOutlook } from './use-member-outlook.ts';

const HISTORY_LIMIT = 1000;

type TabKey = 'bills' | 'topups' | 'wallet' | 'points' | 'contacts';

/** A labelled figure: role=group named by its label, so it can be found as "储值本金" / "Principal balance". */
function Figure({ label, children, main = false }: { label: string; children: ReactNode; main?: boolean }) {
  const id = useId();
  return (
    <div className={`figure${main ? ' figure-main' : ''}`} role="group" aria-labelledby={id}>
      <span className="figure-label" id={id}>
        {label}
      </span>
      <span className="figure-value">{children}</span>
    </div>
  );
}

function Prop({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="prop">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function MemberPage({ memberId, billId }: { memberId: string; billId: string | null }) {
  const { t } = useTranslation();
  const ct = useCareText();
  const f = useFormat();
  const outlook = useMemberOutlook(memberId);
  const [loggingCall, setLoggingCall] = useState(false);
  const [member, setMember] = useState<Member | null>(null);
  const [history, setHistory] = useState<MemberHistory | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<TabKey>('bills');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const billNos = useMemo(() => new Map((history?.bills ?? []).map((b) => [b.id, b.billNo])), [history]);
  const returnFocus = useRef<HTMLElement | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [m, h] = await Promise.all([
        api.call('members.get', { memberId }),
        api.call('members.history', { memberId, limit: HISTORY_LIMIT }),
      ]);
      setMember(m);
      setHistory(h);
    } catch (e) {
      setError(e);
    }
  }, [memberId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (member && !billId) headingRef.current?.focus();
    // Only when the member first shows, not on every bill close.
  }, [member?.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]')) return; // the dialog closes itself first
      event.preventDefault();
      navigate(paths.members());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const openBill = useCallback(
    (id: string) => {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      navigate(paths.bill(memberId, id));
    },
    [memberId],
  );

  const closeBill = useCallback(() => {
    navigate(paths.member(memberId), { replace: true });
    const target = returnFocus.current;
    returnFocus.current = null;
    requestAnimationFrame(() => {
      if (target && target.isConnected) target.focus();
      else headingRef.current?.focus();
    });
  }, [memberId]);

  const back = (
    <button type="button" className="btn btn-ghost back-link" onClick={() => navigate(paths.members())} aria-label={t('member.backToList')}>
      <Icon name="back" />
      {t('member.back')}
    </button>
  );

  if (error && !member) {
    return (
      <div className="screen member-page">
        <div className="page-head">{back}</div>
        <ErrorNotice error={error} onRetry={() => void load()} />
      </div>
    );
  }
  if (!member || !history) {
    return (
      <div className="screen member-page">
        <div className="page-head">{back}</div>
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      </div>
    );
  }

  const balance = member.balancePrincipalMinor + member.balanceBonusMinor;
  const discount = member.tierDiscountBp > 0 ? t('member.discountRate', { rate: f.discountRate(member.tierDiscountBp) }) : t('member.discountNone');
  const tabCount = (n: number) => (n >= HISTORY_LIMIT ? `${f.number(n)}+` : f.number(n));

  return (
    <div className="screen member-page">
      <div className="member-head">
        {back}
        <div className="member-title">
          <span className="avatar avatar-large" aria-hidden="true">
            {Array.from(member.name)[0] ?? ''}
          </span>
          <div>
            <div className="member-title-line">
              <h1 className="page-title" tabIndex={-1} ref={headingRef}>
                {member.name}
              </h1>
              <TierBadge tierId={member.tierId} name={member.tierName} />
              {member.archivedAt ? <span className="badge badge-danger">{t('member.archived')}</span> : null}
              {member.doNotContact ? <span className="badge badge-dnc">{ct('dncBadge')}</span> : null}
              {outlook.outlook?.lapsed ? <span className="badge badge-warn">{ct('outlook.lapsed')}</span> : null}
            </div>
            <dl className="member-ids">
              <div>
                <dt>{t('member.code')}</dt>
                <dd className="num">{member.code}</dd>
              </div>
              <div>
                <dt>{t('member.phone')}</dt>
                <dd className="num">{formatPhone(member.phone)}</dd>
              </div>
            </dl>
          </div>
        </div>
        <div className="member-actions">
          <span className="esc-hint" aria-hidden="true">
            {t('member.escHint')}
          </span>
          <button type="button" className="btn" onClick={() => setLoggingCall(true)}>
            <Icon name="plus" />
            {ct('logCall.action')}
          </button>
          <button type="button" className="btn" onClick={() => navigate(paths.editMember(member.id))}>
            <Icon name="edit" />
            {t('member.edit')}
          </button>
        </div>
      </div>

      <div className="member-layout">
        <div className="member-main">
          <section className="card balances" aria-labelledby="balances-title">
            <h2 className="card-title" id="balances-title">
              {t('member.balances')}
            </h2>
            <div className="figures">
              <Figure label={t('member.storedValue')} main>
                <MoneyText minor={balance} />
              </Figure>
              <Figure label={t('member.principal')}>
                <MoneyText minor={member.balancePrincipalMinor} />
              </Figure>
              <Figure label={t('member.bonus')}>
                <MoneyText minor={member.balanceBonusMinor} />
              </Figure>
              <Figure label={t('member.points')}>
                <NumberText value={member.points} />
              </Figure>
            </div>
          </section>

          <section className="card history" aria-label={t('history.label')}>
            <Tabs<TabKey>
              label={t('history.label')}
              selected={tab}
              onSelect={setTab}
              tabs={[
                { key: 'bills', label: t('history.bills'), badge: tabCount(history.bills.length) },
                { key: 'topups', label: t('history.topups'), badge: tabCount(history.topups.length) },
                { key: 'wallet', label: t('history.wallet'), badge: tabCount(history.wallet.length) },
                { key: 'points', label: t('history.points'), badge: tabCount(history.points.length) },
                { key: 'contacts', label: ct('contacts.tab'), badge: outlook.outlook ? f.number(outlook.outlook.contacts.length) : undefined },
              ]}
            >
              {tab === 'bills' ? <BillsTable bills={history.bills} limit={HISTORY_LIMIT} onOpen={openBill} /> : null}
              {tab === 'topups' ? <TopupsTable topups={history.topups} limit={HISTORY_LIMIT} /> : null}
              {tab === 'wallet' ? <WalletTable entries={history.wallet} bills={history.bills} limit={HISTORY_LIMIT} onOpenBill={openBill} /> : null}
              {tab === 'points' ? <PointsTable entries={history.points} bills={history.bills} limit={HISTORY_LIMIT} onOpenBill={openBill} /> : null}
              {tab === 'contacts' ? <ContactsPanel state={outlook} /> : null}
            </Tabs>
          </section>
        </div>

        <aside className="member-side">
          <section className="card activity" aria-labelledby="activity-title">
            <h2 className="card-title" id="activity-title">
              {t('member.activity')}
            </h2>
            <div className="stats">
              <Figure label={t('member.totalSpent')}>
                <MoneyText minor={member.totalSpentMinor} />
              </Figure>
              <Figure label={t('member.visitCount')}>
                <span className="num">{t('member.visits', { n: f.number(member.visitCount) })}</span>
              </Figure>
              <Figure label={t('member.firstVisit')}>
                {member.firstVisitAt ? <time dateTime={member.firstVisitAt}>{f.date(member.firstVisitAt)}</time> : <span className="muted">{t('member.never')}</span>}
              </Figure>
              <Figure label={t('member.lastVisit')}>
                {member.lastVisitAt ? (
                  <>
                    <time dateTime={member.lastVisitAt}>{f.date(member.lastVisitAt)}</time>
                    <span className="sub">{f.relative(member.lastVisitAt)}</span>
                  </>
                ) : (
                  <span className="muted">{t('member.never')}</span>
                )}
              </Figure>
            </div>
          </section>

          <OutlookCard outlook={outlook.outlook} error={outlook.error} onRetry={() => void outlook.reload()} />
          <ConsentCard member={member} onChanged={setMember} />

          <section className="card profile" aria-labelledby="profile-title">
            <h2 className="card-title" id="profile-title">
              {t('member.profile')}
            </h2>
            <dl className="props">
              <Prop label={t('member.tier')}>
                <span>{member.tierName}</span>
                <span className="sub wrap">{t('member.tierBenefits', { discount, unit: f.money(100), points: f.number(member.tierPointsPerUnit) })}</span>
              </Prop>
              <Prop label={t('member.birthday')}>
                {member.birthMonth && member.birthDay ? f.birthday(member.birthMonth, member.birthDay, member.birthYear) : <span className="muted">{t('member.notSet')}</span>}
              </Prop>
              <Prop label={t('member.gender')}>{member.gender ? t(`gender.${member.gender}`) : <span className="muted">{t('member.notSet')}</span>}</Prop>
              <Prop label={t('member.tags')}>
                {member.tags.length > 0 ? (
                  <ul className="tag-list" aria-label={t('member.tags')}>
                    {member.tags.map((tag) => (
                      <li key={tag} className="tag">
                        {tag}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t('member.none')}</span>
                )}
              </Prop>
              <Prop label={t('member.memberSince')}>
                <time dateTime={member.createdAt}>{f.date(member.createdAt)}</time>
              </Prop>
              {member.note ? (
                <Prop label={t('member.note')}>
                  <span className="note-text">{member.note}</span>
                </Prop>
              ) : null}
            </dl>
          </section>
        </aside>
      </div>

      {loggingCall ? (
        <LogCallDialog
          member={member}
          onClose={() => setLoggingCall(false)}
          onLogged={() => {
            setLoggingCall(false);
            setTab('contacts');
            void outlook.reload();
          }}
        />
      ) : null}
      {billId ? <BillDialog billId={billId} memberId={memberId} billNos={billNos} onClose={closeBill} onOpenBill={(id) => navigate(paths.bill(memberId, id), { replace: true })} /> : null}
    </div>
  );
}
