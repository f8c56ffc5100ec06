import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.tsx';
import { MemberForm } from '../screens/members/MemberForm.tsx';
import { MemberList } from '../screens/members/MemberList.tsx';
import { MemberPage } from '../screens/members/MemberPage.tsx';
import { useSession } from '../stores/session.ts';
import { useAppInfo } from './app-info.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { parseRoute, paths, useHash, type Route } from './router.ts';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'members':
      return <MemberList />;
    case 'member-new':
      return <MemberForm key="new" mode="create" prefillPhone={route.phone} prefillName={route.memberName} />;
    case 'member-edit':
      return <MemberForm key={`edit-${route.memberId}`} mode="edit" memberId={route.memberId} />;
    case 'member':
      return <MemberPage key={route.memberId} memberId={route.memberId} billId={route.billId} />;
  }
}

/** The app frame: shop, navigation, who is at the till, language; the current screen below. */
export function Frame() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const route = parseRoute(useHash());
  const staffId = useSession((s) => s.staffId);
  const setStaff = useSession((s) => s.setStaff);
  const localeSaveError = useSession((s) => s.localeSaveError);
  const dismissLocaleError = useSession((s) => s.dismissLocaleError);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">
            <Icon name="store" size={22} />
          </span>
          <span className="brand-text">
            <span className="brand-shop">{info.settings.shopName}</span>
            <span className="brand-app">{t('app.name')}</span>
          </span>
        </div>
        <nav className="nav" aria-label={t('frame.navLabel')}>
          <a className="nav-link is-active" href={`#${paths.members()}`} aria-current="page">
            <Icon name="user" size={18} />
            {t('frame.members')}
          </a>
        </nav>
        <div className="topbar-tools">
          <label className="staff-picker">
            <span className="staff-picker-label">{t('frame.staffLabel')}</span>
            <select className="select" value={staffId ?? ''} onChange={(e) => setStaff(e.target.value)}>
              {info.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('frame.staffOption', { name: s.name, role: t(`frame.role.${s.role}`) })}
                </option>
              ))}
            </select>
          </label>
          <LanguageSwitch />
        </div>
      </header>
      {localeSaveError ? (
        <div className="banner" role="alert">
          <span>{t('frame.languageNotSaved', { message: localeSaveError })}</span>
          <button type="button" className="btn btn-small btn-ghost" onClick={dismissLocaleError}>
            {t('frame.dismiss')}
          </button>
        </div>
      ) : null}
      <main className="main" id="main">
        <Screen route={route} />
      </main>
    </div>
  );
}
