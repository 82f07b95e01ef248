/**
 * Summarises a CDP CPU profile (browser.ts --cpu-profile=FILE): self and total time per function,
 * heaviest first, so the work between unlock and Vandaag can be read without DevTools.
 *   npx tsx scripts/bench/profile-top.ts .tmp/bench/coldstart.cpuprofile [N]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file = '.tmp/bench/coldstart.cpuprofile', n = '40'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const nameOf = (node: ProfileNode) => {
  const f = node.callFrame;
  const file = f.url.split('/').pop() ?? '';
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  all += dt;
  const node = byId.get(id);
  if (!node) return;
  self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const at = byId.get(cur);
    if (!at) break;
    const name = nameOf(at);
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + dt);
  }
});
const top = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(n))
    .map(([name, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${name}`)
    .join('\n');
console.log(`profile: ${all.toFixed(0)} ms sampled\n\nself time:\n${top(self)}\n\ntotal time:\n${top(total)}`);
