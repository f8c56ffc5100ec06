/**
 * Back office → Staff (`#/office/staff`, the owner's): the refund limit, everyone who works here with
 * their role and whether their PIN is set (or locked until when), add a person (F2), edit (rename,
 * role, archive), set someone's PIN, change your own.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDetail } from '../../../../src-main/staff/types.ts';
import { useReloadAppInfo } from '../../../app/app-info.ts';
import { KEYS, useShortcut } from '../../../app/shortcuts.ts';
import { Notice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { useSession } from '../../../stores/session.ts';
import { PinDialog } from './PinDialog.tsx';
import { RefundLimit } from './RefundLimit.tsx';
import { StaffEditor } from './StaffEditor.tsx';

type Open = { kind: 'edit'; person: StaffDetail | null } | { kind: 'pin'; person: StaffDetail; own: boolean } | null;

export function StaffTab() {
  const { t } = useTranslation();
  const me = useSession((s) => s.staff);
  if (me?.role !== 'owner') {
    return <Notice kind="note" title={t('staff.tab.ownerOnly')} text={t('staff.tab.ownerOnlyHint')} />;
  }
  return <StaffManager myId={me.id} />;
}

function StaffManager({ myId }: { myId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reloadAppInfo = useReloadAppInfo();
  const query = useApiQuery('staff.details', {});
  const [open, setOpen] = useState<Open>(null);
  const [note, setNote] = useState<string | null>(null);
  useShortcut(KEYS.newMember, () => setOpen({ kind: 'edit', person: null }), open === null);
  const me = query.data?.find((p) => p.id === myId) ?? null;

  const saved = (text: string) => {
    setOpen(null);
    setNote(text);
    query.reload();
    // The frame, pickers and the sign-in list read staff from the shop info.
    void reloadAppInfo().catch(() => undefined);
  };

  return (
    <div className="staff-tab">
      <RefundLimit />
      <section className="card staff-card" aria-labelledby="staff-people-title">
        <header className="staff-card-head">
          <div>
            <h2 className="section-title" id="staff-people-title">
              {t('staff.tab.listTitle')}
            </h2>
            <p className="muted">{t('staff.tab.listIntro')}</p>
          </div>
          <div className="staff-card-actions">
            {me ? (
              <button type="button" className="btn" onClick={() => setOpen({ kind: 'pin', person: me, own: true })}>
                {t('staff.tab.changeMyPin')}
              </button>
            ) : null}
            <button type="button" className="btn btn-primary" onClick={() => setOpen({ kind: 'edit', person: null })} aria-keyshortcuts={KEYS.newMember}>
              <Icon name="plus" />
              {t('staff.tab.add')}
              <kbd className="kbd" aria-hidden="true">
                {KEYS.newMember}
              </kbd>
            </button>
          </div>
        </header>
        {note ? (
          <p className="is-gain staff-note" role="status">
            {note}
          </p>
        ) : null}
        <QueryStatus query={query} />
        {query.data ? (
          <div className="table-wrap">
            <table className="table staff-table">
              <thead>
                <tr>
                  <th scope="col">{t('staff.tab.col.name')}</th>
                  <th scope="col">{t('staff.tab.col.role')}</th>
                  <th scope="col">{t('staff.tab.col.pin')}</th>
                  <th scope="col" className="align-end">
                    {t('staff.tab.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.map((p) => (
                  <tr key={p.id} className={p.archivedAt ? 'is-archived' : undefined}>
                    <td>
                      <span className="strong">{p.name}</span>
                      {p.id === myId ? <span className="muted">{t('staff.tab.you')}</span> : null}
                      {p.archivedAt ? <span className="badge badge-quiet staff-badge">{t('staff.tab.archived')}</span> : null}
                    </td>
                    <td>{t(`staff.role.${p.role}`)}</td>
                    <td>
                      {p.lockedUntil ? (
                        <span className="badge badge-danger">{t('staff.signIn.lockedUntil', { time: f.dateTime(p.lockedUntil) })}</span>
                      ) : p.hasPin ? (
                        <span className="badge badge-good">{t('staff.tab.pinSet')}</span>
                      ) : (
                        <span className="badge badge-warn">{t('staff.tab.pinNotSet')}</span>
                      )}
                    </td>
                    <td className="align-end staff-row-actions">
                      <button type="button" className="btn btn-small" onClick={() => setOpen({ kind: 'edit', person: p })} aria-label={`${t('staff.tab.edit')} ${p.name}`}>
                        <Icon name="edit" size={16} />
                        {t('staff.tab.edit')}
                      </button>
                      {p.archivedAt === null && p.id !== myId ? (
                        <button type="button" className="btn btn-small" onClick={() => setOpen({ kind: 'pin', person: p, own: false })} aria-label={`${t('staff.tab.resetPin')} ${p.name}`}>
                          {t('staff.tab.resetPin')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {open?.kind === 'edit' ? <StaffEditor person={open.person} onClose={() => setOpen(null)} onSaved={(s) => saved(t('staff.tab.saved', { name: s.name }))} /> : null}
      {open?.kind === 'pin' ? <PinDialog person={open.person} own={open.own} onClose={() => setOpen(null)} onSaved={(s) => saved(t('staff.tab.pinSaved', { name: s.name }))} /> : null}
    </div>
  );
}
