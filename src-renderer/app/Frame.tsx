import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.tsx';
import { BillsScreen } from '../screens/bills/BillsScreen.tsx';
import { CheckoutScreen } from '../screens/checkout/CheckoutScreen.tsx';
import { MemberForm } from '../screens/members/MemberForm.tsx';
import { MemberList } from '../screens/members/MemberList.tsx';
import { MemberPage } from '../screens/members/MemberPage.tsx';
import { OfficeScreen } from '../screens/office/OfficeScreen.tsx';
import { RegularsScreen } from '../screens/regulars/RegularsScreen.tsx';
import { ReportsScreen } from '../screens/reports/ReportsScreen.tsx';
import { ShiftScreen } from '../screens/shift/ShiftScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';
import { TopupScreen } from '../screens/topup/TopupScreen.tsx';
import { StaffLock } from '../screens/office/staff/StaffLock.tsx';
import { useSession } from '../stores/session.ts';
import { useAppInfo } from './app-info.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navigate, parseRoute, paths, useHash, type Route } from './router.ts';
import { KEYS, useShortcut, type ShortcutKey } from './shortcuts.ts';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'checkout':
      return <CheckoutScreen memberId={route.memberId} />;
    case 'topup':
      return <TopupScreen key={route.memberId ?? ''} memberId={route.memberId} />;
    case 'bills':
      return <BillsScreen date={route.date} billId={route.billId} />;
    case 'settings':
      return <SettingsScreen section={route.section} />;
    case 'members':
      return <MemberList />;
    case 'member-new':
      return <MemberForm key="new" mode="create" prefillPhone={route.phone} prefillName={route.memberName} />;
    case 'member-edit':
      return <MemberForm key={`edit-${route.memberId}`} mode="edit" memberId={route.memberId} />;
    case 'member':
      return <MemberPage key={route.memberId} memberId={route.memberId} billId={route.billId} />;
    case 'regulars':
      return <RegularsScreen tab={route.tab} segment={route.segment} />;
    case 'reports':
      return <ReportsScreen tab={route.tab} query={route.query} />;
    case 'shift':
      return <ShiftScreen />;
    case 'office':
      return <OfficeScreen tab={route.tab} />;
  }
}

type Area = 'checkout' | 'topup' | 'members' | 'bills' | 'shift' | 'regulars' | 'reports' | 'office' | 'settings';

/** The member a screen is about: checkout and top-up from a member's page start with that member. */
const memberOf = (route: Route) => (route.name === 'member' || route.name === 'member-edit' ? route.memberId : null);

const NAV: ReadonlyArray<{ area: Area; icon: IconName; path: (route: Route) => string }> = [
  { area: 'checkout', icon: 'cart', path: (route) => paths.checkout(memberOf(route)) },
  { area: 'topup', icon: 'wallet', path: (route) => paths.topup(memberOf(route)) },
  { area: 'members', icon: 'user', path: () => paths.members() },
  { area: 'bills', icon: 'receipt', path: () => paths.bills() },
  { area: 'shift', icon: 'inbox', path: () => paths.shift() },
  { area: 'regulars', icon: 'heart', path: () => paths.regulars() },
  { area: 'reports', icon: 'receipt', path: () => paths.reports() },
  { area: 'office', icon: 'store', path: () => paths.office() },
  { area: 'settings', icon: 'settings', path: () => paths.settings() },
];

function areaOf(route: Route): Area {
  switch (route.name) {
    case 'checkout':
    case 'topup':
    case 'bills':
    case 'settings':
    case 'regulars':
    case 'reports':
    case 'shift':
    case 'office':
      return route.name;
    default:
      return 'members';
  }
}

/** The till's screens have a function key; the owner's after-hours screens are reached by Tab and Enter. */
const NAV_KEYS: Partial<Record<Area, ShortcutKey>> = {
  checkout: KEYS.checkout,
  topup: KEYS.topup,
  members: KEYS.members,
  bills: KEYS.bills,
  settings: KEYS.settings,
};

function NavLink({ area, icon, path, active }: { area: Area; icon: IconName; path: string; active: boolean }) {
  const { t } = useTranslation();
  const key = NAV_KEYS[area];
  useShortcut(key ?? 'Escape', () => navigate(path), key !== undefined);
  return (
    <a className={`nav-link${active ? ' is-active' : ''}`} href={`#${path}`} aria-current={active ? 'page' : undefined} aria-keyshortcuts={key}>
      <Icon name={icon} size={18} />
      {t(`frame.${area}`)}
      {key && (
        <kbd className="kbd" aria-hidden="true">
          {key}
        </kbd>
      )}
    </a>
  );
}

/** The app frame: shop, navigation, who is at the till (and the lock), language; the current screen below. */
export function Frame() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const route = parseRoute(useHash());
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
          {NAV.map((item) => (
            <NavLink key={item.area} area={item.area} icon={item.icon} path={item.path(route)} active={areaOf(route) === item.area} />
          ))}
        </nav>
        <div className="topbar-tools">
          <StaffLock />
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
