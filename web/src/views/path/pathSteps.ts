import { shareLabel } from '../../graph/elements';
import type { MessageKey } from '../../i18n/messages';
import type { Relation } from '../../queries/enterprise';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** One step of a listed path, read from left to right. */
export interface PathStep {
  /** True when the relation runs from the firm on the left to the one on the right. */
  forward: boolean;
  /** What the firm the arrow leaves does: 持股 28%, 供货 电机 (holds 28%, supplies motors). */
  verb: string;
  /** The step as a sentence, holder or supplier first: 星图智能 持有 锦恒物流园 28% 的股权. */
  sentence: string;
}

/**
 * A step between two neighbours of a path, which a relation joins in either direction: the
 * direction is kept (an arrow from the holder or the supplier) rather than lost in "A —28%— B".
 */
export function pathStep(
  t: Translate,
  relation: Pick<Relation, 'kind' | 'fromId' | 'share' | 'product'>,
  left: { id: string; name: string },
  right: { id: string; name: string },
): PathStep {
  const forward = relation.fromId === left.id;
  const [from, to] = forward ? [left.name, right.name] : [right.name, left.name];
  if (relation.kind === 'CONTROLS') {
    if (relation.share == null)
      return { forward, verb: t('path.verb.controls'), sentence: t('path.says.controls', { from, to }) };
    const share = shareLabel(relation.share);
    return { forward, verb: t('path.verb.holds', { share }), sentence: t('path.says.holds', { from, to, share }) };
  }
  const product = relation.product?.trim();
  if (!product) return { forward, verb: t('path.verb.supplies'), sentence: t('path.says.supplies', { from, to }) };
  return {
    forward,
    verb: t('path.verb.suppliesProduct', { product }),
    sentence: t('path.says.suppliesProduct', { from, to, product }),
  };
}
