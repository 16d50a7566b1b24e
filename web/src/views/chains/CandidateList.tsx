import { formatNumber, formatScore } from '../../format';
import { useT } from '../../i18n/useT';
import type { Firm, SegmentCandidates } from '../../queries/chains';
import type { ChainLead } from '../../queries/leads';
import { LeadBadge } from '../pipeline/LeadBadge';
import { reasonOf, termLabel, termNote } from '../targets/labels';

/**
 * A gap's candidates, best first: why each is listed, its score (0–100) and every term of it
 * (its value, weight and the points it gives; "—" for a term not known for the firm, which is not
 * counted), and the evidence.
 */
export function CandidateList({
  candidates,
  segmentName,
  onHighlight,
  onPick,
  pickedId,
  leads,
}: {
  candidates: SegmentCandidates;
  segmentName: string;
  onHighlight(firmId: string | null): void;
  onPick(firm: Firm): void;
  pickedId: string | null;
  /** The chain's leads by firm key: a candidate that is one shows its stage. */
  leads: ReadonlyMap<string, ChainLead>;
}) {
  const { t, list, lang } = useT();
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
              {leads.get(c.enterprise.key) && (
                <LeadBadge stage={(leads.get(c.enterprise.key) as ChainLead).stage} testId="candidate-lead" />
              )}
              <span className="muted">{c.enterprise.district ?? ''}</span>
              <span className="score">
                {t('map.score')} {formatScore(c.score, lang)}
              </span>
            </button>
            <p className="candidate-reason" data-testid="candidate-reason">
              {reasonOf(c, lang)}
            </p>
            <table className="terms">
              <tbody>
                {c.terms.map((term) => {
                  const label = termLabel(t, term.key, term.label);
                  const missing = term.missing || term.value === null || term.points === null;
                  return (
                    <tr
                      key={term.key}
                      data-testid="score-term"
                      className={missing ? 'missing' : undefined}
                      title={missing ? t('targets.term.missing', { label }) : termNote(t, term.key, term.label)}
                    >
                      <th scope="row">{label}</th>
                      <td>{term.value === null ? '—' : formatNumber(term.value, lang)}</td>
                      <td className="muted">×{formatNumber(term.weight, lang)}</td>
                      <td>{term.points === null ? '—' : `→ ${formatScore(term.points, lang)}`}</td>
                    </tr>
                  );
                })}
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
