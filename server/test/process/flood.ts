/**
 * A flood of GraphQL requests from another process, for the flood test and B14:
 *   node --import tsx server/test/process/flood.ts <url> <seconds> <local address> <connections> [same|varied]
 * Sends a gap report query over `connections` keep-alive connections from `local address` (any
 * 127.x.y.z works on Linux's loopback) as fast as the server answers, for `seconds`, then prints
 * the count of each HTTP status (and of connection errors) as one JSON line. `same` asks every
 * chain's default report (kept by the server after the first); `varied` asks each time with other
 * parameters (new work for the server: four parameter sets over every chain a request).
 */
import { Agent, request } from 'node:http';

const [url = '', seconds = '5', localAddress = '127.0.0.2', connections = '64', mode = 'same'] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: Number(connections), localAddress });
let sent = 0;
const bodyOf = () => {
  if (mode !== 'varied')
    return JSON.stringify({ query: '{ chains { nodes { gapReport { fill { segment { name } } } } } }' });
  const n = ++sent;
  const alias = (k: number) =>
    `r${k}: gapReport(minFirms: ${2 + ((n * 4 + k) % 50)}, minLocalSourcing: ${((n * 7 + k) % 97) / 100}) { fill { localCount } }`;
  return JSON.stringify({ query: `{ chains(first: 40) { nodes { ${[0, 1, 2, 3].map(alias).join(' ')} } } }` });
};
const counts: Record<string, number> = {};
const until = Date.now() + Number(seconds) * 1000;

function once(): Promise<void> {
  const body = bodyOf();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        counts[String(res.statusCode)] = (counts[String(res.statusCode)] ?? 0) + 1;
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', () => {
      counts.error = (counts.error ?? 0) + 1;
      resolve();
    });
    req.end(body);
  });
}

async function worker(): Promise<void> {
  while (Date.now() < until) await once();
}

await Promise.all(Array.from({ length: Number(connections) }, worker));
agent.destroy();
console.log(JSON.stringify(counts));
