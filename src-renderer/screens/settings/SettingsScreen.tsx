/**
 * Owner settings: a section list on the left (a vertical tab list, ↑/↓ to move, the route follows),
 * the section on the right. Focus starts on the section list; Tab goes into the section, Esc comes
 * back to the list from anywhere in it (after the section has used Esc itself, e.g. to clear a search).
 * Everyone may look; a cashier sees every form read-only.
 */
import { useEffect, useId, useRef } from 'react';
import type { SettingsSection } from '../../app/router.ts';
import { BonusSection } from './BonusSection.tsx';
import { useCanEditSettings } from './can-edit.ts';
import { useSaveKeyGuard } from './keys.ts';
import { MessagingSection } from './MessagingSection.tsx';
import { ReadOnlyNotice } from './parts.tsx';
import { PointsSection } from './PointsSection.tsx';
import { ProductsSection } from './ProductsSection.tsx';
import { EbillSection } from './EbillSection.tsx';
import { PrintingSection } from './PrintingSection.tsx';
import { ProviderSection } from './ProviderSection.tsx';
import { RetentionSection } from './RetentionSection.tsx';
import { SectionNav, sectionTabId } from './SectionNav.tsx';
import { ShopSection } from './ShopSection.tsx';
import { TiersSection } from './TiersSection.tsx';

function Section({ section, readOnly, headingId }: { section: SettingsSection; readOnly: boolean; headingId: string }) {
  switch (section) {
    case 'shop':
      return <ShopSection readOnly={readOnly} headingId={headingId} />;
    case 'products':
      return <ProductsSection readOnly={readOnly} headingId={headingId} />;
    case 'tiers':
      return <TiersSection readOnly={readOnly} headingId={headingId} />;
    case 'bonus':
      return <BonusSection readOnly={readOnly} headingId={headingId} />;
    case 'points':
      return <PointsSection readOnly={readOnly} headingId={headingId} />;
    case 'retention':
      return <RetentionSection readOnly={readOnly} headingId={headingId} />;
    case 'messaging':
      return <MessagingSection readOnly={readOnly} headingId={headingId} />;
    case 'provider':
      return <ProviderSection readOnly={readOnly} headingId={headingId} />;
    case 'ebills':
      return <EbillSection readOnly={readOnly} headingId={headingId} />;
    case 'printing':
      return <PrintingSection readOnly={readOnly} headingId={headingId} />;
  }
}

export function SettingsScreen({ section }: { section: SettingsSection }) {
  const base = useId();
  const panelId = `${base}-panel`;
  const headingId = `${base}-heading`;
  useSaveKeyGuard();
  const canEdit = useCanEditSettings();
  const panelRef = useRef<HTMLDivElement>(null);
  const focusNav = () => document.getElementById(sectionTabId(base, section))?.focus();

  // Arriving on settings: the section list has focus, so ↑/↓ picks a section straight away.
  useEffect(() => {
    focusNav();
  }, []);

  // F8 from inside settings opens the shop section; focus that was in the old section is not lost.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) focusNav();
  }, [section]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]')) return; // a dialog closes itself first
      if (!panelRef.current?.contains(document.activeElement)) return;
      event.preventDefault();
      focusNav();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div className="screen settings">
      <SectionNav base={base} current={section} panelId={panelId} />
      <div className="settings-panel" id={panelId} role="tabpanel" aria-labelledby={sectionTabId(base, section)} ref={panelRef}>
        {canEdit ? null : <ReadOnlyNotice />}
        <Section key={section} section={section} readOnly={!canEdit} headingId={headingId} />
      </div>
    </div>
  );
}
