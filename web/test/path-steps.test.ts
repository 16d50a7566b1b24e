import { describe, expect, it } from 'vitest';
import { type Lang, type MessageKey, translate } from '../src/i18n/messages';
import { pathStep } from '../src/views/path/pathSteps';

const t = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
const jinheng = { id: 'J', name: '锦恒物流园' };
const xingtu = { id: 'X', name: '星图智能' };
const holds = { kind: 'CONTROLS' as const, fromId: 'X', share: 0.28, product: null };

describe('a step of a listed path', () => {
  it('points from the holder to the firm held, whichever side it is listed on', () => {
    expect(pathStep(t('zh'), holds, jinheng, xingtu)).toEqual({
      forward: false,
      verb: '持股 28%',
      sentence: '星图智能 持有 锦恒物流园 28% 的股权',
    });
    expect(pathStep(t('zh'), holds, xingtu, jinheng).forward).toBe(true);
    expect(pathStep(t('en'), holds, jinheng, xingtu)).toEqual({
      forward: false,
      verb: 'holds 28%',
      sentence: '星图智能 holds 28% of 锦恒物流园',
    });
  });

  it('says who supplies whom, with the product when it is known', () => {
    const supplies = { kind: 'SUPPLIES' as const, fromId: 'J', share: null, product: '冷库设施' };
    expect(pathStep(t('zh'), supplies, jinheng, xingtu)).toEqual({
      forward: true,
      verb: '供应 冷库设施',
      sentence: '锦恒物流园 向 星图智能 供应 冷库设施',
    });
    expect(pathStep(t('en'), { ...supplies, product: null }, xingtu, jinheng)).toEqual({
      forward: false,
      verb: 'supplies',
      sentence: '锦恒物流园 supplies 星图智能',
    });
    expect(pathStep(t('en'), { ...holds, share: null }, xingtu, jinheng).sentence).toBe('星图智能 controls 锦恒物流园');
  });
});
