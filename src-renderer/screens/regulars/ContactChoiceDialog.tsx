/**
 * "Do not contact" for a member who asked not to be called or messaged again (`consent.set` kind
 * do_not_contact), or lifting it when they change their mind; with an optional note of why. The
 * consent record keeps who changed it and when.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSession } from '../../stores/session.ts';

interface ContactChoiceDialogProps {
  member: { memberId: string; name: string; doNotContact: boolean };
  onClose: (changed: boolean) => void;
}

export function ContactChoiceDialog({ member, onClose }: ContactChoiceDialogProps) {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const titleId = useId();
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
  const close = () => {
    if (!saver.busy) onClose(false);
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen: () => noteRef.current?.focus() });
  useShortcut(KEYS.pay, () => void save(), true, { inDialog: true });

  return (
    <dialog {...dialog} className="dialog confirm-dialog" aria-labelledby={titleId}>
      <form
        className="dialog-inner"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DialogHead titleId={titleId} title={granted ? t('regulars.dnc.title', { name: member.name }) : t('regulars.dnc.liftTitle', { name: member.name })} onClose={close} />
        <div className="dialog-body confirm-body">
          <p>{granted ? t('regulars.dnc.text') : t('regulars.dnc.liftText')}</p>
          <TextField id={noteId} inputRef={noteRef} label={t('regulars.dnc.note')} mark="optional" value={note} onValue={setNote} maxLength={200} placeholder={t('regulars.dnc.notePlaceholder')} />
          {saver.error ? <ErrorNotice error={saver.error} title={t('regulars.dnc.failed')} /> : null}
        </div>
        <footer className="dialog-foot">
          <button type="button" className="btn btn-large" onClick={close} disabled={saver.busy} aria-keyshortcuts="Escape">
            {t('common.cancel')}
            <kbd className="kbd" aria-hidden="true">
              Esc
            </kbd>
          </button>
          <button type="submit" className={`btn btn-large ${granted ? 'btn-danger' : 'btn-primary'}`} disabled={saver.busy || !staffId} aria-keyshortcuts={KEYS.pay}>
            {granted ? t('regulars.dnc.confirm') : t('regulars.dnc.liftConfirm')}
            <kbd className="kbd" aria-hidden="true">
              {KEYS.pay}
            </kbd>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
