/**
 * The reports screen's address and dates (src-renderer/screens/reports/report-query.ts): the usual
 * ranges from a given day, the grouping a range gets unless one was chosen, and what a hand-edited
 * address falls back to.
 */
import { describe, expect, it } from 'vitest';
import { naturalGroupBy, presetOf, presetRange, rangeProblem, readReportQuery, reportQueryParams } from '../../src-renderer/screens/reports/report-query.ts';

// A Monday in November.
const today = new Date(2026, 10, 23, 15, 30);

describe('the reports’ dates', () => {
  it('knows the usual ranges, weeks starting on Monday, last month whole', () => {
    expect(presetRange('today', today)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(presetRange('thisWeek', new Date(2026, 10, 22))).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('lastMonth', new Date(2027, 0, 5))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, today)).toBe('lastMonth');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, today)).toBeNull();
  });

  it('cuts a range into days up to about six weeks, weeks up to half a year, months beyond', () => {
    expect(naturalGroupBy({ from: '2026-11-01', to: '2026-12-15' })).toBe('day');
    expect(naturalGroupBy({ from: '2026-11-01', to: '2026-12-16' })).toBe('week');
    expect(naturalGroupBy({ from: '2026-01-01', to: '2026-07-09' })).toBe('week');
    expect(naturalGroupBy({ from: '2026-01-01', to: '2026-07-10' })).toBe('month');
  });

  it('reads the address, falling back to this month for dates that are not dates', () => {
    expect(readReportQuery({}, today)).toEqual({ from: '2026-11-01', to: '2026-11-23', groupBy: 'day', asOf: null, memberId: null });
    expect(readReportQuery({ from: '2026-01-01', to: '2026-11-23', group: 'week', asOf: '2026-06-30', member: 'm1' }, today)).toEqual({
      from: '2026-01-01',
      to: '2026-11-23',
      groupBy: 'week',
      asOf: '2026-06-30',
      memberId: 'm1',
    });
    expect(readReportQuery({ from: 'yesterday', to: '2026-11-20', group: 'hour' }, today)).toMatchObject({ from: '2026-11-01', to: '2026-11-20', groupBy: 'day' });
    // The grouping is written only when it is not the range's own.
    expect(reportQueryParams(readReportQuery({ from: '2026-01-01', to: '2026-11-23' }, today))).toEqual({ from: '2026-01-01', to: '2026-11-23', group: null, asOf: null, member: null });
    expect(reportQueryParams({ from: '2026-11-01', to: '2026-11-23', groupBy: 'month', asOf: null, memberId: null }).group).toBe('month');
  });

  it('says why a range cannot be asked for', () => {
    expect(rangeProblem({ from: '', to: '2026-11-23' })).toBe('errMissing');
    expect(rangeProblem({ from: '2026-11-24', to: '2026-11-23' })).toBe('errOrder');
    expect(rangeProblem({ from: '2026-11-23', to: '2026-11-23' })).toBeNull();
  });
});
