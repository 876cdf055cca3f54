/**
 * The file as the service read it, row by row with the spreadsheet's row numbers: a cell with a
 * problem is marked and its message is in the row's last column, so the clerk finds it in the
 * spreadsheet too. Rows that are not vouchers (上月结转, 本月合计…) say what they are.
 */
import { useConsole } from '../context';
import type { LedgerPreview, PreviewProblem } from './types';

const KINDS = ['opening', 'monthTotal', 'yearTotal', 'note', 'blank'] as const;

export const PreviewTable = ({ preview }: { preview: LedgerPreview }) => {
  const { t, language } = useConsole();
  const byRow = new Map<number, PreviewProblem[]>();
  for (const problem of preview.problems)
    if (problem.row !== undefined) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  const rows = preview.rows.filter((r) => r.kind !== 'blank');
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ledger-rows-caption">
      <table class="ledger-rows">
        <caption id="ledger-rows-caption">{t('ledger.rowsCaption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledger.row')}</th>
            {preview.header.map((name, i) => (
              <th scope="col" key={i}>
                {name}
              </th>
            ))}
            <th scope="col">{t('ledger.rowProblems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const problems = byRow.get(row.row) ?? [];
            const kind = KINDS.find((k) => k === row.kind);
            return (
              <tr key={row.row} class={problems.length ? 'has-problem' : undefined}>
                <th scope="row">{row.row}</th>
                {preview.header.map((name, i) => {
                  const wrong = problems.some((p) => p.column === name);
                  return (
                    <td key={i} class={wrong ? 'problem-cell' : undefined}>
                      {row.cells[i] ?? ''}
                      {wrong && <span class="visually-hidden">{t('ledger.cellWrong')}</span>}
                    </td>
                  );
                })}
                <td class="row-problems">
                  {kind && <span class="note">{t(`ledger.kind.${kind}`)}</span>}
                  {problems.map((p, i) => (
                    <p key={i} class="field-error">
                      {language === 'en' ? p.en : p.zh}
                    </p>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
