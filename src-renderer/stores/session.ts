/**
 * Who is at the till and which language the interface speaks: UI state only. Shop data (settings,
 * staff, tiers, members) comes from the API and is not cached here.
 */
import { create } from 'zustand';
import type { StaffMember } from '../../src-main/ledger/types.ts';
import { api, errorText } from '../api.ts';
import { changeLocale, currentLocale, type Locale } from '../i18n/index.ts';

const STAFF_KEY = 'regulars.staffId';

interface SessionState {
  staffId: string | null;
  locale: Locale;
  /** Set when switching the language worked here but saving it as the shop setting failed. */
  localeSaveError: string | null;
  /** Pick the remembered staff member if still on the list, else the first owner, else the first. */
  initStaff: (staff: readonly StaffMember[]) => void;
  setStaff: (staffId: string) => void;
  /** Apply a locale; with `persist`, also save it as the shop's setting (`settings.update`). */
  setLocale: (locale: Locale, options?: { persist?: boolean }) => Promise<void>;
  dismissLocaleError: () => void;
}

function remembered(): string | null {
  try {
    return localStorage.getItem(STAFF_KEY);
  } catch {
    return null;
  }
}

export const useSession = create<SessionState>()((set) => ({
  staffId: null,
  locale: currentLocale(),
  localeSaveError: null,

  initStaff: (staff) => {
    const keep = remembered();
    const chosen = staff.find((s) => s.id === keep) ?? staff.find((s) => s.role === 'owner') ?? staff[0];
    set({ staffId: chosen?.id ?? null });
  },

  setStaff: (staffId) => {
    try {
      localStorage.setItem(STAFF_KEY, staffId);
    } catch {
      // Only a convenience for the next start.
    }
    set({ staffId });
  },

  setLocale: async (locale, options) => {
    await changeLocale(locale);
    set({ locale, localeSaveError: null });
    if (!options?.persist) return;
    try {
      await api.call('settings.update', { locale });
    } catch (error) {
      set({ localeSaveError: errorText(error) });
    }
  },

  dismissLocaleError: () => set({ localeSaveError: null }),
}));
