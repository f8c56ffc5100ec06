/** The backup files, newest first: when, what kind, size, members and bills (from each one's sidecar), and "Open". */
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../src-main/backups/types.ts';
import { DateText } from '../../../components/DateText.tsx';
import { useFormat } from '../../../components/format.ts';
import { EmptyState } from '../../../components/QueryStatus.tsx';
import { formatSize } from './words.ts';

const COLUMNS = [
  { key: 'takenAt', end: false },
  { key: 'kind', end: false },
  { key: 'size', end: true },
  { key: 'members', end: true },
  { key: 'bills', end: true },
  { key: 'actions', end: true },
] as const;

export function BackupTable({ entries, folder, onOpen }: { entries: BackupEntry[]; folder: string; onOpen: (entry: BackupEntry) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (entries.length === 0) return <EmptyState icon="inbox" title={t('backups.list.empty')} hint={t('backups.list.emptyHint')} />;
  return (
    <div className="table-wrap">
      <table className="table backups-table" aria-label={t('backups.list.label')}>
        <thead>
          <tr>
            {COLUMNS.map(({ key, end }) => (
              <th key={key} scope="col" className={end ? 'align-end' : undefined}>
                {t(`backups.list.col.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.file} data-backup={e.name}>
              <th scope="row" className="nowrap">
                <DateText iso={e.takenAt} />
                <span className="sub num">{e.name}</span>
                {!e.file.startsWith(folder) ? <span className="sub num">{t('backups.list.folderNote', { folder: e.file.slice(0, e.file.length - e.name.length - 1) })}</span> : null}
              </th>
              <td>
                <span className={`badge${e.kind === 'manual' ? '' : ' badge-quiet'}`}>{t(`backups.list.kind.${e.kind}`)}</span>
              </td>
              <td className="align-end num">{formatSize(e.sizeBytes, f.locale)}</td>
              <td className="align-end num">{e.facts ? f.number(e.facts.memberCount) : t('backups.list.unknown')}</td>
              <td className="align-end num">{e.facts ? f.number(e.facts.billCount) : t('backups.list.unknown')}</td>
              <td className="align-end">
                <button type="button" className="btn btn-small" onClick={() => onOpen(e)} aria-label={t('backups.list.openLabel', { name: e.name })}>
                  {t('backups.list.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
