/**
 * Customer segments (`retention.segments`): how many members each RFM segment holds, what they spent
 * and their share of all revenue, as a bar per segment, and the 80/20 line. Enter or a click on a
 * segment lists its members (`#/regulars/segments?segment=…`), the same list as the lapsed one.
 */
import { useTranslation } from 'react-i18next';
import { SEGMENTS, type Segment, type SegmentCount } from '../../../src-main/retention/types.ts';
import { navigate, paths } from '../../app/router.ts';
import { useFigures } from '../../components/figures.ts';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { SegmentMembers } from './SegmentMembers.tsx';

export function isSegment(value: string | null): value is Segment {
  return (SEGMENTS as readonly (string | null)[]).includes(value);
}

export function SegmentsTab({ segment }: { segment: string | null }) {
  return isSegment(segment) ? <SegmentMembers key={segment} segment={segment} /> : <SegmentOverview />;
}

function SegmentCard({ count, allMembers }: { count: SegmentCount; allMembers: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigures();
  // The bar is the share of all revenue (display only: basis points to a width); a sliver stays visible.
  const width = `${count.revenueShareBp > 0 ? Math.max(count.revenueShareBp / 100, 1) : 0}%`;
  const memberShareBp = allMembers > 0 ? Math.round((count.members * 10_000) / allMembers) : 0;
  return (
    <li>
      <button type="button" className={`segment-card tone-${count.segment}`} onClick={() => navigate(paths.regulars('segments', { segment: count.segment }))}>
        <span className="segment-card-head">
          <span className="segment-card-name">{t(`retention.segment.${count.segment}`)}</span>
          <span className="segment-members num">
            {t('regulars.segments.members', { count: count.members, n: f.number(count.members) })}
            <span className="segment-member-share">{t('regulars.segments.memberShare', { share: fig.shareBp(memberShareBp) })}</span>
          </span>
        </span>
        <span className="segment-hint">{t(`retention.segmentHint.${count.segment}`)}</span>
        <span className="segment-bar" aria-hidden="true">
          <span className="segment-bar-fill" style={{ width }} />
        </span>
        <span className="segment-figures">
          <MoneyText minor={count.revenueMinor} className="strong" />
          <span className="num">{t('regulars.segments.share', { share: fig.shareBp(count.revenueShareBp) })}</span>
        </span>
        <Icon name="back" size={18} className="icon-flip segment-go" />
      </button>
    </li>
  );
}

function SegmentOverview() {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigures();
  const query = useApiQuery('retention.segments', {});
  const summary = query.data;
  if (!summary) return <QueryStatus query={query} />;
  const bySegment = new Map(summary.segments.map((s) => [s.segment, s]));
  const counts = SEGMENTS.map((s) => bySegment.get(s) ?? { segment: s, members: 0, revenueMinor: 0, revenueShareBp: 0 });
  return (
    <div className="segments-tab">
      <div className="pareto card">
        <p className="pareto-main">
          {t('regulars.segments.pareto', { members: f.number(summary.top20.members), share: fig.shareBp(summary.top20.revenueShareBp) })}
        </p>
        <p className="pareto-sub">
          {t('regulars.segments.overview', { members: f.number(summary.members), revenue: f.money(summary.revenueMinor), date: f.date(summary.asOfDate) })}
        </p>
        <span className="pareto-bar" aria-hidden="true">
          <span className="pareto-bar-fill" style={{ width: `${summary.top20.revenueShareBp / 100}%` }} />
        </span>
      </div>
      <ul className="segment-grid" aria-label={t('regulars.segments.label')}>
        {counts.map((c) => (
          <SegmentCard key={c.segment} count={c} allMembers={summary.members} />
        ))}
      </ul>
    </div>
  );
}
