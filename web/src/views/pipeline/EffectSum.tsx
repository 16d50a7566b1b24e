import { useT } from '../../i18n/useT';
import { PipelineEffectsQuery } from '../../queries/leads';
import { useQuery } from '../../state/useQuery';
import { EffectLine } from './EffectLine';

/**
 * The board's sum: per chain, what landing every lead at 签约 and beyond would change. Asked again
 * after each move (its parent gives it a new key).
 */
export function EffectSum({ chainKey }: { chainKey: string | null }) {
  const { t } = useT();
  const [state] = useQuery(PipelineEffectsQuery, { chain: chainKey }, { perCaller: true });
  if (state.kind !== 'ready') return null;
  const effects = state.data.leadEffects;
  return (
    <section className="pipeline-sum" data-testid="pipeline-sum">
      {effects.length === 0 ? (
        <p className="muted">{t('pipeline.sumNone')}</p>
      ) : (
        effects.map((e) => (
          <div key={e.chain.key} className="pipeline-sum-chain">
            <strong>{t('pipeline.sum', { chain: e.chain.name, n: e.leadIds.length })}</strong>
            <EffectLine effect={e} />
          </div>
        ))
      )}
    </section>
  );
}
