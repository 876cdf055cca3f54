/**
 * A public table: its title and note, its columns (label and kind), and its rows edited cell by
 * cell or pasted from a spreadsheet. Money is typed in yuan and kept in fen; a masked column takes
 * only masked values, which the service checks on save and names by row and column.
 */
import { useState } from 'preact/hooks';
import type { Problem } from '../api';
import { useConsole } from '../context';
import { Field, FieldProblems } from './Field';
import type { KindFormProps } from './formProps';
import { problemsAt } from './problems';
import { cellText, cellValue, rowsFromTsv, type ColumnType } from './tableText';

interface Column {
  key: string;
  label: string;
  type: ColumnType;
}

const TYPES: ColumnType[] = ['text', 'money', 'number', 'date', 'masked'];
const MAX_COLUMNS = 8;

/** A key no other column has (keys are the feed's, ^[a-z][A-Za-z0-9]*$, kept for existing columns). */
const freeKey = (columns: Column[]) => {
  let n = columns.length + 1;
  while (columns.some((c) => c.key === `c${n}`)) n++;
  return `c${n}`;
};

export const TableForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t, language } = useConsole();
  const [columns, setColumns] = useState<Column[]>(
    (current.columns as Column[] | undefined) ?? [
      { key: 'c1', label: '', type: 'text' },
      { key: 'c2', label: '', type: 'text' },
    ],
  );
  const [rows, setRows] = useState<string[][]>(() =>
    ((current.rows as Record<string, unknown>[] | undefined) ?? []).map((row) =>
      columns.map((c) => cellText(c.type, row[c.key])),
    ),
  );
  const [local, setLocal] = useState<Problem[]>([]);
  const [pasted, setPasted] = useState('');
  const all = [...local, ...problems];

  const setColumn = (index: number, change: Partial<Column>) =>
    setColumns(columns.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const setCell = (r: number, c: number, value: string) =>
    setRows(rows.map((row, i) => (i === r ? row.map((cell, j) => (j === c ? value : cell)) : row)));
  const addColumn = () => {
    setColumns([...columns, { key: freeKey(columns), label: '', type: 'text' }]);
    setRows(rows.map((row) => [...row, '']));
  };
  const removeColumn = (index: number) => {
    setColumns(columns.filter((_, i) => i !== index));
    setRows(rows.map((row) => row.filter((_, i) => i !== index)));
  };
  const paste = () => {
    setRows([
      ...rows,
      ...rowsFromTsv(
        pasted,
        columns.map((c) => c.label),
      ),
    ]);
    setPasted('');
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const found: Problem[] = [];
    const stored = rows.map((row, r) =>
      Object.fromEntries(
        columns.flatMap((column, c) => {
          if (!row[c]?.trim()) return [];
          const value = cellValue(column.type, row[c]!);
          if (value === null)
            found.push({
              field: `/rows/${r}/${column.key}`,
              zh: `第 ${r + 1} 行「${column.label}」不是金额（如 1234.50）`,
              en: `Row ${r + 1}, ${column.label}: not an amount in yuan (e.g. 1234.50)`,
            });
          return value === null ? [] : [[column.key, value]];
        }),
      ),
    );
    setLocal(found);
    if (found.length) return;
    const note = String(form.get('note') ?? '').trim();
    void save({
      title: String(form.get('title') ?? '').trim(),
      ...(note ? { note } : {}),
      columns: columns.map((c) => ({ key: c.key, label: c.label.trim(), type: c.type })),
      rows: stored,
      // A posting period and attachments are kept as they were: the form does not edit them.
      ...(current.posting ? { posting: current.posting } : {}),
      ...(current.attachments ? { attachments: current.attachments } : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field id="table-title" label={t('item.fieldTitle')} problems={problemsAt(all, '/title')}>
        {(aria) => <input {...aria} name="title" required maxLength={60} defaultValue={String(current.title ?? '')} />}
      </Field>
      <Field id="table-note" label={t('form.tableNote')} problems={problemsAt(all, '/note')}>
        {(aria) => (
          <textarea {...aria} name="note" rows={2} maxLength={400} defaultValue={String(current.note ?? '')} />
        )}
      </Field>
      <fieldset>
        <legend>{t('form.columns')}</legend>
        <FieldProblems
          id="table-columns-problems"
          problems={problemsAt(all, '/columns').filter((p) => !/^\/columns\/\d+/.test(p.field ?? ''))}
        />
        <ol class="columns">
          {columns.map((column, i) => (
            <li key={column.key}>
              <Field
                id={`column-${i}-label`}
                label={t('form.columnLabel', { n: i + 1 })}
                problems={problemsAt(all, `/columns/${i}`)}
              >
                {(aria) => (
                  <input
                    {...aria}
                    required
                    maxLength={20}
                    value={column.label}
                    onInput={(e) => setColumn(i, { label: e.currentTarget.value })}
                  />
                )}
              </Field>
              <label for={`column-${i}-type`}>{t('form.columnType', { n: i + 1 })}</label>
              <select
                id={`column-${i}-type`}
                value={column.type}
                onChange={(e) => setColumn(i, { type: e.currentTarget.value as ColumnType })}
              >
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`form.columnType.${type}`)}
                  </option>
                ))}
              </select>
              {columns.length > 1 && (
                <button type="button" onClick={() => removeColumn(i)}>
                  {t('form.removeColumn', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        {columns.length < MAX_COLUMNS && (
          <button type="button" onClick={addColumn}>
            {t('form.addColumn')}
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('form.rows')}</legend>
        <FieldProblems
          id="table-rows-problems"
          problems={problemsAt(all, '/rows').filter((p) => !/^\/rows\/\d+/.test(p.field ?? ''))}
        />
        <div class="table-wrap">
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">#</th>
                {columns.map((c, i) => (
                  <th key={c.key} scope="col">
                    {c.label || t('form.columnLabel', { n: i + 1 })}
                  </th>
                ))}
                <th scope="col">{t('form.rowActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {columns.map((column, c) => {
                    const cellProblems = problemsAt(all, `/rows/${r}/${column.key}`);
                    const id = `cell-${r}-${c}`;
                    return (
                      <td key={column.key}>
                        <input
                          id={id}
                          aria-label={t('form.cell', { row: r + 1, column: column.label || c + 1 })}
                          value={row[c] ?? ''}
                          inputMode={column.type === 'money' || column.type === 'number' ? 'decimal' : undefined}
                          onInput={(e) => setCell(r, c, e.currentTarget.value)}
                          {...(cellProblems.length
                            ? { 'aria-invalid': true, 'aria-describedby': `${id}-problems` }
                            : {})}
                        />
                        <FieldProblems id={`${id}-problems`} problems={cellProblems} />
                      </td>
                    );
                  })}
                  <td>
                    <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== r))}>
                      {t('form.removeRow', { n: r + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" onClick={() => setRows([...rows, columns.map(() => '')])}>
          {t('form.addRow')}
        </button>
        <label for="table-paste">{t('form.paste')}</label>
        <textarea id="table-paste" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        <button type="button" onClick={paste} disabled={!pasted.trim()}>
          {t('form.pasteRows')}
        </button>
      </fieldset>
      {local.length > 0 && (
        <p class="error" role="alert">
          {language === 'en' ? local[0]!.en : local[0]!.zh}
        </p>
      )}
      {footer}
      <button type="submit" class="primary">
        {t('item.submit')}
      </button>
    </form>
  );
};
