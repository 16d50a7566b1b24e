import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageKey, translate } from '../src/i18n/messages';

/** The names a message fills in: {name} and {name|one|other}. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort((a, b) => (a ?? '').localeCompare(b ?? ''));

describe('messages', () => {
  it('has every message in both languages, filling in the same values', () => {
    // on purpose: the English file name is made of the chain's key, not of its Chinese name
    const differ = new Set<MessageKey>(['targets.file']);
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    for (const key of Object.keys(MESSAGES.zh) as MessageKey[]) {
      if (differ.has(key)) continue;
      expect(new Set(placeholders(MESSAGES.en[key])), key).toEqual(new Set(placeholders(MESSAGES.zh[key])));
    }
  });

  it('writes no Chinese punctuation into English', () => {
    for (const [key, text] of Object.entries(MESSAGES.en)) expect(text, key).not.toMatch(/[：（），；、。]/);
  });

  it('fills in values and picks the English singular or plural by the count', () => {
    expect(translate('en', 'path.found', { n: 1, length: 2 })).toBe('1 shortest path of 2 steps');
    expect(translate('en', 'path.found', { n: 3, length: 1 })).toBe('3 shortest paths of 1 step');
    expect(translate('en', 'path.none', { hops: 1 })).toBe('No path within 1 step');
    expect(translate('zh', 'path.found', { n: 1, length: 2 })).toBe('找到 1 条最短路径，每条 2 步');
    expect(translate('en', 'punct.labelled', { label: 'Leaders', value: 'Li' })).toBe('Leaders: Li');
    expect(translate('zh', 'punct.labelled', { label: '链长', value: '李' })).toBe('链长：李');
  });

  it('leaves a placeholder it has no value for as it is', () => {
    expect(translate('en', 'path.none', {})).toBe('No path within {hops} {hops|step|steps}');
  });
});
