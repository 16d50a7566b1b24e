import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { capDetail } from '../audit/detail';
import { atLeast, isRole, type Role } from '../auth/roles';
import { log } from '../platform/log';
import type { Context } from './context';
import { codedError, codeOf as errorCode } from './errors';

/** The longest text of an argument kept in an entry; longer ones are cut (a log is no store). */
const MAX_TEXT = 500;

/**
 * Every mutation in the audit log, recorded by the field itself as it runs — however the
 * operation names it (an alias, a fragment, a batch), and only if it runs (not when skipped, nor
 * when the operation is refused before execution). Before the field does anything, an entry says
 * who asks for what, from where, synced to disk: if that cannot be written, the field is refused
 * (UNAVAILABLE) and nothing is done. When it ends, a second entry gives the outcome — `ok`, or the
 * code that refused or failed it (FORBIDDEN, BAD_INPUT, …). An entry still `started` when read
 * means the process stopped in between: the write may or may not have happened.
 *
 * A caller whose role the field does not allow is refused before the field does anything: that
 * gets one short line (who, from where, which field, why — never the arguments), and only for the
 * first few of a caller's refusals a minute; the others are counted, and summed up in one line
 * (AuditLog.refused). A flood of refused mutations thus writes a few lines a minute, not its
 * arguments twice over with a disk sync each.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const resolve = field.resolve as GraphQLFieldResolver<unknown, Context> | undefined;
    if (!resolve) continue;
    const needed = roleNeeded(field);
    field.resolve = async (root, args: Record<string, unknown>, context: Context, info) => {
      if (needed && !atLeast(context.caller.role, needed))
        return refused(field.name, resolve, root, args, context, info);
      const clipped = clip(args) as Record<string, unknown>;
      const detail = capDetail(clipped, byteLength(args));
      let started: string;
      try {
        started = context.audit.record({
          who: context.caller.name,
          role: context.caller.role,
          action: field.name,
          target: targetOf(clipped),
          detail,
          from: context.from,
          ...(context.requestId ? { requestId: context.requestId } : {}),
          outcome: 'started',
        }).id;
      } catch (e) {
        log().error({ err: e }, 'the audit log cannot be written');
        throw codedError('UNAVAILABLE', `${field.name} was not done: the audit log cannot be written.`);
      }
      const end = (outcome: string) => {
        try {
          context.audit.end(started, outcome);
        } catch (e) {
          // what was done is done: the entry stays `started`, and the server's log says why
          log().error({ err: e, entry: started, outcome }, 'the outcome of a mutation could not be audited');
        }
      };
      try {
        const result = await resolve(root, args, context, info);
        end('ok');
        return result;
      } catch (e) {
        end(errorCode(e) ?? 'INTERNAL');
        throw e;
      }
    };
  }
  return schema;
}

/**
 * A field the caller's role does not allow: the schema's rule refuses it (FORBIDDEN) before its
 * resolver does anything, and the refusal gets a short line, rate-limited per caller.
 */
async function refused(
  name: string,
  resolve: GraphQLFieldResolver<unknown, Context>,
  ...[root, args, context, info]: Parameters<GraphQLFieldResolver<unknown, Context>>
): Promise<unknown> {
  const actor = {
    who: context.caller.name,
    role: context.caller.role,
    from: context.from,
    ...(context.requestId ? { requestId: context.requestId } : {}),
  };
  let result: unknown;
  try {
    result = await resolve(root, args, context, info);
  } catch (e) {
    try {
      context.audit.refused(actor, name, errorCode(e) ?? 'INTERNAL');
    } catch (err) {
      // refused all the same: nothing was done
      log().error({ err, action: name }, 'a refused mutation could not be audited');
    }
    throw e;
  }
  // the schema let it run after all (its rule is no longer the role this read): say so, loudly
  log().error({ action: name }, 'a mutation ran that its role rule should have refused; recorded after the fact');
  context.audit.record({
    ...actor,
    action: name,
    target: '',
    detail: capDetail(clip(args) as Record<string, unknown>),
    outcome: 'ok',
  });
  return result;
}

/** The role a field's rule asks for (`authScopes: { editor: true }`), when it asks for exactly one. */
export function roleNeeded(field: GraphQLField<unknown, unknown>): Role | undefined {
  const scopes = (field.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;
  if (!scopes || typeof scopes !== 'object') return undefined;
  const roles = Object.entries(scopes).filter(([, on]) => on === true);
  const [role] = roles[0] ?? [];
  return roles.length === 1 && role && isRole(role) ? role : undefined;
}

const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** Arguments with every text cut to MAX_TEXT characters and lists to 50 items. */
function clip(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) return value.slice(0, 50).map(clip);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clip(v)]));
  return value;
}

/** What a mutation acted on, in words, from its usual arguments. */
function targetOf(detail: Record<string, unknown>): string {
  const input = (detail.input ?? {}) as Record<string, unknown>;
  if (input.kind && input.from && input.to) return `${input.kind} ${input.from} → ${input.to}`;
  const named = detail.id ?? input.id ?? detail.chain ?? detail.name;
  return named == null ? '' : String(named);
}
