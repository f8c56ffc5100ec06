/** A row's problems in the reader's words ("手机号无效；储值余额不能是负数"), shared by the tables and the downloaded report. */
import type { TFunction } from 'i18next';
import type { ImportProblem } from '../../../../src-main/imports/types.ts';

export function problemText(t: TFunction, problem: ImportProblem): string {
  return t(`importExport.problem.${problem.code}`, { field: t(`importExport.field.${problem.field}`) });
}

export function problemsText(t: TFunction, problems: readonly ImportProblem[]): string {
  return problems.map((p) => problemText(t, p)).join(t('importExport.problemSeparator'));
}
