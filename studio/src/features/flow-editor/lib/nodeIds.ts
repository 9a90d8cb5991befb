/** `fluxo.sendMessage` → `sendMessage`: the readable part of a type, for ids. */
function shortName(type: string): string {
  const last = type.split('.').pop() ?? type;
  return last.replace(/[^A-Za-z0-9_-]/g, '') || 'node';
}

const randomPart = () => Math.random().toString(36).slice(2, 6).padEnd(4, '0');

/** A short id (`sendMessage_k3f9`) that no node of the graph uses yet. */
export function newNodeId(type: string, taken: ReadonlySet<string>, random: () => string = randomPart): string {
  for (;;) {
    const id = `${shortName(type)}_${random()}`;
    if (!taken.has(id)) return id;
  }
}

/** An edge id unique in the graph: readable when free, suffixed otherwise. */
export function newEdgeId(source: string, port: string, target: string, taken: ReadonlySet<string>): string {
  const base = `${source}-${port}-${target}`.slice(0, 90);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
