/**
 * What every settings editor dialog (product, tier, bonus rule) keeps and does on save: problems on
 * its fields (thunks, so a shown message follows a language switch), the API's refusal, whether a
 * save is running; saving shows the form's own problems and focuses the first, or sends and hands
 * the answer on. A refusal goes to the dialog's notice unless `onField` puts it on a field.
 */
import { useState, type RefObject } from 'react';

type Msg = () => string;
export type FieldProblems<F extends string> = Partial<Record<F, Msg>>;

export interface EditorForm<F extends string> {
  /** The message shown on a field, or null. */
  error: (field: F) => string | null;
  /** Typing in a field takes its problem away. */
  clear: (field: F) => void;
  apiError: unknown;
  saving: boolean;
  fieldProblems: boolean;
  save: <T>(found: FieldProblems<F>, send: () => Promise<T>, onSaved: (value: T) => void, onField?: (error: unknown) => FieldProblems<F> | null) => Promise<void>;
}

/** `fields` in the order a person fixes them, each with the input focus goes to. */
export function useEditorForm<F extends string>(fields: Readonly<Record<F, RefObject<HTMLInputElement | null>>>): EditorForm<F> {
  const [problems, setProblems] = useState<FieldProblems<F>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const show = (found: FieldProblems<F>): boolean => {
    setProblems(found);
    const first = (Object.keys(fields) as F[]).find((field) => found[field]);
    if (first) fields[first].current?.focus();
    return first !== undefined;
  };

  const save: EditorForm<F>['save'] = async (found, send, onSaved, onField) => {
    setApiError(null);
    if (show(found)) return;
    setSaving(true);
    try {
      onSaved(await send());
    } catch (error) {
      setSaving(false);
      const onFields = onField?.(error) ?? null;
      if (onFields) show(onFields);
      else setApiError(error);
    }
  };

  return {
    error: (field) => problems[field]?.() ?? null,
    clear: (field) => {
      if (problems[field]) setProblems((prev) => ({ ...prev, [field]: undefined }));
    },
    apiError,
    saving,
    fieldProblems: Object.values(problems).some(Boolean),
    save,
  };
}
