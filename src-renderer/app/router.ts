/**
 * A small hash router: Electron loads the renderer from file://, where only the fragment can change
 * without a reload. Routes are `#/members`, `#/members/new`, `#/members/<id>`, `#/members/<id>/edit`
 * and `#/members/<id>/bills/<billId>` (the member page with a bill open).
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'members' }
  | { name: 'member-new'; phone: string; memberName: string }
  | { name: 'member'; memberId: string; billId: string | null }
  | { name: 'member-edit'; memberId: string };

export const paths = {
  members: () => '/members',
  newMember: (prefill: { phone?: string; name?: string } = {}) => {
    const q = new URLSearchParams();
    if (prefill.phone) q.set('phone', prefill.phone);
    if (prefill.name) q.set('name', prefill.name);
    const s = q.toString();
    return `/members/new${s ? `?${s}` : ''}`;
  },
  member: (memberId: string) => `/members/${encodeURIComponent(memberId)}`,
  editMember: (memberId: string) => `/members/${encodeURIComponent(memberId)}/edit`,
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
  if (parts[0] === 'members') {
    if (parts[1] === 'new' && parts.length === 2) return { name: 'member-new', phone: query.get('phone') ?? '', memberName: query.get('name') ?? '' };
    if (parts[1] && parts.length === 2) return { name: 'member', memberId: parts[1], billId: null };
    if (parts[1] && parts[2] === 'edit' && parts.length === 3) return { name: 'member-edit', memberId: parts[1] };
    if (parts[1] && parts[2] === 'bills' && parts[3] && parts.length === 4) return { name: 'member', memberId: parts[1], billId: parts[3] };
  }
  return { name: 'members' };
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
