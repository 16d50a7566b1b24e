import type { MessageKey } from '../../i18n/messages';

/** A message kept as its key and values, translated when shown (the language can change meanwhile). */
export interface Said {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
