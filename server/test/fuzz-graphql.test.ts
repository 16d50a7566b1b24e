import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  typeFromAST,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/auth/roles';
import { hashToken, TokenBook } from '../src/auth/tokens';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import type { Dataset } from '../src/domain/model';
import { encodeId } from '../src/graphql/global-id';
import { schema } from '../src/graphql/schema/index';
import { readPersistedOperations } from '../src/graphql/use-persisted';
import { createChainAtlasYoga } from '../src/graphql/yoga';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR, PERSISTED_OPERATIONS_FILE } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import { relationId } from '../src/store/port';
import { tempDir } from './support/cli';
import { TOKENS } from './support/helpers';

/**
 * Bad input fuzzing of the API (issue 8): every argument of every field, inline and as variables,
 * any value of any type, and garbage requests. Whatever comes in, the answer is never a 5xx, and
 * every error carries a code a client can act on: one of the documented codes (docs: errors.ts),
 * or GraphQL's own for a request it cannot parse, validate or coerce. Never INTERNAL.
 */
const SEED = 8_05;
const run = (numRuns: number) => ({ seed: SEED, numRuns, timeout: 20_000 });

/** The codes the API documents (server/src/domain/errors.ts). */
const DOCUMENTED = ['NOT_FOUND', 'BAD_INPUT', 'FORBIDDEN', 'TOO_COMPLEX', 'TIMEOUT', 'UNAVAILABLE', 'RATE_LIMITED'];
/**
 * GraphQL Yoga's codes for requests it refuses itself: not parseable, not valid against the schema,
 * not a GraphQL request over HTTP, no such operation in the document.
 */
const GRAPHQL_OWN = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
];
/**
 * The errors that come without a code, and only they: graphql-js's for a variable it cannot coerce,
 * and yoga's for a multipart request (file upload) without a readable `operations` or `map` field.
 */
const UNCODED = [
  /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /,
  /^Missing multipart form field "operations"$/,
  /^Multipart form field "(operations|map)" must be (a string|a valid JSON string)$/,
];

// ---------------------------------------------------------------------------------------------
// The demo data, its keys, and an API over a throw-away copy

let demo: Dataset;
const keys = {
  enterprises: [] as string[],
  chains: [] as string[],
  segments: [] as string[],
  leaders: [] as string[],
  relations: [] as string[],
  roots: [] as string[],
  /** Enterprises working in the chain `at.chain`. */
  chainFirms: [] as string[],
  /** Four of them, local ones first, that edge-value curations change again and again. */
  focus: [] as string[],
};
/** The enterprise, chain, segment and system root the fields of those types are asked on. */
const at = { enterprise: '', chain: '', segment: '', root: '' };
const tokensDir = tempDir('chain-atlas-fuzz-tokens-');

/** A token book with a test token for each role, and a tokens file of its own (createToken writes there). */
const tokenBook = (n: number) =>
  new TokenBook(
    ROLES.map((role) => ({ name: `${role}-tester`, role, sha256: hashToken(TOKENS[role]) })),
    'viewer',
    join(tokensDir, `tokens-${n}.json`),
  );

let books = 0;
/** An API over its own copy of the demo data: what its mutations change goes nowhere. */
function freshApi() {
  const store = new MemoryStore(structuredClone(demo));
  return createChainAtlasYoga(store, { tokens: tokenBook(books++), trustedDocuments: false });
}

let shared: ReturnType<typeof freshApi>;

beforeAll(async () => {
  demo = await readDataset([DEMO_DATA_DIR]);
  // the enterprises with most relationships first: their fields have something to page through
  const degree = new Map<string, number>();
  for (const r of [...demo.controls, ...demo.supplies])
    for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  keys.enterprises = [...degree.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([id]) => id);
  keys.chains = demo.chains.map((c) => c.id);
  at.chain = demo.anchors[0]?.chainId ?? (keys.chains[0] as string);
  // the segments of that chain first (whatIf takes only those), then some of others
  keys.segments = [
    ...demo.segments.filter((s) => s.chainId === at.chain),
    ...demo.segments.filter((s) => s.chainId !== at.chain).slice(0, 8),
  ].map((s) => s.id);
  const inChain = new Set(keys.segments.slice(0, demo.segments.filter((s) => s.chainId === at.chain).length));
  keys.chainFirms = [
    ...new Set(demo.inSegment.filter((m) => inChain.has(m.segmentId)).map((m) => m.enterpriseId)),
  ].slice(0, 12);
  const local = new Set(demo.enterprises.filter((e) => e.local).map((e) => e.id));
  keys.focus = [
    ...keys.chainFirms.filter((id) => local.has(id)).slice(0, 2),
    ...keys.chainFirms.filter((id) => !local.has(id)).slice(0, 2),
  ];
  keys.leaders = demo.leaders.map((l) => l.id);
  keys.relations = [
    ...demo.controls.slice(0, 5).map((r) => relationId({ kind: 'CONTROLS', from: r.from, to: r.to })),
    ...demo.supplies
      .slice(0, 5)
      .map((r) => relationId({ kind: 'SUPPLIES', from: r.from, to: r.to, product: r.product })),
  ];
  const parents = new Set(demo.controls.map((c) => c.to));
  keys.roots = [...new Set(demo.controls.map((c) => c.from))].filter((id) => !parents.has(id)).slice(0, 5);
  at.enterprise = keys.enterprises[0] as string;
  at.segment = demo.segments.find((s) => s.chainId === at.chain)?.id as string;
  at.root = keys.roots[0] as string;
  shared = freshApi();
});

afterAll(() => rmSync(tokensDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// Values for arguments, by their GraphQL type

/** A number as written: 1e309, -0 and 2147483648 say things JSON.stringify cannot. */
class Raw {
  constructor(readonly text: string) {}
  [fc.toStringMethod]() {
    return this.text;
  }
}
/** An enum value: bare inline, a string in variables. */
class EnumName {
  constructor(readonly name: string) {}
  [fc.toStringMethod]() {
    return this.name;
  }
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,12}$/;

const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: loneSurrogate, maxLength: 3 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uFEFF',
      '"',
      '\\',
      '%',
      '_',
      '*',
      '.*',
      '(',
      '[',
      '$',
      '{}',
      '__proto__',
      'constructor',
      'toString',
      'null',
      'undefined',
      'NaN',
      '1e309',
      '-0',
      '2020-02-30',
      '2015年3月2日',
      '上游',
      '物流',
      '湖北',
      '𠀀',
      '\u202e',
      '👨‍👩‍👧',
      'CONTROLS:a>b',
      'SUPPLIES:a>b:c',
      'Enterprise:',
      'arrayconnection:-1',
      'arrayconnection:1e3',
      'YXJyYXljb25uZWN0aW9uOi0x',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(101), 'x'.repeat(201), '中'.repeat(5_000), 'a'.repeat(100_000)) },
);

/** ids: keys and global ids of each kind, other types' ids, broken base64, any text, numbers. */
function idArb(): fc.Arbitrary<unknown> {
  const all = () => [...keys.enterprises, ...keys.chains, ...keys.segments, ...keys.leaders];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...all()) },
    {
      weight: 4,
      arbitrary: fc.oneof(
        fc.constantFrom(...keys.enterprises).map((k) => encodeId('Enterprise', k)),
        fc.constantFrom(...keys.chains).map((k) => encodeId('Chain', k)),
        fc.constantFrom(...keys.segments).map((k) => encodeId('Segment', k)),
        fc.constantFrom(...keys.leaders).map((k) => encodeId('Leader', k)),
        fc.constantFrom(...keys.roots).map((k) => encodeId('EnterpriseSystem', k)),
        fc.constantFrom(...keys.relations).map((k) => encodeId('Relation', k)),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.constantFrom(
              'Enterprise',
              'Chain',
              'Segment',
              'Leader',
              'EnterpriseSystem',
              'Relation',
              'Query',
              'Node',
            ),
            fc.stringMatching(/^[A-Z][A-Za-z]{0,10}$/),
          ),
          anyText,
        )
        .map(([type, key]) => encodeId(type, key)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64')) },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(new Raw('12345678901234567890'))) },
  );
}

const intArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 5000, 5001, 100, 101, 10, 11) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('2147483648', '-2147483649', '9007199254740993', '1e3', '1.5', '-0', '1e309')
      .map((t) => new Raw(t)),
  },
);

const floatArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.double({ min: -2, max: 200, noNaN: true }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(0, -0, 1, 0.5, 51, 100, 100.0001, 1e-7, 5e-324, 1e15, 1e308, 1.7976931348623157e308),
  },
  { weight: 1, arbitrary: fc.constantFrom('1e309', '-1e309', '1e-400', '-0', '0.0').map((t) => new Raw(t)) },
);

/** A value of any type at all: what a client sends where something else is expected. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.stringMatching(NAME).map((n) => new EnumName(n)),
  fc.array(fc.oneof(fc.integer(), anyText), { maxLength: 3 }),
  fc.dictionary(fc.stringMatching(NAME), fc.oneof(fc.integer(), anyText), { maxKeys: 3 }),
);

/**
 * Values a field of this name takes in the domain (ids of the right kind, dates, shares, amounts, and
 * their edges), by the name of the argument or input field.
 */
function hint(name: string): fc.Arbitrary<unknown> | undefined {
  const date = fc.oneof(
    fc.constantFrom('2015-03-02', '2015/3/2', '2015年3月2日', '43240', '2024-02-29', '0001-01-01', '9999-12-31'),
    fc.constantFrom('2023-02-29', '2020-13-01', '0000-01-01', 'yesterday'),
  );
  const amount = fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
    { weight: 2, arbitrary: fc.constantFrom(1e15, 1e300, 1e308, 1.7976931348623157e308, -1, 0, -0, 5e-324) },
    { weight: 1, arbitrary: fc.constantFrom('1e309', '-1e309').map((t) => new Raw(t)) },
  );
  const text = fc.oneof(
    fc.constantFrom('武汉测试供应链管理有限公司', '测试', '江汉区', '存续', '钢材', '物流园', 'registry'),
    anyText,
  );
  const hints: Record<string, fc.Arbitrary<unknown>> = {
    id: fc.oneof(newCode, idArb()),
    from: fc.constantFrom(...keys.enterprises),
    to: fc.constantFrom(...keys.enterprises, ...keys.segments, ...keys.chains),
    chainId: fc.oneof(fc.constant(at.chain), fc.constantFrom(...keys.chains)),
    chain: fc.constantFrom(...keys.chains),
    segmentId: fc.constantFrom(...keys.segments),
    segmentIds: fc.array(fc.constantFrom(...keys.segments.slice(0, 6)), { minLength: 1, maxLength: 3 }),
    suppliesTo: fc.array(fc.constantFrom(...keys.chainFirms), { maxLength: 3 }),
    suppliedBy: fc.array(fc.constantFrom(...keys.chainFirms), { maxLength: 3 }),
    rootId: fc.constantFrom(...keys.roots),
    name: text,
    shortName: text,
    district: text,
    status: text,
    park: text,
    product: fc.oneof(fc.constantFrom('钢材', '冷链运输'), text),
    source: text,
    tags: fc.array(text, { maxLength: 3 }),
    foundedOn: date,
    verifiedAt: date,
    share: fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 1, max: 100, noNaN: true }),
      fc.constantFrom(0, 1, 100, 100.0000001, 1e-7, 5e-324, 1e308),
    ),
    confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1.5, -0.1)),
    revenue: amount,
    registeredCapital: amount,
    annualValue: amount,
    employees: fc.oneof(fc.nat(10_000), fc.constantFrom(0, 2 ** 31 - 1)),
    minCover: fc.integer({ min: 0, max: 4 }),
    minFirms: fc.integer({ min: 0, max: 6 }),
    depth: fc.integer({ min: 0, max: 11 }),
    limit: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(5000, 5001)),
    maxHops: fc.integer({ min: 0, max: 7 }),
    minLocalSourcing: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, -0, 5e-324)),
    first: fc.integer({ min: 0, max: 100 }),
    last: fc.integer({ min: 0, max: 100 }),
    // cursors as the API gives them out (base64 of arrayconnection:n), some past the end
    after: fc.integer({ min: -1, max: 400 }).map((n) => Buffer.from(`arrayconnection:${n}`).toString('base64')),
    before: fc.integer({ min: -1, max: 400 }).map((n) => Buffer.from(`arrayconnection:${n}`).toString('base64')),
    query: fc.constantFrom('物流', '有限公司', '武汉', 'a', '9142', '%', ''),
    rows: fc.oneof(fc.nat(1_000_000), fc.constantFrom(0, -1, 1_000_001)),
    format: fc.constantFrom('csv', 'xlsx', 'CSV', ''),
  };
  return hints[name];
}

/** A credit code no enterprise of the demo has: createEnterprise takes it. */
const newCode = fc
  .stringMatching(/^[1-9][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/)
  .map((first17) => first17 + creditCodeCheckChar(first17));

const arbs = new Map<string, fc.Arbitrary<unknown>>();

/**
 * How far a request strays: `valid`, values the domain takes (to get past the checks and reach what
 * is behind them); `tame`, any value of the right type; `wild`, anything (null where a value is
 * required, another type, unknown input fields, variables of another type or not given).
 */
type Level = 'valid' | 'tame' | 'wild';

/** A value for an argument or input field of `type`, at a level. */
function valueArb(type: GraphQLInputType, level: Level, name = '', depth = 0): fc.Arbitrary<unknown> {
  const key = `${String(type)}|${level}|${name}`;
  const cached = arbs.get(key);
  if (cached) return cached;
  let made = typedArb(type, level, name, depth);
  if (level === 'wild') made = fc.oneof({ weight: 8, arbitrary: made }, { weight: 1, arbitrary: wrongValue });
  arbs.set(key, made);
  return made;
}

function typedArb(type: GraphQLInputType, level: Level, name: string, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = innerArb(type.ofType, level, name, depth);
    return level === 'wild' ? fc.oneof({ weight: 20, arbitrary: inner }, fc.constant(null)) : inner;
  }
  return fc.oneof(
    { weight: 6, arbitrary: innerArb(type, level, name, depth) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function innerArb(type: GraphQLInputType, level: Level, name: string, depth: number): fc.Arbitrary<unknown> {
  const domain = isInputObjectType(type) ? undefined : hint(name);
  const generic = genericArb(type, level, depth);
  if (!domain) return generic;
  return level === 'valid' ? domain : fc.oneof({ weight: 3, arbitrary: domain }, generic);
}

function genericArb(type: GraphQLInputType, level: Level, depth: number): fc.Arbitrary<unknown> {
  const wild = level === 'wild';
  if (isListType(type)) {
    const item = valueArb(type.ofType as GraphQLInputType, level, '', depth + 1);
    if (level === 'valid') return fc.array(item, { minLength: 1, maxLength: 3 });
    if (level === 'tame')
      return fc.oneof({ weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) }, fc.constant([]));
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 2, arbitrary: item }, // one item where a list is expected: GraphQL makes it a list
      { weight: 1, arbitrary: fc.array(item, { minLength: 95, maxLength: 110 }) },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, valueArb(f.type, level, f.name, depth + 1)]));
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    const known = fc.oneof(
      { weight: 3, arbitrary: fc.record(model, { requiredKeys: required }) },
      { weight: wild ? 1 : 0, arbitrary: fc.record(model) },
    );
    const extra = wild
      ? fc.option(fc.dictionary(fc.stringMatching(NAME), wrongValue, { minKeys: 1, maxKeys: 2 }), { freq: 3 })
      : fc.constant(null);
    // a relationship's key: often one the demo data has, so that updates and removals find it
    const real = 'kind' in type.getFields() && 'from' in type.getFields() && !wild;
    return fc
      .tuple(known, extra, real ? fc.option(fc.constantFrom(...relationshipKeys()), { freq: 2 }) : fc.constant(null))
      .map(([k, e, r]) => ({ ...k, ...(e ?? {}), ...(r ?? {}) }));
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    const good = fc.constantFrom(...names).map((n) => new EnumName(n));
    if (!wild) return good;
    return fc.oneof(
      { weight: 4, arbitrary: good },
      { weight: 1, arbitrary: fc.constantFrom(...names) }, // a string: right in variables, wrong inline
      { weight: 1, arbitrary: fc.stringMatching(NAME).map((n) => new EnumName(n)) },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idArb();
      case 'String':
        return fc.oneof({ weight: 2, arbitrary: anyText }, { weight: 1, arbitrary: idArb() });
      case 'Int':
        if (level === 'valid') return fc.integer({ min: 0, max: 100 });
        return wild ? intArb : fc.oneof(fc.integer({ min: -3, max: 120 }), fc.integer());
      case 'Float':
        return level === 'valid' ? fc.double({ min: 0, max: 1e6, noNaN: true }) : floatArb;
      case 'Boolean':
        return fc.boolean();
    }
  }
  return wrongValue;
}

/** The keys of relationships the demo data has, as a mutation's input names them. */
function relationshipKeys(): Record<string, unknown>[] {
  return [
    ...demo.controls.slice(0, 10).map((r) => ({ kind: new EnumName('CONTROLS'), from: r.from, to: r.to })),
    ...demo.supplies
      .slice(0, 10)
      .map((r) => ({ kind: new EnumName('SUPPLIES'), from: r.from, to: r.to, product: r.product })),
    ...demo.inSegment
      .slice(0, 5)
      .map((r) => ({ kind: new EnumName('IN_SEGMENT'), from: r.enterpriseId, to: r.segmentId })),
    ...demo.anchors.slice(0, 5).map((r) => ({ kind: new EnumName('ANCHORS'), from: r.enterpriseId, to: r.chainId })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Requests: a field with arguments, each inline or as a variable

/** GraphQL value literal. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Raw) return v.text;
  if (v instanceof EnumName) return v.name;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  return `{${Object.entries(v as object)
    .map(([k, x]) => `${k}: ${literal(x)}`)
    .join(', ')}}`;
}

/** JSON text, with the numbers JSON.stringify would change written as they are. */
function json(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Raw) return v.text;
  if (v instanceof EnumName) return JSON.stringify(v.name);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(json).join(',')}]`;
  return `{${Object.entries(v as object)
    .map(([k, x]) => `${JSON.stringify(k)}:${json(x)}`)
    .join(',')}}`;
}

type Mode = 'inline' | 'variable' | 'wrong-type' | 'missing';
interface ArgChoice {
  arg: GraphQLArgument;
  value: unknown;
  mode: Mode;
}

const tameMode = fc.constantFrom<Mode>('inline', 'variable');
const wildMode = fc.constantFrom<Mode>('inline', 'variable', 'wrong-type', 'missing');
const WRONG_TYPES = ['String', 'Int', 'Float', 'Boolean', 'ID', 'ID!', '[String]', 'Tier', 'Nothing', '[[Int!]!]'];

/** The arguments of a field: each given or not, inline or a variable (of its type or another). */
function argsArb(field: GraphQLField<unknown, unknown>, level: Level): fc.Arbitrary<ArgChoice[]> {
  const wild = level === 'wild';
  return fc
    .tuple(
      ...field.args.map((arg) => {
        const given = fc
          .record({ value: valueArb(arg.type, level, arg.name), mode: wild ? wildMode : tameMode })
          .map(({ value, mode }): ArgChoice | null => ({ arg, value, mode }));
        if (!isNonNullType(arg.type)) return fc.option(given, { freq: 2 });
        return wild ? fc.option(given, { freq: 20 }) : given;
      }),
    )
    .map((choices) => choices.filter((c): c is ArgChoice => c !== null));
}

/** The argument text of a field, the variable definitions it needs, and the variables' JSON. */
function render(choices: ArgChoice[], wrongType: string, prefix = 'v') {
  const args: string[] = [];
  const defs: string[] = [];
  const vars: string[] = [];
  choices.forEach(({ arg, value, mode }, i) => {
    if (mode === 'inline') {
      args.push(`${arg.name}: ${literal(value)}`);
      return;
    }
    const name = `${prefix}${i}`;
    args.push(`${arg.name}: $${name}`);
    defs.push(`$${name}: ${mode === 'wrong-type' ? wrongType : String(arg.type)}`);
    if (mode !== 'missing') vars.push(`${JSON.stringify(name)}:${json(value)}`);
  });
  return { args: args.length ? `(${args.join(', ')})` : '', defs, vars };
}

/** Fields a selection may hold: none with a required argument. */
const selectable = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((f) =>
    f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
  );

const selections = new Map<string, fc.Arbitrary<string>>();

/** What to ask of a field's answer: some of its fields, two levels down. */
function selectionArb(type: GraphQLOutputType, depth = 0): fc.Arbitrary<string> {
  const named = getNamedType(type);
  if (isLeafType(named)) return fc.constant('');
  const key = `${named.name}:${depth}`;
  const cached = selections.get(key);
  if (cached) return cached;
  let made: fc.Arbitrary<string>;
  if (isAbstractType(named)) {
    const types = schema.getPossibleTypes(named);
    made = fc
      .subarray(types as GraphQLObjectType[], { maxLength: 3 })
      .chain((ts) =>
        ts.length === 0
          ? fc.constant([] as string[])
          : fc.tuple(...ts.map((t) => selectionArb(t, depth).map((s) => `... on ${t.name} ${s}`))),
      )
      .map((parts) => `{ __typename ${parts.join(' ')} }`);
  } else if (isObjectType(named)) {
    const fields = selectable(named).filter((f) => depth < 2 || isLeafType(getNamedType(f.type)));
    made =
      fields.length === 0
        ? fc.constant('{ __typename }')
        : fc
            .subarray(fields, { minLength: 1, maxLength: Math.min(6, fields.length) })
            .chain((fs) =>
              fc.tuple(...fs.map((f) => selectionArb(f.type, depth + 1).map((s) => `${f.name} ${s}`.trim()))),
            )
            .map((parts) => `{ ${parts.join(' ')} }`);
  } else made = fc.constant('{ __typename }');
  selections.set(key, made);
  return made;
}

/** How to reach an object of each type whose fields take arguments. */
const PARENTS: Record<string, () => [string, string]> = {
  Query: () => ['', ''],
  Mutation: () => ['', ''],
  Enterprise: () => [`enterprise(id: ${JSON.stringify(at.enterprise)}) {`, '}'],
  Chain: () => [`chain(id: ${JSON.stringify(at.chain)}) {`, '}'],
  Segment: () => [`segment(id: ${JSON.stringify(at.segment)}) {`, '}'],
  EnterpriseSystem: () => [`system(rootId: ${JSON.stringify(at.root)}) {`, '}'],
  SegmentNeed: () => [`chain(id: ${JSON.stringify(at.chain)}) { gapReport { segments {`, '} } }'],
  Sourcing: () => [`chain(id: ${JSON.stringify(at.chain)}) { gapReport { sourcing {`, '} } }'],
  Chokepoints: () => [`chain(id: ${JSON.stringify(at.chain)}) { gapReport { chokepoints {`, '} } }'],
  Centrality: () => [`chain(id: ${JSON.stringify(at.chain)}) { gapReport { centrality {`, '} } }'],
};

interface Target {
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

/** Every field of the schema that takes arguments. */
function targets(): Target[] {
  return Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'))
    .flatMap((type) =>
      Object.values(type.getFields()).flatMap((field) => (field.args.length ? [{ type, field }] : [])),
    );
}

interface Request {
  query: string;
  variables: string;
  role: keyof typeof TOKENS | undefined;
  what: string;
}

/** A request on one field: its arguments fuzzed, its answer selected at random. */
function requestArb(target: Target, role: fc.Arbitrary<Request['role']>): fc.Arbitrary<Request> {
  const { type, field } = target;
  const operation = type.name === 'Mutation' ? 'mutation' : 'query';
  return fc
    .record({
      choices: fc.oneof(
        { weight: 2, arbitrary: argsArb(field, 'valid') },
        { weight: 2, arbitrary: argsArb(field, 'tame') },
        { weight: 1, arbitrary: argsArb(field, 'wild') },
      ),
      selection: selectionArb(field.type),
      wrongType: fc.constantFrom(...WRONG_TYPES),
      role,
      typename: fc.boolean(),
    })
    .map(({ choices, selection, wrongType, role, typename }) => {
      const [open, close] = (PARENTS[type.name] as () => [string, string])();
      const { args, defs, vars } = render(choices, wrongType);
      const head = defs.length ? `${operation}(${defs.join(', ')})` : operation;
      const query = `${head} { ${open} ${typename ? '__typename ' : ''}${field.name}${args} ${selection} ${close} }`;
      return { query, variables: `{${vars.join(',')}}`, role, what: `${type.name}.${field.name}` };
    });
}

// ---------------------------------------------------------------------------------------------
// The property: no 5xx, and every error coded

interface Answer {
  status: number;
  body: string;
  results: { data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] }[];
}

async function send(
  api: ReturnType<typeof freshApi>,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string> },
  url = 'http://yoga/graphql',
): Promise<Answer> {
  const response = await api.fetch(url, init);
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  let results: Answer['results'] = [];
  if (/json/.test(type) && body !== '') {
    const parsed = JSON.parse(body) as Answer['results'] | Answer['results'][number];
    results = Array.isArray(parsed) ? parsed : [parsed];
  } else if (/event-stream/.test(type)) {
    results = body
      .split('\n')
      .filter((l) => l.startsWith('data:') && l.length > 5)
      .map((l) => JSON.parse(l.slice(5)));
  } else if (/multipart\/mixed/.test(type)) {
    results = [...body.matchAll(/\r\n\r\n(\{.*\})\r\n/g)].map((m) => JSON.parse(m[1] as string));
  }
  return { status: response.status, body, results };
}

/** Posts a GraphQL request as JSON, with a role's token or none. */
function post(api: ReturnType<typeof freshApi>, r: Pick<Request, 'query' | 'variables' | 'role'>) {
  return send(api, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(r.role ? { authorization: `Bearer ${TOKENS[r.role]}` } : {}),
    },
    body: `{"query":${JSON.stringify(r.query)},"variables":${r.variables}}`,
  });
}

/** The property itself: not a server error, and nothing but coded errors a client can act on. */
function expectCoded(answer: Answer, what: string): void {
  const show = () => `${what}\n→ ${answer.status} ${answer.body.slice(0, 1500)}`;
  if (answer.status >= 500) throw new Error(`a server error: ${show()}`);
  for (const result of answer.results) {
    if (result === null || typeof result !== 'object') throw new Error(`not a GraphQL result: ${show()}`);
    for (const error of result.errors ?? []) {
      const code = error.extensions?.code;
      if (code === undefined) {
        if (!UNCODED.some((m) => m.test(error.message))) throw new Error(`an error without a code: ${show()}`);
      } else if (typeof code !== 'string' || ![...DOCUMENTED, ...GRAPHQL_OWN].includes(code)) {
        throw new Error(`an error coded ${String(code)}: ${show()}`);
      }
      if (error.message === 'Unexpected error.') throw new Error(`a masked error: ${show()}`);
    }
  }
}

const roleArb = fc.constantFrom<Request['role']>(undefined, 'viewer', 'analyst', 'editor', 'admin', 'admin');

describe('GraphQL arguments', () => {
  it('reaches every field that takes arguments', () => {
    const unreachable = targets()
      .map((t) => t.type.name)
      .filter((name) => !(name in PARENTS));
    // a new type with arguments: say in PARENTS how a query reaches one
    expect([...new Set(unreachable)]).toEqual([]);
  });

  it('answer any value of any argument of any query field with data or coded errors, never a 5xx', async () => {
    const queries = targets().filter((t) => t.type.name !== 'Mutation');
    const request = fc.constantFrom(...queries).chain((t) => requestArb(t, roleArb));
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        expectCoded(await post(shared, r), `${r.what} as ${r.role ?? 'anonymous'}:\n${r.query}\n${r.variables}`);
      }),
      run(350),
    );
  });

  it('answer mutations with any input, and the graph they leave, with data or coded errors', async () => {
    const mutations = targets().filter((t) => t.type.name === 'Mutation');
    const request = fc.constantFrom(...mutations).chain((t) => requestArb(t, fc.constantFrom('admin', 'editor')));
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 4 }), async (requests) => {
        await expectSequenceCoded(requests);
      }),
      run(30),
    );
  });

  it('take edge values in every field of a curation, and leave a graph whose every figure can be answered', async () => {
    // a few enterprises of one chain, changed again and again: sums, shares and scores over what was written
    const firm = fc.constantFrom(...keys.focus);
    const edge = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(0, -0, 5e-324, 1e-7, 0.5, 1, 51, 100, 1e15, 2 ** 53 - 1, 2 ** 53) },
      { weight: 2, arbitrary: fc.constantFrom(1e308, Number.MAX_VALUE) },
    );
    const int = fc.constantFrom(0, 1, 2 ** 31 - 1, -1);
    const as = (name: string, value: Record<string, unknown>, inline: boolean) => {
      const input = inline ? literal(value) : '$input';
      return {
        query: `mutation${inline ? '' : `($input: ${name}!)`} { ${mutationOf[name]}(input: ${input}) { __typename } }`,
        variables: inline ? '{}' : `{"input":${json(value)}}`,
        role: 'admin' as const,
      };
    };
    const mutationOf: Record<string, string> = {
      AddRelationshipInput: 'addRelationship',
      CreateEnterpriseInput: 'createEnterprise',
    };
    const supply = fc
      .record({
        from: firm,
        to: firm,
        product: fc.constantFrom('钢材', '冷链运输'),
        annualValue: edge,
        inline: fc.boolean(),
      })
      .map(({ inline, ...r }) => as('AddRelationshipInput', { kind: new EnumName('SUPPLIES'), ...r }, inline));
    const change = fc.oneof(
      { weight: 3, arbitrary: supply },
      fc
        .record({ from: firm, to: firm, share: edge, confidence: edge, inline: fc.boolean() })
        .map(({ inline, ...r }) => as('AddRelationshipInput', { kind: new EnumName('CONTROLS'), ...r }, inline)),
      fc
        .record({ id: firm, revenue: edge, registeredCapital: edge, employees: int, inline: fc.boolean() })
        .map(({ id, inline, ...input }) => ({
          query: `mutation${inline ? '' : '($input: UpdateEnterpriseInput!)'} { updateEnterprise(id: ${JSON.stringify(id)}, input: ${inline ? literal(input) : '$input'}) { changed } }`,
          variables: inline ? '{}' : `{"input":${json(input)}}`,
          role: 'admin' as const,
        })),
      fc
        .record({
          id: newCode,
          revenue: edge,
          local: fc.boolean(),
          segment: fc.constantFrom(...keys.segments.slice(0, 4)),
        })
        .map(({ id, revenue, local, segment }) => ({
          query: `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed }
            addRelationship(input: {kind: IN_SEGMENT, from: ${JSON.stringify(id)}, to: ${JSON.stringify(segment)}}) { changed } }`,
          variables: `{"input":${json({ id, name: '测试企业', shortName: '测试', district: '江汉区', local, status: '存续', revenue })}}`,
          role: 'admin' as const,
        })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        await expectSequenceCoded(changes, [at.chain]);
      }),
      run(25),
    );
  });
});

describe('the web app’s persisted operations', () => {
  it('answer any variables with data or coded errors', async () => {
    const operations = [...readPersistedOperations(PERSISTED_OPERATIONS_FILE)];
    if (operations.length === 0) return; // no web app built beside this server
    const request = fc.constantFrom(...operations).chain(([hash, text]) => {
      const definition = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const variables = (definition?.kind === Kind.OPERATION_DEFINITION ? definition.variableDefinitions : []) ?? [];
      const level = fc.constantFrom<Level>('valid', 'tame', 'wild');
      return fc.tuple(level, roleArb).chain(([l, role]) =>
        fc
          .tuple(
            ...variables.map((v) =>
              fc.option(
                valueArb(typeFromAST(schema, v.type) as GraphQLInputType, l, v.variable.name.value).map(
                  (value) => `${JSON.stringify(v.variable.name.value)}:${json(value)}`,
                ),
                { freq: l === 'wild' ? 8 : Number.MAX_SAFE_INTEGER },
              ),
            ),
          )
          .map((given) => ({ hash, text, role, variables: `{${given.filter(Boolean).join(',')}}` })),
      );
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ hash, text, role, variables }) => {
        const answer = await send(freshApiOnce(), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(role ? { authorization: `Bearer ${TOKENS[role]}` } : {}),
          },
          body: `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${hash}"}},"variables":${variables}}`,
        });
        expectCoded(answer, `${text.split('\n')[0]} as ${role ?? 'anonymous'}\n${variables}`);
      }),
      run(100),
    );
  });
});

/** One API over a copy of the demo data for the persisted operations (some of them mutate). */
let persistedApi: ReturnType<typeof freshApi> | undefined;
const freshApiOnce = () => {
  persistedApi ??= freshApi();
  return persistedApi;
};

/** Runs requests one after another on a fresh copy of the demo data, then reads back what they touched. */
async function expectSequenceCoded(
  requests: Pick<Request, 'query' | 'variables' | 'role'>[],
  alsoChains: string[] = [],
): Promise<void> {
  const api = freshApi();
  const done: string[] = [];
  for (const r of requests) {
    expectCoded(await post(api, r), `${[...done, r.query].join('\n')}\n${r.variables}`);
    done.push(`${r.query} ${r.variables}`);
  }
  const text = requests.map((r) => `${r.query}${r.variables}`).join('\n');
  const touched = keysIn(text).slice(0, 6);
  // the chains they work in, and those the requests name
  const chainOf = new Map(demo.segments.map((g) => [g.id, g.chainId]));
  const chains = new Set([...alsoChains, ...keys.chains.filter((c) => text.includes(`"${c}"`))]);
  for (const m of demo.inSegment) if (touched.includes(m.enterpriseId)) chains.add(chainOf.get(m.segmentId) ?? '');
  for (const g of keys.segments) if (text.includes(`"${g}"`)) chains.add(chainOf.get(g) ?? '');
  chains.delete('');
  const query = readBack(touched, [...chains].slice(0, 4));
  expectCoded(await post(api, { query, variables: '{}', role: 'admin' }), `after:\n${done.join('\n')}`);
}

/** Every figure of the chains and enterprises a change touched that sums or multiplies what it wrote. */
function readBack(ids: string[], chains: string[]): string {
  const chainFields = `key localCount outsideCount gapReport { minLocalSourcing
    sourcing { overall { links localLinks byCount value localValue byValue } byAnchor { rate { value byValue } } }
    segments { need localCount sourcing { value localValue byValue byCount }
      candidates(first: 3) { nodes { score terms { value points } } } } }`;
  const enterpriseFields = `key name revenue registeredCapital employees foundedOn tags role
    suppliers(first: 100) { totalCount edges { annualValue product provenance { source confidence verifiedAt } } }
    parents(first: 100) { totalCount edges { share effectiveShare level } }
    subsidiaries(first: 100, depth: 10) { edges { share effectiveShare level } }
    ultimateController { effectiveShare } system { directCount affiliateCount }`;
  return `{ ${chains.map((id, i) => `c${i}: chain(id: ${JSON.stringify(id)}) { ${chainFields} }`).join('\n')}
    ${ids.map((id, i) => `e${i}: enterprise(id: ${JSON.stringify(id)}) { ${enterpriseFields} }`).join('\n')} }`;
}

/** The enterprise keys a request names, plainly or in global ids. */
function keysIn(text: string): string[] {
  const found = new Set<string>();
  for (const key of keys.enterprises)
    if (text.includes(key) || text.includes(encodeId('Enterprise', key))) found.add(key);
  for (const m of text.matchAll(/\b\d{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g)) found.add(m[0]);
  return [...found];
}

// ---------------------------------------------------------------------------------------------
// Garbage requests

describe('garbage requests', () => {
  const goodQuery = fc.constantFrom(
    '{ chains { totalCount } }',
    'query Q { chains { totalCount } }',
    'mutation { removeRelationship(input: {kind: CONTROLS, from: "a", to: "b"}) { changed } }',
    'subscription { chains { totalCount } }',
    '{ __schema { queryType { name } } }',
    '{ __type(name: "Enterprise") { name } }',
    '{ enterprise(id: "x") { key } }',
  );
  const body = fc.oneof(
    anyText,
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.json({ maxDepth: 3 }),
    fc
      .record(
        {
          query: fc.oneof(goodQuery, anyText, fc.jsonValue({ maxDepth: 2 })),
          variables: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))),
          operationName: fc.oneof(fc.constantFrom('Q', 'X', ''), fc.jsonValue({ maxDepth: 1 })),
          extensions: fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.record({
              persistedQuery: fc.oneof(
                fc.record({
                  version: fc.jsonValue({ maxDepth: 0 }),
                  sha256Hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{0,64}$/), anyText),
                }),
                fc.jsonValue({ maxDepth: 1 }),
              ),
            }),
          ),
        },
        { requiredKeys: [] },
      )
      .chain((op) => fc.oneof(fc.constant(JSON.stringify(op)), fc.constant(JSON.stringify([op, op])))),
    fc.array(fc.record({ query: goodQuery }), { minLength: 0, maxLength: 12 }).map((ops) => JSON.stringify(ops)),
    newCode.map((c) => `{"query": "{ enterprise(id: \\"${c}\\") { key } }"}`),
    fc.constantFrom(
      '{"query": "{ chains { totalCount } }", "variables": {"a": 1e309}}',
      '{"query": "query($a: Float) { chains { totalCount } }", "variables": {"a": 1e309}}',
      '{"query": "{ chains { totalCount } }"',
      '{"query": "{ chains { totalCount } }"}{"query": "x"}',
      `{"query": "${'{ chains '.repeat(2000)}"}`,
      `[${'['.repeat(10000)}${']'.repeat(10000)}]`,
      '{"query": "\\u0000"}',
      '\uFEFF{"query": "{ chains { totalCount } }"}',
    ),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=gb18030',
    'application/graphql+json',
    'application/graphql-response+json',
    'application/graphql',
    'text/plain',
    'text/html',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    '',
    '*/*',
    'application/json, text/plain',
    ';;;',
  );
  const accept = fc.constantFrom(
    undefined,
    'application/json',
    'application/graphql-response+json',
    'text/event-stream',
    'multipart/mixed',
    'text/html',
    'image/png',
    '*/*',
    '',
  );
  const authorization = fc.oneof(
    fc.constantFrom(
      undefined,
      'Bearer test-admin',
      'Bearer test-viewer',
      'Bearer',
      'Bearer  ',
      'Basic abc',
      'bearer x y',
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => `Bearer ${s}`),
  );

  /** A multipart request, as a file upload would send it: `operations` and `map` any text or JSON. */
  const multipart = fc
    .record(
      {
        operations: fc.oneof(
          anyText,
          fc.json({ maxDepth: 2 }),
          goodQuery.map((query) => JSON.stringify({ query })),
        ),
        map: fc.oneof(
          anyText,
          fc.json({ maxDepth: 2 }),
          fc.constantFrom('{"0": ["variables.file"]}', '{"0": ["__proto__.polluted"]}', '{"0": ["a.b.c"]}'),
        ),
        '0': fc.oneof(anyText, fc.constant(new Blob(['x'], { type: 'text/plain' }))),
      },
      { requiredKeys: [] },
    )
    .map((fields) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return form;
    });

  it('answer any body, content type, method and headers without a 5xx, and with coded errors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        fc.oneof({ weight: 6, arbitrary: body }, { weight: 1, arbitrary: multipart }),
        contentType,
        accept,
        authorization,
        fc.oneof(
          fc.constant(''),
          fc.dictionary(fc.constantFrom('query', 'variables', 'operationName', 'extensions', 'x'), anyText).map((q) => {
            const params = new URLSearchParams();
            for (const [k, v] of Object.entries(q)) params.set(k, v.replace(/[\uD800-\uDFFF]/g, ''));
            return `?${params}`;
          }),
          fc.constant('?query=%7Bchains%7BtotalCount%7D%7D'),
          fc.constant('?query=%E4%B8'),
        ),
        async (method, content, type, acceptHeader, auth, search) => {
          const headers: Record<string, string> = {
            ...(type ? { 'content-type': type } : {}),
            ...(acceptHeader !== undefined ? { accept: acceptHeader } : {}),
            ...(auth !== undefined ? { authorization: auth } : {}),
          };
          const init = { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: content }) };
          if (content instanceof FormData) delete headers['content-type']; // fetch writes it, with the boundary
          const what = `${method} ${search} ${JSON.stringify(headers)}\n${describeBody(content)}`;
          expectCoded(await send(shared, init, `http://yoga/graphql${search}`), what);
        },
      ),
      run(250),
    );
  });
});

function describeBody(content: unknown): string {
  if (content instanceof FormData)
    return `form ${JSON.stringify([...content.entries()].map(([k, v]) => [k, String(v)]))}`;
  if (content instanceof Uint8Array) return `bytes ${Buffer.from(content).toString('hex').slice(0, 400)}`;
  return String(content).slice(0, 500);
}
