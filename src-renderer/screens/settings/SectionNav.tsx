/**
 * The settings sections as a vertical tab list: ↑/↓ (and Home/End) move to a section and open it at
 * once; the route (`#/settings/<section>`) is the selected tab, so a link or reload lands there too.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths, SETTINGS_SECTIONS, type SettingsSection } from '../../app/router.ts';
import { Icon, type IconName } from '../../components/Icon.tsx';

const ICONS: Record<SettingsSection, IconName> = {
  shop: 'store',
  products: 'cart',
  tiers: 'user',
  bonus: 'wallet',
  points: 'receipt',
  retention: 'heart',
  messaging: 'inbox',
  provider: 'settings',
  ebills: 'receipt',
  printing: 'print',
};

export const sectionTabId = (base: string, section: SettingsSection) => `${base}-tab-${section}`;

export function SectionNav({ base, current, panelId }: { base: string; current: SettingsSection; panelId: string }) {
  const { t } = useTranslation();

  const go = (section: SettingsSection) => {
    navigate(paths.settings(section), { replace: true });
    document.getElementById(sectionTabId(base, section))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = SETTINGS_SECTIONS.indexOf(current);
    const last = SETTINGS_SECTIONS.length - 1;
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(index + 1, last);
    else if (event.key === 'ArrowUp') next = Math.max(index - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next < 0) return;
    event.preventDefault();
    go(SETTINGS_SECTIONS[next]!);
  };

  return (
    <nav className="settings-nav" aria-labelledby={`${base}-title`}>
      <h1 className="page-title settings-nav-title" id={`${base}-title`}>
        {t('settings.title')}
      </h1>
      <div className="settings-tabs" role="tablist" aria-orientation="vertical" aria-label={t('settings.nav.label')} onKeyDown={onKeyDown}>
        {SETTINGS_SECTIONS.map((section) => {
          const active = section === current;
          return (
            <button
              key={section}
              type="button"
              role="tab"
              id={sectionTabId(base, section)}
              aria-selected={active}
              aria-controls={active ? panelId : undefined}
              tabIndex={active ? 0 : -1}
              className={`settings-tab${active ? ' is-active' : ''}`}
              onClick={() => go(section)}
            >
              <Icon name={ICONS[section]} size={20} />
              <span className="settings-tab-text">
                <span className="settings-tab-label">{t(`settings.nav.${section}`)}</span>
                <span className="settings-tab-hint" aria-hidden="true">
                  {t(`settings.nav.${section}Hint`)}
                </span>
              </span>
            </button>
          );
        })}
      </div>
      <p className="settings-nav-keys">{t('settings.nav.keys')}</p>
    </nav>
  );
}
