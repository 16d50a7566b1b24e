import { parseArgs } from 'node:util';
import { convertListed, DEFAULT_FOCUS } from '../import/listed/convert';
import { ConvertError } from '../import/listed/lines';
import { writeOutput } from '../import/listed/output';

const USAGE = `usage: pnpm run convert:listed -- <chainkg folder> [--out DIR] [--focus 电池 --focus 半导体 …]
                                 [--holders <cn-top10-holders folder>] [--home-province 湖北]

Converts the chainkg listed-company graph into interchange files (default out: data/listed/).
Default focus industries: ${DEFAULT_FOCUS.join(', ')}. See docs/listed-data.md.`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`expected one folder of chainkg files, got ${positionals.length}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const out = values.out ?? 'data/listed';
  try {
    const { files, report } = await convertListed({
      input: positionals[0] as string,
      ...(values.focus ? { focus: values.focus } : {}),
      ...(values.holders ? { holders: values.holders } : {}),
      ...(values['home-province'] ? { homeProvince: values['home-province'] } : {}),
    });
    writeOutput(out, files);
    const seconds = (performance.now() - started) / 1e3;
    console.log(`wrote ${out}/ in ${seconds.toFixed(1)} s`);
    for (const [name, rows] of Object.entries(report.written)) console.log(`  ${name.padEnd(18)} ${rows}`);
    for (const c of report.chains) console.log(`  chain ${c.name}: ${c.segments} segments, ${c.members} firms`);
    const dropped = Object.values(report.dropped).reduce((a, b) => a + b, 0);
    console.log(`  dropped ${dropped} (by reason in ${out}/conversion-report.json)`);
    return 0;
  } catch (error) {
    if (error instanceof ConvertError) {
      console.error(`convert:listed: ${error.message}\nnothing was written`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      focus: { type: 'string', multiple: true },
      holders: { type: 'string' },
      'home-province': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
