import { z } from 'zod';
import { creditCodeProblem } from '../domain/credit-code';
import type { Dataset } from '../domain/model';
import { TIERS } from '../domain/model';

/**
 * The interchange format (docs/data-format.md): one JSON Lines file per kind of record,
 * each line one JSON object. The row schemas here are the single definition of the fields.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');
const id = z.string().trim().min(1, 'must not be empty');
const provenance = {
  source: z.string().min(1),
  confidence: z.number().min(0).max(1),
  verifiedAt: isoDate.optional(),
};

const enterprise = z.strictObject({
  id: id.superRefine((value, ctx) => {
    // An id of the credit code's length is taken to be one and must carry a correct check character.
    const problem = value.length === 18 ? creditCodeProblem(value) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: `unified social credit code ${problem}` });
  }),
  name: z.string().min(1),
  shortName: z.string().min(1),
  district: z.string().min(1),
  local: z.boolean(),
  park: z.string().optional(),
  status: z.string().min(1),
  foundedOn: isoDate.optional(),
  registeredCapital: z.number().nonnegative().optional(),
  employees: z.number().int().nonnegative().optional(),
  revenue: z.number().nonnegative().optional(),
  tags: z.array(z.string()),
});

export const ROW_SCHEMAS = {
  enterprises: enterprise,
  chains: z.strictObject({ id, name: z.string().min(1), description: z.string().optional() }),
  segments: z.strictObject({
    id,
    chainId: id,
    name: z.string().min(1),
    tier: z.enum(TIERS as [string, ...string[]]),
    order: z.number().int().positive(),
  }),
  leaders: z.strictObject({ id, name: z.string().min(1), title: z.string().min(1) }),
  controls: z.strictObject({
    from: id,
    to: id,
    share: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
    ...provenance,
  }),
  supplies: z.strictObject({
    from: id,
    to: id,
    product: z.string().min(1),
    annualValue: z.number().nonnegative().optional(),
    ...provenance,
  }),
  inSegment: z.strictObject({ enterpriseId: id, segmentId: id, ...provenance }),
  anchors: z.strictObject({ enterpriseId: id, chainId: id, ...provenance }),
  feeds: z.strictObject({ from: id, to: id }),
  leads: z.strictObject({ leaderId: id, chainId: id }),
} satisfies { [K in keyof Dataset]: z.ZodType };

export type Kind = keyof Dataset;

/** File name of each kind, in the order files are read and written (nodes before relationships). */
export const FILES: { readonly [K in Kind]: string } = {
  chains: 'chains.jsonl',
  segments: 'segments.jsonl',
  feeds: 'feeds.jsonl',
  leaders: 'leaders.jsonl',
  leads: 'leads.jsonl',
  enterprises: 'enterprises.jsonl',
  anchors: 'anchors.jsonl',
  inSegment: 'in_segment.jsonl',
  controls: 'controls.jsonl',
  supplies: 'supplies.jsonl',
};

export const KINDS = Object.keys(FILES) as Kind[];

/** The files of a data set, by file name, as JSON Lines (LF, one record a line, final newline). */
export function toJsonLines(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of KINDS) {
    const rows = dataset[kind] as readonly object[];
    files.set(FILES[kind], rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  }
  return files;
}
