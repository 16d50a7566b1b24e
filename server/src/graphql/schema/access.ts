import type { AuditEntry } from '../../audit/audit-log';
import type { ChainBreak, ChainReport } from '../../audit/chain';
import type { Caller, Role } from '../../auth/roles';
import { TokenError, type TokenInfo } from '../../auth/tokens';
import { builder } from '../builder';
import { codedError, intInRange, notFound } from '../errors';
import { keyOf } from '../global-id';
import { arrayConnection } from '../pagination';

/**
 * Who may do what: the caller's own role (anyone), the tokens (admin), the audit log (admin) and
 * the record of an export (analyst). The role each field needs is set on the field, in the schema,
 * so no query reaches it another way.
 */

const AccessRoleEnum = builder.enumType('AccessRole', {
  description: 'What a caller may do; each role may do what the one before it may, and more.',
  values: {
    viewer: { description: 'Reads the chains, their maps, gaps and the enterprise graph.' },
    analyst: { description: 'And the candidates (招商线索) and their export.' },
    editor: { description: 'And changes the graph (mutations) and imports.' },
    admin: { description: 'And manages tokens and reads the audit log.' },
  } satisfies Record<Role, unknown>,
});

const CallerRef = builder.objectRef<Caller>('Caller').implement({
  description: 'Who sent this request.',
  fields: (t) => ({
    name: t.exposeString('name', { description: "The token's name, or `anonymous`." }),
    role: t.field({ type: AccessRoleEnum, resolve: (c) => c.role }),
    authenticated: t.exposeBoolean('authenticated', { description: 'False for a request without a token.' }),
  }),
});

const TokenRef = builder.objectRef<TokenInfo>('Token').implement({
  description: 'A bearer token, as an admin sees it: its name and role, never its value.',
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: AccessRoleEnum, resolve: (e) => e.role }),
    source: t.exposeString('source', {
      description: '`file`: made here or with `pnpm run token`, revocable; `environment`: from CHAIN_TOKENS.',
    }),
    createdAt: t.string({ nullable: true, resolve: (e) => e.createdAt ?? null }),
  }),
});

const NewTokenRef = builder.objectRef<{ name: string; role: Role; token: string }>('NewToken').implement({
  description: 'A token just made: its value is shown this once; the server keeps only its hash.',
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: AccessRoleEnum, resolve: (e) => e.role }),
    token: t.exposeString('token', { description: 'Send it as `Authorization: Bearer <token>`.' }),
  }),
});

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description:
    'One recorded mutation, import, export or read of candidates: who, when, what, from where, and how it ended.',
  fields: (t) => ({
    id: t.exposeString('id'),
    at: t.exposeString('at', { description: 'ISO 8601, UTC.' }),
    who: t.exposeString('who', { description: "The token's name, `anonymous`, or `cli:<user>` for the importer." }),
    role: t.exposeString('role'),
    action: t.exposeString('action', {
      description:
        'The mutation (createEnterprise, recordExport, …), `import`, `readCandidates` (candidates read through the API) or `droppedRefusals` (refusals counted, not recorded one by one).',
    }),
    target: t.exposeString('target'),
    detail: t.string({
      description:
        'The arguments (or, for an import, its files, rows and counts), as JSON; texts over 500 characters are cut, and a detail over 4 KB keeps its first bytes as `kept`, with `truncated: true` and its size in `bytes`. Empty for a refusal.',
      resolve: (e) => JSON.stringify(e.detail),
    }),
    from: t.exposeString('from', { description: "The client's address; `local` for the command line." }),
    requestId: t.string({ nullable: true, resolve: (e) => e.requestId ?? null }),
    outcome: t.exposeString('outcome', {
      description:
        '`ok`, or the code that refused or failed it (FORBIDDEN, BAD_INPUT, …); `started`: the server stopped while it ran, so it may or may not have been done.',
    }),
    endedAt: t.string({ nullable: true, description: 'When a mutation ended.', resolve: (e) => e.endedAt ?? null }),
    line: t.int({
      nullable: true,
      description: 'Its line in the file, as `chain` names lines.',
      resolve: (e) => e.line ?? null,
    }),
  }),
});

const AuditBreakRef = builder.objectRef<ChainBreak>('AuditChainBreak').implement({
  description: 'A place where the chain of hashes of the audit log does not hold.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'The line of the file (from 1) where it shows.' }),
    kind: t.exposeString('kind', {
      description:
        '`edited`: a line was changed after it was written; `deleted`: lines are gone; `garbage`: a line that is no entry (and no write torn by a crash); `unchained`: an entry without a hash, added by hand or by another program.',
    }),
    message: t.exposeString('message'),
  }),
});

const AuditChainRef = builder.objectRef<ChainReport>('AuditChain').implement({
  description:
    'Whether the audit log is as written: each line carries the sha-256 of the line before it and its place, so a line edited, deleted or added shows as a break. It proves nothing against someone who rewrites every line after theirs: note `head` to compare it later.',
  fields: (t) => ({
    intact: t.exposeBoolean('intact', { description: 'No break from `chainedFrom` on.' }),
    lines: t.exposeInt('lines', { description: 'Whole lines in the file.' }),
    chainedFrom: t.int({
      nullable: true,
      description:
        'The first line with a hash; the lines before it were written before hashing, and nothing vouches for them. Null while no line has one.',
      resolve: (c) => c.chainedFrom ?? null,
    }),
    unchained: t.exposeInt('unchained', { description: 'Lines before `chainedFrom`.' }),
    torn: t.exposeInt('torn', { description: 'Lines torn by a crash (a write cut short): not a break.' }),
    head: t.exposeString('head', { description: 'The sha-256 of the last line.' }),
    breakCount: t.exposeInt('breakCount'),
    breaks: t.field({
      type: [AuditBreakRef],
      description: 'The first 100 breaks, in the order of the file.',
      resolve: (c) => c.breaks,
    }),
  }),
});

const admin = { admin: true } as const;

builder.queryFields((t) => ({
  me: t.field({
    type: CallerRef,
    description: 'Who this request is from, and its role.',
    resolve: (_root, _args, { caller }) => caller,
  }),
  tokens: t.field({
    type: [TokenRef],
    authScopes: admin,
    description: 'The bearer tokens this server knows (names and roles).',
    resolve: (_root, _args, { tokens }) => tokens.list(),
  }),
  auditLog: t.connection(
    {
      type: AuditEntryRef,
      authScopes: admin,
      description:
        'The audit log, newest first; `action`, `who` and `outcome` keep only the entries that match exactly. `chain` says whether the log is as written, and where not.',
      args: { action: t.arg.string(), who: t.arg.string(), outcome: t.arg.string() },
      resolve: (_root, args, { audit }) => {
        const all = audit.all();
        const kept: AuditEntry[] = [];
        for (let i = all.length - 1; i >= 0; i--) {
          const e = all[i] as AuditEntry;
          if (args.action != null && e.action !== args.action) continue;
          if (args.who != null && e.who !== args.who) continue;
          if (args.outcome != null && e.outcome !== args.outcome) continue;
          kept.push(e);
        }
        return arrayConnection(args, kept);
      },
    },
    {
      fields: (c) => ({
        chain: c.field({
          type: AuditChainRef,
          description: 'Where the chain of hashes breaks: lines edited, deleted or added by hand.',
          resolve: (_connection, _args, { audit }) => audit.chain(),
        }),
      }),
    },
  ),
}));

builder.mutationFields((t) => ({
  createToken: t.field({
    type: NewTokenRef,
    authScopes: admin,
    description: 'Makes a bearer token with a role; its value is in the answer and nowhere else.',
    args: {
      name: t.arg.string({ required: true, description: 'Who holds it, e.g. 招商局-张三.' }),
      role: t.arg({ type: AccessRoleEnum, required: true }),
    },
    resolve: (_root, { name, role }, { tokens }) => {
      try {
        const token = tokens.create(name, role);
        return { name: name.trim(), role, token };
      } catch (e) {
        if (e instanceof TokenError) throw codedError('BAD_INPUT', e.message, { argument: 'name' });
        throw e;
      }
    },
  }),
  revokeToken: t.field({
    type: 'Boolean',
    authScopes: admin,
    description: 'Takes a token of the tokens file out: requests with it are refused from then on.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, { tokens }) => {
      try {
        if (!tokens.revoke(name)) throw notFound('token', name);
        return true;
      } catch (e) {
        if (e instanceof TokenError) throw codedError('BAD_INPUT', e.message, { argument: 'name' });
        throw e;
      }
    },
  }),
  recordExport: t.field({
    type: 'Boolean',
    authScopes: { analyst: true },
    description:
      "Records in the audit log that the caller exported a chain's candidates (the web app's CSV); refused below analyst, and the app exports nothing then.",
    args: {
      chain: t.arg.id({ required: true, description: 'The chain: global id or key.' }),
      format: t.arg.string({ required: true, description: 'e.g. csv.' }),
      rows: t.arg.int({ required: true, description: 'How many rows were exported.' }),
    },
    resolve: async (_root, args, { loaders }) => {
      const chain = keyOf('Chain', args.chain, 'chain');
      if (!(await loaders.chain.load(chain))) throw notFound('chain', chain);
      if (!/^[a-z]{1,10}$/.test(args.format)) {
        throw codedError(
          'BAD_INPUT',
          `Argument 'format' must be a short word such as csv; got ${JSON.stringify(args.format)}.`,
          {
            argument: 'format',
          },
        );
      }
      intInRange('rows', args.rows, 0, 1_000_000);
      return true;
    },
  }),
}));
