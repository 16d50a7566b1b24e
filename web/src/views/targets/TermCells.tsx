import { formatNumber, formatScore } from '../../format';
import { useT } from '../../i18n/useT';
import { termLabel, termNote } from './labels';
import type { Term } from './rows';
import { TERM_KEYS } from './weights';

/** A score term's column header: its name, its weight below, what it measures on hover. */
export function TermHead({ column }: { column: { key: string; label: string; weight: number | null } }) {
  const { t, lang } = useT();
  const { key, label, weight } = column;
  const weighed = weight !== null ? ` · ${t('targets.term.weight', { weight: formatNumber(weight, lang) })}` : '';
  return (
    <th
      scope="col"
      className={`num term${weight === 0 ? ' off' : ''}`}
      title={`${termNote(t, key, label)}${weighed}`}
      data-term={key}
    >
      {termLabel(t, key, label)}
      {weight !== null && <small className="term-weight">×{formatNumber(weight, lang)}</small>}
    </th>
  );
}

/**
 * A row's points for one term (of the 100 a score can reach); "—" when the term is not known for
 * the firm, which is left out of the score rather than counted as 0. The tooltip (and, for those
 * who cannot hover, a hidden text) says value, weight and points, or that it is unknown.
 */
export function TermCell({ termKey, label, term }: { termKey: string; label: string; term: Term | undefined }) {
  const { t, lang } = useT();
  if (!term) return <td className="num term" />;
  const name = termLabel(t, termKey, label);
  if (term.missing || term.value === null || term.points === null) {
    const title = t('targets.term.missing', { label: name });
    return (
      <td className="num term missing" title={title} data-missing="true">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{title}</span>
      </td>
    );
  }
  const title = t('targets.term.cell', {
    label: name,
    value: formatNumber(term.value, lang),
    weight: formatNumber(term.weight, lang),
    points: formatScore(term.points, lang),
  });
  return (
    <td className={`num term${term.points === 0 ? ' zero' : ''}`} title={title}>
      <span aria-hidden="true">{formatScore(term.points, lang)}</span>
      <span className="visually-hidden">{title}</span>
    </td>
  );
}

/** What each term measures, for those who do not hover: folded under the weights. */
export function TermsHelp() {
  const { t } = useT();
  return (
    <details className="terms-help" data-testid="terms-help">
      <summary>{t('targets.terms.help')}</summary>
      <dl>
        {TERM_KEYS.map((key) => (
          <div key={key}>
            {/* 产品匹配： / Product match: */}
            <dt>{t('punct.labelled', { label: termLabel(t, key, key), value: '' }).trimEnd()}</dt>
            <dd>{termNote(t, key, key)}</dd>
          </div>
        ))}
      </dl>
      <p className="terms-help-note">{t('targets.missingNote')}</p>
    </details>
  );
}
