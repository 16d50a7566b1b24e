import * as chains from './chains';
import * as common from './common';
import * as explorer from './explorer';
import * as targets from './targets';

/** Every message of the app in Chinese (the default) and English, by key. */
export const MESSAGES = {
  zh: { ...common.zh, ...chains.zh, ...explorer.zh, ...targets.zh },
  en: { ...common.en, ...chains.en, ...explorer.en, ...targets.en },
};

export type Lang = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['zh'];

/** A message with its {placeholders} filled in. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
