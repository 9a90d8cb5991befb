/**
 * A name for a flow created in one click: "Novo fluxo", or "Novo fluxo (2)", "(3)"… when taken, the
 * way the server names imported copies, so that every row stays tellable apart until renamed.
 */
export function newFlowName(base: string, existing: ReadonlyArray<{ name: string }>): string {
  const taken = new Set(existing.map((flow) => flow.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}
