/**
 * One member: who they are, balances (principal and bonus apart) and points, visit totals, the
 * retention outlook, contact consent, and the latest history in tabs (contacts included; more on request). A bill opens
 * in a dialog over the page (`#/members/<id>/bills/<billId>`), as do logging a call and the statement.
 * Esc goes back to the list (or closes the dialog first).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberHistory } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { navigate, paths } from '../../app/router.ts';
import { BillDialog } from '../../components/bill/BillDialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { LogCallDialog } from '../../components/LogCallDialog.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { DoNotContactBadge } from '../../components/RetentionBadges.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { ConsentCard } from './ConsentCard.tsx';
import { ContactsPanel } from './ContactsTable.tsx';
import { Figure } from './Figure.tsx';
import { BillsTable, PointsTable, ShowMoreHistory, TopupsTable, WalletTable } from './HistoryTables.tsx';
import { OutlookCard } from './OutlookCard.tsx';
import { StatementDialog } from './StatementDialog.tsx';
import { TierBadge } from './TierBadge.tsx';

/** The first page of each history list, and the most the page shows (the statement has everything). */
const HISTORY_FIRST_PAGE = 100;
const HISTORY_MOST = 1000;

type TabKey = 'bills' | 'topups' | 'wallet' | 'points' | 'contacts';

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
  const f = useFormat();
  const outlook = useApiQuery('retention.outlook', { memberId });
  const [loggingCall, setLoggingCall] = useState(false);
  const [showingStatement, setShowingStatement] = useState(false);
  const [member, setMember] = useState<Member | null>(null);
  const [history, setHistory] = useState<MemberHistory | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<TabKey>('bills');
  const [historyLimit, setHistoryLimit] = useState(HISTORY_FIRST_PAGE);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const billNos = useMemo(() => new Map((history?.bills ?? []).map((b) => [b.id, b.billNo])), [history]);
  const returnFocus = useRef<HTMLElement | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [m, h] = await Promise.all([
        api.call('members.get', { memberId }),
        api.call('members.history', { memberId, limit: historyLimit }),
      ]);
      setMember(m);
      setHistory(h);
    } catch (e) {
      setError(e);
    }
  }, [memberId, historyLimit]);

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
  const tabCount = (n: number) => (n >= historyLimit ? `${f.number(n)}+` : f.number(n));

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
              {member.doNotContact ? <DoNotContactBadge /> : null}
              {outlook.data?.lapsed ? <span className="badge badge-warn">{t('memberCare.outlook.lapsed')}</span> : null}
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
          <button type="button" className="btn" onClick={() => setShowingStatement(true)}>
            <Icon name="receipt" />
            {t('receipt.statement.open')}
          </button>
          <button type="button" className="btn" onClick={() => setLoggingCall(true)}>
            <Icon name="plus" />
            {t('retention.call.title')}
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
            <ShowMoreHistory.Provider value={historyLimit < HISTORY_MOST ? () => setHistoryLimit(HISTORY_MOST) : null}>
            <Tabs<TabKey>
              label={t('history.label')}
              selected={tab}
              onSelect={setTab}
              tabs={[
                { key: 'bills', label: t('history.bills'), badge: tabCount(history.bills.length) },
                { key: 'topups', label: t('history.topups'), badge: tabCount(history.topups.length) },
                { key: 'wallet', label: t('history.wallet'), badge: tabCount(history.wallet.length) },
                { key: 'points', label: t('history.points'), badge: tabCount(history.points.length) },
                { key: 'contacts', label: t('memberCare.contacts.tab'), badge: outlook.data ? f.number(outlook.data.contacts.length) : undefined },
              ]}
            >
              {tab === 'bills' ? <BillsTable bills={history.bills} limit={historyLimit} onOpen={openBill} /> : null}
              {tab === 'topups' ? <TopupsTable topups={history.topups} limit={historyLimit} /> : null}
              {tab === 'wallet' ? <WalletTable entries={history.wallet} bills={history.bills} limit={historyLimit} onOpenBill={openBill} /> : null}
              {tab === 'points' ? <PointsTable entries={history.points} bills={history.bills} limit={historyLimit} onOpenBill={openBill} /> : null}
              {tab === 'contacts' ? <ContactsPanel outlook={outlook} /> : null}
            </Tabs>
            </ShowMoreHistory.Provider>
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

          <OutlookCard query={outlook} />
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
          member={{ memberId: member.id, name: member.name, phone: member.phone, doNotContact: member.doNotContact }}
          onClose={(logged) => {
            setLoggingCall(false);
            if (!logged) return;
            setTab('contacts');
            outlook.reload();
          }}
        />
      ) : null}
      {showingStatement ? <StatementDialog member={member} onClose={() => setShowingStatement(false)} /> : null}
      {billId ? <BillDialog billId={billId} memberId={memberId} billNos={billNos} onClose={closeBill} onOpenBill={(id) => navigate(paths.bill(memberId, id), { replace: true })} /> : null}
    </div>
  );
}
