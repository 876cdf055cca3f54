/**
 * Which column of the village's export holds which field: a choice per field, prefilled from
 * what the service recognised (and how), and for the fields a voucher can do without, the value
 * that fills them when the export has no such column. Saved once per village.
 */
import { useConsole } from '../context';
import type { ColumnSettings, LedgerField, LedgerPreview } from './types';

/** Fields a default may fill (server/import/types.ts FILLABLE_FIELDS, text ones). */
const FILLABLE: LedgerField[] = ['account', 'handler', 'witness', 'approver', 'bookkeeper', 'reviewer', 'opinion'];

/** What the preview's columns say, as settings the clerk edits: the columns read by name or mapping, and the defaults. */
export const settingsFrom = (preview: LedgerPreview): ColumnSettings => ({
  mapping: Object.fromEntries(
    preview.columns.filter((c) => c.header !== undefined && c.column !== undefined).map((c) => [c.field, c.header!]),
  ),
  defaults: { ...preview.defaults },
});

const textDefault = (settings: ColumnSettings, field: LedgerField): string => {
  const value = (settings.defaults as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
};

export const ColumnMapping = (props: {
  preview: LedgerPreview;
  settings: ColumnSettings;
  onChange: (settings: ColumnSettings) => void;
}) => {
  const { t, language } = useConsole();
  const { preview, settings, onChange } = props;
  const mapTo = (field: LedgerField, header: string) => {
    const mapping = { ...settings.mapping };
    if (header) mapping[field] = header;
    else delete mapping[field];
    onChange({ ...settings, mapping });
  };
  const fillWith = (field: LedgerField, value: string) => {
    const defaults: Record<string, unknown> = { ...settings.defaults };
    if (value.trim()) defaults[field] = value.trim();
    else delete defaults[field];
    onChange({ ...settings, defaults: defaults as ColumnSettings['defaults'] });
  };
  return (
    <div class="mapping">
      {preview.columns.map((column) => {
        const id = `map-${column.field}`;
        const problems = preview.problems.filter((p) => p.row === undefined && p.column === column.label);
        const missing = column.how === 'missing';
        const fillable = FILLABLE.includes(column.field) && settings.mapping[column.field] === undefined;
        return (
          <div class="mapping-field" key={column.field}>
            <label for={id}>{column.label}</label>
            <select
              id={id}
              value={settings.mapping[column.field] ?? ''}
              aria-invalid={missing || problems.length > 0 ? 'true' : undefined}
              aria-describedby={`${id}-how`}
              onChange={(e) => mapTo(column.field, e.currentTarget.value)}
            >
              <option value="">{t('ledger.noColumn')}</option>
              {preview.header
                .filter((name) => name !== '')
                .map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
            </select>
            <span id={`${id}-how`} class={missing ? 'field-error' : 'note'}>
              {t(`ledger.how.${column.how}`, { header: column.header ?? '', value: column.value ?? '' })}
              {problems.map((p) => ` ${language === 'en' ? p.en : p.zh}`).join('')}
            </span>
            {fillable && (
              <>
                <label for={`${id}-default`} class="default-label">
                  {t('ledger.defaultFor', { field: column.label })}
                </label>
                <input
                  id={`${id}-default`}
                  maxLength={column.field === 'opinion' ? 60 : column.field === 'account' ? 40 : 10}
                  value={textDefault(settings, column.field)}
                  placeholder={t('ledger.unfilled')}
                  onChange={(e) => fillWith(column.field, e.currentTarget.value)}
                />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
};
