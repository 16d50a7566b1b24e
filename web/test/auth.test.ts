import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, request, requestPartial } from '../src/api';
import { MeQuery } from '../src/queries/access';
import { TargetsQuery } from '../src/queries/targets';
import { signIn, signOut } from '../src/state/session';
import { cleanToken, currentToken, keepToken, onTokenRefused } from '../src/state/token';

/** Answers every fetch with `answer` (a status and a body) and records what was sent. */
function fakeServer(answer: (init: RequestInit) => { status: number; body: unknown }) {
  const sent: { headers: Record<string, string>; body: string }[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    sent.push({ headers: init.headers as Record<string, string>, body: String(init.body) });
    const { status, body } = answer(init);
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { sent, restore: () => (globalThis.fetch = original) };
}

const ME = { data: { me: { name: '张三', role: 'analyst', authenticated: true } } };
const UNKNOWN = {
  errors: [{ message: 'The bearer token is not one this server knows.', extensions: { code: 'FORBIDDEN' } }],
};

afterEach(() => keepToken(null));

describe('a pasted token', () => {
  it('is trimmed and loses a leading Bearer; blanks inside, control characters and non-ASCII are refused', () => {
    expect(cleanToken('  ca_abc-DEF_123\n')).toBe('ca_abc-DEF_123');
    expect(cleanToken('Bearer ca_abc')).toBe('ca_abc');
    expect(cleanToken('')).toBeUndefined();
    expect(cleanToken('ca_a b')).toBeUndefined();
    expect(cleanToken('ca_令牌')).toBeUndefined();
    expect(cleanToken('ca_a\u0000')).toBeUndefined();
  });
});

describe('requests', () => {
  it('carry the kept token as Authorization: Bearer, in the header only, and none without one', async () => {
    const server = fakeServer(() => ({ status: 200, body: ME }));
    try {
      await request(MeQuery, {});
      keepToken('ca_secret');
      await request(MeQuery, {});
      await request(MeQuery, {}, undefined, { token: 'ca_other' });
      await request(MeQuery, {}, undefined, { token: null });
    } finally {
      server.restore();
    }
    expect(server.sent.map((s) => s.headers.authorization)).toEqual([
      undefined,
      'Bearer ca_secret',
      'Bearer ca_other',
      undefined,
    ]);
    for (const { body } of server.sent) expect(body).not.toContain('ca_');
  });

  it('forget the kept token when the server answers 401 for it (and say so), not for a token being checked', async () => {
    const server = fakeServer(() => ({ status: 401, body: UNKNOWN }));
    let told = 0;
    const stop = onTokenRefused(() => told++);
    try {
      keepToken('ca_kept');
      await expect(request(MeQuery, {}, undefined, { token: 'ca_tried' })).rejects.toThrow(ApiError);
      expect(currentToken()).toBe('ca_kept');
      const error = await request(MeQuery, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(401);
      expect(currentToken()).toBeNull();
      expect(told).toBe(1);
    } finally {
      stop();
      server.restore();
    }
  });

  it('give partial data with the role a FORBIDDEN field needs', async () => {
    const body = {
      data: { chain: { id: 'C1', key: 'logistics', name: '商贸物流' }, leads: null },
      errors: [
        {
          message: 'SegmentNeed.candidates needs the analyst role',
          path: ['leads', 'gapReport', 'segments', 0, 'candidates'],
          extensions: { code: 'FORBIDDEN', needed: 'analyst' },
        },
      ],
    };
    const server = fakeServer(() => ({ status: 200, body }));
    try {
      const { data, errors } = await requestPartial(TargetsQuery, { id: 'logistics' });
      expect(data.chain?.name).toBe('商贸物流');
      expect(data.leads).toBeNull();
      expect(errors.map((e) => [e.code, e.needed, e.needsRole])).toEqual([['FORBIDDEN', 'analyst', true]]);
      const thrown = await request(TargetsQuery, { id: 'logistics' }).catch((e: unknown) => e);
      expect((thrown as ApiError).needed).toBe('analyst');
    } finally {
      server.restore();
    }
  });
});

describe('signing in', () => {
  it('keeps a token only once the server has said who it is', async () => {
    const server = fakeServer((init) =>
      (init.headers as Record<string, string>).authorization === 'Bearer ca_good'
        ? { status: 200, body: ME }
        : { status: 401, body: UNKNOWN },
    );
    try {
      expect(await signIn('ca_bad')).toEqual({ ok: false, why: 'refused' });
      expect(currentToken()).toBeNull();
      expect(await signIn('ca bad')).toEqual({ ok: false, why: 'malformed' });
      expect(server.sent).toHaveLength(1);
      expect(await signIn(' Bearer ca_good ')).toEqual({ ok: true });
      expect(currentToken()).toBe('ca_good');
      signOut();
      expect(currentToken()).toBeNull();
    } finally {
      server.restore();
    }
  });
});
