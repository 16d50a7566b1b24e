import * as auth from './auth';
import * as brief from './brief';
import * as chains from './chains';
import * as changes from './changes';
import * as common from './common';
import * as explorer from './explorer';
import * as pipeline from './pipeline';
import * as targets from './targets';

/** Every message of the app in Chinese (the default) and English, by key. */
export const MESSAGES = {
  zh: {
    ...common.zh,
    ...auth.zh,
    ...chains.zh,
    ...changes.zh,
    ...brief.zh,
    ...explorer.zh,
    ...targets.zh,
    ...pipeline.zh,
  },
  en: {
    ...common.en,
    ...auth.en,
    ...chains.en,
    ...changes.en,
    ...brief.en,
    ...explorer.en,
    ...targets.en,
    ...pipeline.en,
  },
};

export type Lang = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['zh'];

/**
 * A message with its placeholders filled in: `{n}` is the value of n; `{n|path|paths}` is "path" when n
 * is 1 and "paths" otherwise (English plurals; Chinese needs none).
 */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in vars)) return whole;
    if (one === undefined) return String(vars[name]);
    return Number(vars[name]) === 1 ? one : (other ?? '');
  });
}
