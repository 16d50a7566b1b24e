/** The text an audit entry keeps: long fields clipped, a detail capped, visibly. */

/** The most bytes of JSON an entry's detail keeps; the rest is cut, visibly. */
export const MAX_DETAIL_BYTES = 4096;

export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * A detail whose JSON is at most MAX_DETAIL_BYTES; a larger one keeps its first bytes, marked
 * `truncated`, with its size (`originalBytes`: the size of what it was made from, when known).
 */
export function capDetail(detail: Record<string, unknown>, originalBytes?: number): Record<string, unknown> {
  const text = JSON.stringify(detail) ?? '{}';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= MAX_DETAIL_BYTES) return detail;
  const kept = Buffer.from(text, 'utf8')
    .subarray(0, MAX_DETAIL_BYTES - 200)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return { truncated: true, bytes: originalBytes ?? bytes, kept };
}
