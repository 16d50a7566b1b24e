import { useT } from '../../i18n/useT';
import type { LeadEffect } from '../../queries/leads';
import { percent } from './board';

/** What landing changes on a chain: coverage, local sourcing and chokepoints, and the gaps it closes. */
export function EffectLine({ effect }: { effect: LeadEffect }) {
  const { t, list } = useT();
  return (
    <p className="lead-effect" data-testid="lead-effect">
      {t('pipeline.effect', {
        before: effect.coveredBefore,
        after: effect.coveredAfter,
        total: effect.segments,
        srcBefore: percent(effect.localSourcingBefore),
        srcAfter: percent(effect.localSourcingAfter),
        cpBefore: effect.singleSourcesBefore,
        cpAfter: effect.singleSourcesAfter,
      })}
      {effect.gapsClosed.length > 0 && (
        <>
          {' '}
          <strong>{t('pipeline.closes', { list: list(effect.gapsClosed.map((s) => s.name)) })}</strong>
        </>
      )}
    </p>
  );
}
