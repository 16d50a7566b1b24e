import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../format';
import { useT } from '../../i18n/useT';
import { termLabel, termNote } from './labels';
import { TermsHelp } from './TermCells';
import {
  allZero,
  DEFAULT_WEIGHTS,
  formatWeights,
  isDefault,
  parseWeight,
  TERM_KEYS,
  type TermKey,
  WEIGHT_FIELD,
  WEIGHT_MAX,
  WEIGHT_MIN,
  WEIGHT_STEP,
  type Weights,
} from './weights';

/** How long after the last keystroke or step the weights go to the URL (and the query runs). */
export const WEIGHTS_DEBOUNCE_MS = 300;

type Drafts = Record<TermKey, string>;
const asText = (w: Weights): Drafts => Object.fromEntries(TERM_KEYS.map((k) => [k, String(w[k])])) as Drafts;

interface Props {
  /** The weights the URL holds. */
  weights: Weights;
  onChange(weights: Weights): void;
  /** The candidates are being scored again with these weights. */
  reloading: boolean;
  /** Why scoring with these weights failed (the rows of the last ones are still shown). */
  failed?: string | undefined;
  onRetry(): void;
}

/**
 * One number per score term (0–10, steps of 0.5), as typed; 300 ms after the last change the
 * weights go to the URL, which runs the query again. A weight left empty or not a number keeps
 * the last one.
 */
export function TargetsWeights({ weights, onChange, reloading, failed, onRetry }: Props) {
  const { t, lang } = useT();
  const [drafts, setDrafts] = useState<Drafts>(() => asText(weights));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The `w` this control put in the URL last: another one (a reset, the back button) replaces the drafts. */
  const sent = useRef(formatWeights(weights));
  const inUrl = formatWeights(weights);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `weights` is read only when `inUrl` (its text) changes
  useEffect(() => {
    if (inUrl !== sent.current) {
      sent.current = inUrl;
      setDrafts(asText(weights));
    }
  }, [inUrl]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: Weights) => {
    clearTimeout(timer.current);
    sent.current = formatWeights(next);
    onChange(next);
  };
  const edit = (key: TermKey, text: string) => {
    const next = { ...drafts, [key]: text };
    setDrafts(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const w = Object.fromEntries(TERM_KEYS.map((k) => [k, parseWeight(next[k]) ?? weights[k]])) as Weights;
      commit(w);
    }, WEIGHTS_DEBOUNCE_MS);
  };
  const reset = () => {
    setDrafts(asText(DEFAULT_WEIGHTS));
    commit(DEFAULT_WEIGHTS);
  };

  return (
    <fieldset className="toolbar targets-weights" data-testid="weights" aria-busy={reloading}>
      <legend>{t('targets.weights')}</legend>
      {TERM_KEYS.map((key) => {
        const label = termLabel(t, key, key);
        return (
          <label
            key={key}
            className={drafts[key] !== String(DEFAULT_WEIGHTS[key]) ? 'changed' : undefined}
            title={t('targets.weights.default', {
              label,
              weight: formatNumber(DEFAULT_WEIGHTS[key], lang),
              note: termNote(t, key, key),
            })}
          >
            {label}
            <input
              type="number"
              data-testid={`weight-${WEIGHT_FIELD[key]}`}
              value={drafts[key]}
              min={WEIGHT_MIN}
              max={WEIGHT_MAX}
              step={WEIGHT_STEP}
              inputMode="decimal"
              onChange={(e) => edit(key, e.target.value)}
            />
          </label>
        );
      })}
      <button
        type="button"
        className="button"
        data-testid="weights-reset"
        disabled={isDefault(weights) && TERM_KEYS.every((k) => drafts[k] === String(DEFAULT_WEIGHTS[k]))}
        onClick={reset}
      >
        {t('targets.weights.reset')}
      </button>
      <span className="weights-status" data-testid="weights-status" aria-live="polite">
        {reloading
          ? t('targets.weights.reloading')
          : allZero(weights)
            ? t('targets.weights.allZero')
            : isDefault(weights)
              ? t('targets.weights.hint')
              : t('targets.weights.custom')}
      </span>
      <TermsHelp />
      {failed && (
        <span className="weights-failed" role="alert" data-testid="weights-failed">
          {t('targets.weights.failed', { message: failed })}{' '}
          <button type="button" className="button" onClick={onRetry}>
            {t('state.retry')}
          </button>
        </span>
      )}
    </fieldset>
  );
}
