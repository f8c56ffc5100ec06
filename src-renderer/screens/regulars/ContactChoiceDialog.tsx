/**
 * "Do not contact" for a member who asked not to be called or messaged again (`consent.set` kind
 * do_not_contact), or lifting it when they change their mind; with an optional note of why. The
 * consent record keeps who changed it and when.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSession } from '../../stores/session.ts';

interface ContactChoiceDialogProps {
  member: { memberId: string; name: string; doNotContact: boolean };
  onClose: (changed: boolean) => void;
}

export function ContactChoiceDialog({ member, onClose }: ContactChoiceDialogProps) {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const noteId = useId();
  const noteRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  // Marking do-not-contact, or lifting it.
  const granted = !member.doNotContact;

  const saver = useIdempotentCommit<{ note: string }, Member>((d) =>
    api.call('consent.set', { staffId: staffId ?? '', memberId: member.memberId, kind: 'do_not_contact', granted, note: d.note }),
  );
  const save = async () => {
    if (saver.busy || !staffId) return;
    if (await saver.commit({ note: note.trim() })) onClose(true);
  };
  return (
    <FormDialog
      className="confirm-dialog"
      bodyClassName="confirm-body"
      title={granted ? t('regulars.dnc.title', { name: member.name }) : t('regulars.dnc.liftTitle', { name: member.name })}
      onClose={() => onClose(false)}
      onOpen={() => noteRef.current?.focus()}
      busy={saver.busy}
      confirmLabel={granted ? t('regulars.dnc.confirm') : t('regulars.dnc.liftConfirm')}
      confirmDisabled={saver.busy || !staffId}
      danger={granted}
      onConfirm={() => void save()}
    >
      <p>{granted ? t('regulars.dnc.text') : t('regulars.dnc.liftText')}</p>
      <TextField id={noteId} inputRef={noteRef} label={t('regulars.dnc.note')} mark="optional" value={note} onValue={setNote} maxLength={200} placeholder={t('regulars.dnc.notePlaceholder')} />
      {saver.error ? <ErrorNotice error={saver.error} title={t('regulars.dnc.failed')} /> : null}
    </FormDialog>
  );
}
