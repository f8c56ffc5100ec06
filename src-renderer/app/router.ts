/**
 * A small hash router: Electron loads the renderer from file://, where only the fragment can change
 * without a reload. The till opens on checkout. Routes: `#/checkout[?member=<id>]`,
 * `#/topup[?member=<id>]`, `#/bills[?date=YYYY-MM-DD][&bill=<id>]`, `#/settings/<section>`,
 * `#/members`, `#/members/new`, `#/members/<id>`, `#/members/<id>/edit` and
 * `#/members/<id>/bills/<billId>` (the member page with a bill open), and the owner's retention
 * screens `#/regulars/<tab>[?segment=<segment>]`, the reports `#/reports/<tab>[?…]`, the shift close
 * `#/shift` and the back office `#/office/<tab>`.
 */
import { useSyncExternalStore } from 'react';

export const SETTINGS_SECTIONS = ['shop', 'products', 'tiers', 'bonus', 'points', 'retention', 'messaging', 'provider', 'ebills', 'printing'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export const REGULARS_TABS = ['lapsed', 'segments', 'birthdays', 'campaigns', 'outbox'] as const;
export type RegularsTab = (typeof REGULARS_TABS)[number];

/** The owner's reports (`#/reports/<tab>[?from=YYYY-MM-DD&to=YYYY-MM-DD…]`). */
export const REPORTS_TABS = ['sales', 'topups', 'liability', 'members', 'top'] as const;
export type ReportsTab = (typeof REPORTS_TABS)[number];

/** The owner's back office (`#/office/<tab>`): staff, the audit log, import/export, backups. */
export const OFFICE_TABS = ['staff', 'audit', 'import', 'export', 'backups'] as const;
export type OfficeTab = (typeof OFFICE_TABS)[number];

export type Route =
  | { name: 'checkout'; memberId: string | null }
  | { name: 'topup'; memberId: string | null }
  | { name: 'bills'; date: string | null; billId: string | null }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'members' }
  | { name: 'member-new'; phone: string; memberName: string }
  | { name: 'member'; memberId: string; billId: string | null }
  | { name: 'member-edit'; memberId: string }
  | { name: 'regulars'; tab: RegularsTab; segment: string | null }
  | { name: 'reports'; tab: ReportsTab; query: Record<string, string> }
  | { name: 'shift' }
  | { name: 'office'; tab: OfficeTab };

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  checkout: (memberId?: string | null) => withQuery('/checkout', { member: memberId }),
  topup: (memberId?: string | null) => withQuery('/topup', { member: memberId }),
  bills: (options: { date?: string | null; billId?: string | null } = {}) => withQuery('/bills', { date: options.date, bill: options.billId }),
  settings: (section: SettingsSection = 'shop') => `/settings/${section}`,
  members: () => '/members',
  newMember: (prefill: { phone?: string; name?: string } = {}) => withQuery('/members/new', { phone: prefill.phone, name: prefill.name }),
  member: (memberId: string) => `/members/${encodeURIComponent(memberId)}`,
  editMember: (memberId: string) => `/members/${encodeURIComponent(memberId)}/edit`,
  regulars: (tab: RegularsTab = 'lapsed', options: { segment?: string | null } = {}) => withQuery(`/regulars/${tab}`, { segment: options.segment }),
  reports: (tab: ReportsTab = 'sales', query: Record<string, string | null | undefined> = {}) => withQuery(`/reports/${tab}`, query),
  shift: () => '/shift',
  office: (tab: OfficeTab = 'staff') => `/office/${tab}`,
  bill: (memberId: string, billId: string) => `/members/${encodeURIComponent(memberId)}/bills/${encodeURIComponent(billId)}`,
};

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  const parts = pathPart.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const query = new URLSearchParams(queryPart);
  if (parts[0] === 'topup') return { name: 'topup', memberId: query.get('member') };
  if (parts[0] === 'bills') {
    const date = query.get('date');
    return { name: 'bills', date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, billId: query.get('bill') };
  }
  if (parts[0] === 'settings') {
    const section = SETTINGS_SECTIONS.find((s) => s === parts[1]) ?? 'shop';
    return { name: 'settings', section };
  }
  if (parts[0] === 'regulars') {
    const tab = REGULARS_TABS.find((t) => t === parts[1]) ?? 'lapsed';
    return { name: 'regulars', tab, segment: query.get('segment') };
  }
  if (parts[0] === 'reports') {
    const tab = REPORTS_TABS.find((t) => t === parts[1]) ?? 'sales';
    return { name: 'reports', tab, query: Object.fromEntries(query.entries()) };
  }
  if (parts[0] === 'shift') return { name: 'shift' };
  if (parts[0] === 'office') return { name: 'office', tab: OFFICE_TABS.find((t) => t === parts[1]) ?? 'staff' };
  if (parts[0] === 'members') {
    if (parts[1] === 'new' && parts.length === 2) return { name: 'member-new', phone: query.get('phone') ?? '', memberName: query.get('name') ?? '' };
    if (parts[1] && parts.length === 2) return { name: 'member', memberId: parts[1], billId: null };
    if (parts[1] && parts[2] === 'edit' && parts.length === 3) return { name: 'member-edit', memberId: parts[1] };
    if (parts[1] && parts[2] === 'bills' && parts[3] && parts.length === 4) return { name: 'member', memberId: parts[1], billId: parts[3] };
    return { name: 'members' };
  }
  return { name: 'checkout', memberId: query.get('member') };
}

const NAVIGATE_EVENT = 'regulars:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const hash = `#${path}`;
  if (location.hash === hash) return;
  if (options.replace) {
    history.replaceState(history.state, '', hash);
    window.dispatchEvent(new Event(NAVIGATE_EVENT));
  } else {
    location.hash = hash;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getHash = () => location.hash;

/** The current hash; components parse it with parseRoute (kept as a string so renders stay stable). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, getHash);
}
