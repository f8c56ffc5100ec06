/**
 * A settings form's working copy: what the owner is changing, whether it differs from what is saved,
 * and saving a patch of only the changed settings (`settings.update`), after which the shop info is
 * reloaded so the top bar, money formatting and checkout follow at once.
 *
 * Unsaved changes outlive the form: moving to another section (or screen) and back finds them still
 * there, marked unsaved, so a stray arrow key never throws typing away.
 */
import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../src-main/ledger/settings-schema.ts';
import { api } from '../../api.ts';
import { useAppInfo, useReloadAppInfo } from '../../app/app-info.ts';

/** Unsaved drafts by form, for this window's life (not persisted: a restart starts clean). */
const unsavedDrafts = new Map<string, unknown>();

export interface SettingsDraft<T> {
  draft: T;
  saved: T;
  dirty: boolean;
  saving: boolean;
  error: unknown;
  justSaved: boolean;
  change: (patch: Partial<T>) => void;
  revert: () => void;
  save: (patch: SettingsPatch) => Promise<boolean>;
}

export function useSettingsDraft<T>(formKey: string, fromSettings: (settings: Settings) => T): SettingsDraft<T> {
  const info = useAppInfo();
  const reloadAppInfo = useReloadAppInfo();
  const [saved, setSaved] = useState<T>(() => fromSettings(info.settings));
  const [draft, setDraftState] = useState<T>(() => (unsavedDrafts.get(formKey) as T | undefined) ?? saved);

  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** "Saved" shows after a save until the next change. */
  const [justSaved, setJustSaved] = useState(false);

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const change = (patch: Partial<T>) => {
    setDraftState((prev) => {
      const next = { ...prev, ...patch };
      unsavedDrafts.set(formKey, next);
      return next;
    });
    setJustSaved(false);
  };

  const revert = () => {
    setDraftState(saved);
    unsavedDrafts.delete(formKey);
    setError(null);
  };

  const save = async (patch: SettingsPatch): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      const next = fromSettings(await api.call('settings.update', patch));
      setSaved(next);
      setDraftState(next);
      unsavedDrafts.delete(formKey);
      setJustSaved(true);
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setSaving(false);
    }
    try {
      await reloadAppInfo();
    } catch (e) {
      setError(e);
    }
    return true;
  };

  return { draft, saved, dirty, saving, error, justSaved, change, revert, save };
}
