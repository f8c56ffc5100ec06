/**
 * Badges about contacting a member, drawn the same wherever they show: an SMS's status (the outbox, a
 * member's contact history) and "do not contact" (a member's header, the retention lists).
 */
import { useTranslation } from 'react-i18next';
import type { SmsStatus } from '../../src-main/sms/types.ts';

const STATUS_TONE: Record<SmsStatus, string> = {
  pending: 'badge-quiet',
  sending: 'badge-quiet',
  sent: 'badge-good',
  failed: 'badge-danger',
  cancelled: 'badge-warn',
};

export function SmsStatusBadge({ status }: { status: SmsStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_TONE[status]}`}>{t(`retention.smsStatus.${status}`)}</span>;
}

export function DoNotContactBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-dnc">{t('retention.doNotContact')}</span>;
}
