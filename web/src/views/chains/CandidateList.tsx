import { useT } from '../../i18n/useT';
import type { Firm, GapCandidates } from '../../queries/chains';

/** A gap's candidates, best first: every term of each score (value × weight = points), and the evidence. */
export function CandidateList({
  candidates,
  segmentName,
  onHighlight,
  onPick,
  pickedId,
}: {
  candidates: GapCandidates['candidates'];
  segmentName: string;
  onHighlight(firmId: string | null): void;
  onPick(firm: Firm): void;
  pickedId: string | null;
}) {
  const { t, list } = useT();
  if (candidates.totalCount === 0) return <p className="muted">{t('map.noCandidates')}</p>;
  return (
    <>
      <p className="muted">{t('map.candidatesCount', { n: candidates.totalCount })}</p>
      <ol className="candidates" data-testid="candidates">
        {candidates.nodes.map((c) => (
          <li
            key={c.enterprise.id}
            className="candidate"
            data-testid="candidate"
            onMouseEnter={() => onHighlight(c.enterprise.id)}
            onMouseLeave={() => onHighlight(null)}
          >
            <button
              type="button"
              className="candidate-head"
              aria-pressed={pickedId === c.enterprise.id}
              onClick={() => onPick(c.enterprise)}
              onFocus={() => onHighlight(c.enterprise.id)}
              onBlur={() => onHighlight(null)}
              title={t('map.showEvidence')}
            >
              <strong>{c.enterprise.shortName}</strong>
              <span className="muted">{c.enterprise.district ?? ''}</span>
              <span className="score">
                {t('map.score')} {c.score.toFixed(2)}
              </span>
            </button>
            <table className="terms">
              <tbody>
                {c.terms.map((term) => (
                  <tr key={term.key} data-testid="score-term">
                    <th scope="row">{t(`term.${term.key as 'SIZE'}`)}</th>
                    <td>
                      {term.value} × {term.weight}
                    </td>
                    <td>= {term.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="evidence">
              {t('punct.labelled', {
                label: t('map.evidence'),
                value: list(
                  c.evidence
                    .flatMap((e) => e.steps)
                    .map((s) =>
                      s.kind === 'SUPPLIES' && s.toEnterprise
                        ? t('map.evidence.supplies', { to: s.toEnterprise.shortName })
                        : t('map.evidence.inSegment', { segment: segmentName }),
                    )
                    .filter((x, i, all) => x && all.indexOf(x) === i),
                  true,
                ),
              })}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
