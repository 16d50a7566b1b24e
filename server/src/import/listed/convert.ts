import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Segment } from '../../domain/model';
import { jsonLines } from '../../interchange/format';
import { pickAnchors } from './anchors';
import { type BuiltChain, buildChain, focusCode } from './chains';
import { type EnterpriseRow, readCompanies } from './companies';
import { readControls } from './holders';
import { readIndustries } from './industries';
import { ConvertError } from './lines';
import { memberships } from './members';
import { byText, fullProvince } from './names';
import type { OutputFile } from './output';
import { productRows, readFlows, readMakes } from './products';
import { Report } from './report';
import { inferSupplies } from './supplies';

export interface ConvertOptions {
  /** The folder of the chainkg files (or the folder holding it as raw/). */
  input: string;
  /** Focus industries (SW names or codes); the defaults when empty. */
  focus?: readonly string[];
  /** The folder of the top-10 holders files (stockHolder.csv). */
  holders?: string;
  /** The home province (湖北 or 湖北省): written as the data set's district. */
  homeProvince?: string;
}

/** Default focus industries: new energy (电池), semiconductors and electronics (电子), autos (汽车): docs/listed-data.md. */
export const DEFAULT_FOCUS = ['电池', '电子', '汽车'];

function sourceFolder(input: string): string {
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new ConvertError(input, 0, 'no such folder');
  return existsSync(join(input, 'raw', 'company.json')) ? join(input, 'raw') : input;
}

/** Converts the sources into the interchange files' text, by file name; reads all before returning. */
export async function convertListed(
  options: ConvertOptions,
): Promise<{ files: Map<OutputFile, string>; report: Report }> {
  const dir = sourceFolder(options.input);
  const home = options.homeProvince === undefined ? undefined : fullProvince(options.homeProvince);
  if (options.homeProvince !== undefined && !home)
    throw new ConvertError('--home-province', 0, `'${options.homeProvince}' is not a province-level name`);
  if (options.holders !== undefined && !existsSync(join(options.holders, 'stockHolder.csv')))
    throw new ConvertError(join(options.holders, 'stockHolder.csv'), 0, 'no such file');
  const report = new Report();
  const industries = await readIndustries(dir, report);
  const codes: string[] = [];
  for (const focus of options.focus?.length ? options.focus : DEFAULT_FOCUS) {
    const code = focusCode(industries, focus);
    if (!code) throw new ConvertError('--focus', 0, `'${focus}' is not an industry name or code of industry.json`);
    if (!codes.includes(code)) codes.push(code);
  }
  const enterprises = await readCompanies(dir, industries, report);
  for (const list of industries.members.values())
    for (const code of list.keys())
      if (!enterprises.has(code)) report.drop('company_industry.json', 'company not in company.json');
  const makes = await readMakes(dir, (code) => enterprises.has(code), report);
  const flows = await readFlows(dir, report);
  const supplies = inferSupplies(flows, makes, report);

  const chains: BuiltChain[] = codes.map((code) => buildChain(industries, code, report));
  const inSegment = [];
  const anchors = [];
  for (const built of chains) {
    const { rows, firms } = memberships(built, industries, enterprises, makes);
    inSegment.push(...rows);
    anchors.push(...pickAnchors(built, firms, supplies));
    const tiers: Record<string, number> = {};
    for (const s of built.segments) tiers[s.tier] = (tiers[s.tier] ?? 0) + 1;
    const members = new Set(rows.map((r) => r.enterpriseId)).size;
    report.chains.push({ id: built.chain.id, name: built.chain.name, segments: built.segments.length, tiers, members });
  }

  const all = new Map<string, EnterpriseRow>(enterprises);
  let controls: object[] | undefined;
  if (options.holders !== undefined) {
    const read = await readControls(options.holders, enterprises, report);
    for (const [id, row] of read.holders) all.set(id, row);
    controls = read.controls;
  }

  const files = new Map<OutputFile, string>();
  files.set('enterprises.jsonl', jsonLines([...all.keys()].sort(byText).map((id) => all.get(id) as EnterpriseRow)));
  files.set('chains.jsonl', jsonLines(chains.map((c) => c.chain)));
  files.set('segments.jsonl', jsonLines(chains.flatMap((c) => c.segments.map(segmentOut))));
  files.set('feeds.jsonl', jsonLines(chains.flatMap((c) => c.feeds)));
  files.set('in_segment.jsonl', jsonLines(inSegment));
  files.set('products.jsonl', jsonLines(productRows(makes, report)));
  files.set('supplies.jsonl', jsonLines(supplies));
  files.set('anchors.jsonl', jsonLines(anchors));
  if (controls) files.set('controls.jsonl', jsonLines(controls));
  if (home) files.set('district.jsonl', jsonLines([{ name: home, province: home }]));
  for (const [name, text] of files) report.written[name] = text === '' ? 0 : text.split('\n').length - 1;
  files.set('conversion-report.json', `${JSON.stringify(report, null, 2)}\n`);
  return { files, report };
}

/** A segment's fields in the format's order. */
function segmentOut(s: Segment): Segment {
  const { id, chainId, name, tier, order, parentId, products, keywords } = s;
  return {
    id,
    chainId,
    name,
    tier,
    order,
    ...(parentId ? { parentId } : {}),
    ...(products?.length ? { products } : {}),
    ...(keywords?.length ? { keywords } : {}),
  };
}
