/**
 * Lapsed customers (`retention.lapsed`): members absent well past their own habit, ranked by the
 * monthly spend the shop loses if they stay away (or the model's expected loss, or days absent),
 * filtered, 50 to a page, with the total at risk and the model in use.
 */
import { useTranslation } from 'react-i18next';
import { LAPSED_RANKINGS } from '../../../src-main/retention/types.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { useFormat } from '../../components/format.ts';
import { useApiQuery } from '../../components/use-api-query.ts';
import { hasFilters, lapsedQueryOf, useLapsedView } from './lapsed-filters.ts';
import { LapsedFilterBar } from './LapsedFilterBar.tsx';
import { ModelLine } from './ModelLine.tsx';
import { PAGE_SIZE, RetentionList } from './RetentionList.tsx';
import { useDebounced } from './use-debounced.ts';

const FILTER_DELAY_MS = 250;

export function LapsedTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const { filters, rankBy, offset, setRankBy, setOffset } = useLapsedView();
  const settledFilters = useDebounced(filters, FILTER_DELAY_MS);
  const query = useApiQuery('retention.lapsed', lapsedQueryOf(settledFilters, rankBy, offset, PAGE_SIZE));
  const page = query.data;
  const filtered = hasFilters(settledFilters);

  const summary = (
    <div className="list-summary">
      <p className="list-summary-text" role="status">
        {page ? (
          <>
            <strong>{t('regulars.lapsed.count', { count: page.total })}</strong>
            <span>
              {t('regulars.lapsed.valueAtRisk')} <strong className="money">{f.money(page.valueAtRiskMinor)}</strong>
              {t('regulars.lapsed.perMonth')}
            </span>
          </>
        ) : null}
      </p>
      <ChoiceGroup
        label={t('regulars.rank.label')}
        options={LAPSED_RANKINGS.map((r) => ({ key: r, label: t(`regulars.rank.${r}`) }))}
        value={rankBy}
        onChange={setRankBy}
      />
    </div>
  );

  return (
    <div className="lapsed-tab">
      {page ? <ModelLine model={page.model} onFitted={query.reload} /> : null}
      <LapsedFilterBar />
      <RetentionList
        label={t('regulars.lapsed.label')}
        query={query}
        offset={offset}
        onOffset={setOffset}
        selectionKey={JSON.stringify(settledFilters)}
        emptyTitle={filtered ? t('regulars.lapsed.emptyFiltered') : t('regulars.lapsed.empty')}
        emptyHint={filtered ? t('regulars.lapsed.emptyFilteredHint') : t('regulars.lapsed.emptyHint')}
        summary={summary}
      />
    </div>
  );
}
