import { Response as FetchResponse } from '@whatwg-node/fetch';

/**
 * The fetch Response the server answers with, its text encoded to UTF-8 up front. A Response of a
 * string counts the string's UTF-8 bytes (for Content-Length) and later encodes it again to send
 * it; for Chinese text each pass costs as much as serialising the answer (B4). Encoded once here.
 */
export class Utf8Response extends FetchResponse {
  constructor(
    body?: ConstructorParameters<typeof FetchResponse>[0],
    init?: ConstructorParameters<typeof FetchResponse>[1],
  ) {
    super(typeof body === 'string' ? Buffer.from(body) : body, init);
  }
}
