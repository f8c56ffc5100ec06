/**
 * Who is at the till and which language the interface speaks: UI state only. The session itself lives
 * in the main process (a reload keeps it; the page cannot claim to be someone else): this store mirrors
 * it (`staff.session`), signs in and out through the API, and hears when the main process says the
 * session has ended. Shop data (settings, staff, tiers, members) comes from the API and is not cached here.
 */
import { create } from 'zustand';
import type { StaffMember } from '../../src-main/ledger/types.ts';
import type { SessionView } from '../../src-main/staff/types.ts';
import { api, errorText, onSessionEnded } from '../api.ts';
import { changeLocale, currentLocale, type Locale } from '../i18n/index.ts';

/** Not known yet (first load), nobody signed in, a new shop without an owner PIN, or someone at the till. */
export type SessionStatus = 'unknown' | 'signedOut' | 'needsOwnerPin' | 'signedIn';

interface SessionState {
  status: SessionStatus;
  /** The person signed in at this till. */
  staff: StaffMember | null;
  /** Their id: what screens send as `staffId` (the main process checks it is them). */
  staffId: string | null;
  locale: Locale;
  /** Set when switching the language worked here but saving it as the shop setting failed. */
  localeSaveError: string | null;
  /** Mirror what the main process answered about the session. */
  applySession: (view: SessionView) => void;
  /** Ask the main process who is signed in. */
  loadSession: () => Promise<void>;
  signIn: (staffId: string, pin: string) => Promise<void>;
  signOut: () => Promise<void>;
  setUpOwner: (pin: string) => Promise<void>;
  /** Apply a locale; with `persist`, also save it as the shop's setting (`settings.update`, the owner's). */
  setLocale: (locale: Locale, options?: { persist?: boolean }) => Promise<void>;
  dismissLocaleError: () => void;
}

function statusOf(view: SessionView): SessionStatus {
  if (view.needsOwnerPin) return 'needsOwnerPin';
  return view.staff ? 'signedIn' : 'signedOut';
}

export const useSession = create<SessionState>()((set, get) => ({
  status: 'unknown',
  staff: null,
  staffId: null,
  locale: currentLocale(),
  localeSaveError: null,

  applySession: (view) => set({ status: statusOf(view), staff: view.staff, staffId: view.staff?.id ?? null }),

  loadSession: async () => get().applySession(await api.call('staff.session', {})),

  signIn: async (staffId, pin) => get().applySession(await api.call('staff.signIn', { staffId, pin })),

  signOut: async () => get().applySession(await api.call('staff.signOut', {})),

  setUpOwner: async (pin) => get().applySession(await api.call('staff.setUpOwner', { pin })),

  setLocale: async (locale, options) => {
    await changeLocale(locale);
    set({ locale, localeSaveError: null });
    // The shop's language is the owner's setting: anyone else switches only this screen.
    if (!options?.persist || get().staff?.role !== 'owner') return;
    try {
      await api.call('settings.update', { locale });
    } catch (error) {
      set({ localeSaveError: errorText(error) });
    }
  },

  dismissLocaleError: () => set({ localeSaveError: null }),
}));

// Signed out somewhere else (another tab of the bridge), archived, or the app restarted: back to sign-in.
onSessionEnded(() => {
  if (useSession.getState().status === 'signedIn') useSession.setState({ status: 'signedOut', staff: null, staffId: null });
});
