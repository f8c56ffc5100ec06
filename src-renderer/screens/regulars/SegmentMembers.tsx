/** One segment's members (`retention.segmentMembers`), in the lapsed list's table, with the way back. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../src-main/retention/types.ts';
import { paths } from '../../app/router.ts';
import { Icon } from '../../components/Icon.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { PAGE_SIZE, RetentionList } from './RetentionList.tsx';

export function SegmentMembers({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const query = useApiQuery('retention.segmentMembers', { segment, offset, limit: PAGE_SIZE });
  const name = t(`retention.segment.${segment}`);
  return (
    <div className="segment-members-view">
      <div className="segment-members-head">
        <a className="btn btn-small btn-ghost" href={`#${paths.regulars('segments')}`}>
          <Icon name="back" size={16} />
          {t('regulars.segments.back')}
        </a>
        <h2 className="segment-members-title">
          {name}
          {query.data ? <span className="muted num"> · {t('regulars.segments.members', { count: query.data.total, n: query.data.total })}</span> : null}
        </h2>
        <p className="muted">{t(`retention.segmentHint.${segment}`)}</p>
      </div>
      <RetentionList
        label={t('regulars.segments.listLabel', { segment: name })}
        query={query}
        offset={offset}
        onOffset={setOffset}
        selectionKey={segment}
        emptyTitle={t('regulars.segments.empty')}
        emptyHint={t('regulars.segments.emptyHint')}
      />
    </div>
  );
}
