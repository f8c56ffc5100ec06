/**
 * The one owner-PIN dialog of the app. The API client (api.ts) asks it whenever a call answers
 * APPROVAL_REQUIRED: someone whose role suffices picks themselves and types their PIN, and the same
 * call is sent again with it. A wrong PIN keeps the dialog open with the reason (it counts toward
 * that person's lockout); cancelling gives the screen the original refusal. Every screen gets this
 * for free, whatever the call.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../../src-main/api/contract.ts';
import type { ErrorCode } from '../../../../src-main/ledger/errors.ts';
import { roleAtLeast } from '../../../../src-main/staff/permissions.ts';
import { ApiCallError, setApprovalPrompt, type ApprovalRequest } from '../../../api.ts';
import { ErrorNotice, Notice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { isPin, PinField } from './PinField.tsx';

/** Refusals of the approval itself: the dialog stays open and says why. */
const APPROVAL_REFUSALS: readonly ErrorCode[] = ['PIN_WRONG', 'PIN_LOCKED', 'PIN_NOT_SET', 'APPROVER_NOT_ALLOWED', 'STAFF_NOT_FOUND'];

interface Pending {
  request: ApprovalRequest;
  resolve: (result: ApiResult<unknown> | null) => void;
}

export function ApprovalHost() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    setApprovalPrompt((request) => new Promise((resolve) => setPending({ request, resolve })));
    return () => setApprovalPrompt(null);
  }, []);
  if (!pending) return null;
  const finish = (result: ApiResult<unknown> | null) => {
    setPending(null);
    pending.resolve(result);
  };
  return <ApprovalDialog request={pending.request} onDone={finish} />;
}

function ApprovalDialog({ request, onDone }: { request: ApprovalRequest; onDone: (result: ApiResult<unknown> | null) => void }) {
  const { t } = useTranslation();
  const approverId = useId();
  const pinId = useId();
  const pinRef = useRef<HTMLInputElement>(null);
  const people = useApiQuery('staff.list', {});
  const approvers = (people.data ?? []).filter((p) => p.hasPin && roleAtLeast(p.role, request.role));
  const [chosen, setChosen] = useState<string | null>(null);
  const approver = approvers.find((p) => p.id === chosen) ?? approvers[0] ?? null;
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Back to the PIN after a refusal, once the field is enabled again.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !busy) {
      pinRef.current?.focus();
      setRefocus(false);
    }
  }, [refocus, busy]);
  const action = t(`staff.approval.action.${request.method}`, { defaultValue: t('staff.approval.actionFallback') });

  const confirm = async () => {
    if (busy || !approver || !isPin(pin)) return;
    setBusy(true);
    setError(null);
    try {
      const result = await request.submit({ staffId: approver.id, pin });
      if (!result.ok && APPROVAL_REFUSALS.includes(result.error.code)) {
        setError(new ApiCallError(request.method, result.error));
        setPin('');
        people.reload();
        setRefocus(true);
        return;
      }
      onDone(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      className="approval-dialog"
      bodyClassName="approval-body"
      title={t(`staff.approval.title_${request.role}`)}
      onClose={() => onDone(null)}
      onOpen={() => pinRef.current?.focus()}
      busy={busy}
      confirmLabel={t('staff.approval.confirm')}
      confirmDisabled={busy || !approver || !isPin(pin)}
      onConfirm={() => void confirm()}
    >
      <p className="approval-intro">{t('staff.approval.intro', { action, role: t(`staff.approval.who.${request.role}`) })}</p>
      {people.data && approvers.length === 0 ? <Notice kind="error" text={t('staff.approval.noApprover')} /> : null}
      {approvers.length > 1 ? (
        <Field id={approverId} label={t('staff.approval.approver')}>
          <select id={approverId} className="select" value={approver?.id ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={busy}>
            {approvers.map((p) => (
              <option key={p.id} value={p.id}>
                {t('frame.staffOption', { name: p.name, role: t(`staff.role.${p.role}`) })}
              </option>
            ))}
          </select>
        </Field>
      ) : approver ? (
        <p className="approval-who">
          <span className="muted">{t('staff.approval.approver')}</span> <span className="strong">{approver.name}</span>
        </p>
      ) : null}
      <PinField ref={pinRef} id={pinId} label={t('staff.approval.pin')} value={pin} onValue={setPin} disabled={busy} />
      {error ? <ErrorNotice error={error} /> : null}
    </FormDialog>
  );
}
