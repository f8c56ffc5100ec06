/**
 * Which column of the file each field comes from: one select per field, the file's headers as the
 * choices ("第 3 列 · 手机号码"). Choosing a column for one field takes it from any other. Required
 * fields are marked, and those still missing are named.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMarker } from '../../../components/Field.tsx';
import { FIELDS_OF, REQUIRED_FIELDS, type ImportField } from '../../../../src-main/imports/fields.ts';
import type { ImportPreview } from '../../../../src-main/imports/types.ts';

interface Props {
  preview: ImportPreview;
  disabled: boolean;
  onColumn: (field: ImportField, column: number | null) => void;
}

export function MappingEditor({ preview, disabled, onColumn }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const fields = FIELDS_OF[preview.kind] as readonly ImportField[];
  const required = new Set<ImportField>(REQUIRED_FIELDS[preview.kind]);
  const columnLabel = (header: string, i: number) => (header ? t('importExport.mapping.column', { n: i + 1, header }) : t('importExport.mapping.untitled', { n: i + 1 }));
  return (
    <fieldset className="fieldset import-mapping">
      <legend className="section-title">{t('importExport.mapping.title')}</legend>
      <p className="muted">{t('importExport.mapping.intro', { line: preview.headerLine })}</p>
      {preview.kind === 'visits' ? <p className="field-hint">{t('importExport.mapping.phoneOrCode')}</p> : null}
      <div className="import-mapping-grid">
        {fields.map((field) => {
          const id = `${uid}-${field}`;
          const column = preview.mapping[field];
          const missing = preview.missing.includes(field);
          return (
            <div key={field} className={`field${missing ? ' has-error' : ''}`}>
              <label className="field-label" htmlFor={id}>
                {t(`importExport.field.${field}`)}
                {required.has(field) ? <FieldMarker mark="required" /> : null}
              </label>
              <select
                id={id}
                className="select"
                value={column === undefined ? '' : String(column)}
                disabled={disabled}
                aria-invalid={missing ? true : undefined}
                aria-required={required.has(field) ? true : undefined}
                onChange={(e) => onColumn(field, e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('importExport.mapping.none')}</option>
                {preview.headers.map((header, i) => (
                  <option key={i} value={i}>
                    {columnLabel(header, i)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {preview.missing.length > 0 ? (
        <p className="field-error" role="alert">
          {t('importExport.mapping.missing', { fields: preview.missing.map((f) => t(`importExport.field.${f}`)).join(t('importExport.problemSeparator')) })}
        </p>
      ) : null}
    </fieldset>
  );
}
