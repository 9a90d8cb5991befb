/**
 * A realistic large flow for the canvas benchmark: one trigger, then rounds of
 * question → buttons menu → condition → messages, laid out left to right the way a tenant draws
 * them. Every config is valid, so the flow saves without problems and the editor opens it as is.
 */
type Node = { id: string; type: string; typeVersion: number; position: { x: number; y: number }; label?: string; config: Record<string, unknown> };
type Edge = { id: string; source: string; sourcePort: string; target: string };

const COLUMN = 300;
const ROW = 180;

export function largeFlowGraph(nodeCount = 300): { schemaVersion: 1; nodes: Node[]; edges: Edge[]; variables: [] } {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  const add = (node: Omit<Node, 'typeVersion'>) => nodes.push({ typeVersion: 1, ...node });
  const link = (source: string, sourcePort: string, target: string) => edges.push({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target });

  add({ id: 'inicio', type: 'fluxo.messageTrigger', position: { x: 0, y: 0 }, label: 'Início', config: { mode: 'any' } });
  let previous = { id: 'inicio', port: 'out' };
  let round = 0;
  // Each round adds 5 nodes in 4 columns; rounds go on in rows of 4 so the flow is wide and tall.
  while (nodes.length + 5 <= nodeCount) {
    const row = Math.floor(round / 4);
    const x = ((round % 4) * 4 + 1) * COLUMN;
    const y = row * ROW * 3;
    const r = `r${round}`;
    add({ id: `${r}_nome`, type: 'fluxo.askQuestion', position: { x, y }, label: `Nome ${round}`, config: { question: `Qual é o seu nome? (${round})`, answerType: 'text', variable: `nome_${round}`, maxRetries: 2 } });
    add({
      id: `${r}_menu`, type: 'fluxo.sendMessage', position: { x: x + COLUMN, y }, label: `Menu ${round}`,
      config: { kind: 'buttons', text: `{{ vars.nome_${round} }}, como posso ajudar?`, buttons: [{ id: 'sim', title: 'Agendar' }, { id: 'nao', title: 'Preços' }] },
    });
    add({
      id: `${r}_cond`, type: 'fluxo.condition', position: { x: x + 2 * COLUMN, y }, label: `Cliente? ${round}`,
      config: { conditions: { combinator: 'all', rules: [{ left: `{{ vars.nome_${round} }}`, operator: 'isNotEmpty' }] } },
    });
    add({ id: `${r}_ok`, type: 'fluxo.sendMessage', position: { x: x + 3 * COLUMN, y: y - ROW / 2 }, label: `Confirmado ${round}`, config: { kind: 'text', text: 'Tudo certo, até logo!' } });
    add({ id: `${r}_nao`, type: 'fluxo.sendMessage', position: { x: x + 3 * COLUMN, y: y + ROW / 2 }, label: `Preços ${round}`, config: { kind: 'text', text: 'Consulta: R$ 150,00.' } });
    link(previous.id, previous.port, `${r}_nome`);
    link(`${r}_nome`, 'out', `${r}_menu`);
    link(`${r}_menu`, 'sim', `${r}_cond`);
    link(`${r}_menu`, 'nao', `${r}_nao`);
    link(`${r}_menu`, 'other', `${r}_nao`);
    link(`${r}_cond`, 'true', `${r}_ok`);
    link(`${r}_cond`, 'false', `${r}_nao`);
    link(`${r}_nome`, 'invalid', `${r}_nao`);
    previous = { id: `${r}_ok`, port: 'out' };
    round += 1;
  }
  while (nodes.length < nodeCount) {
    const index = nodes.length;
    add({ id: `extra_${index}`, type: 'fluxo.sendMessage', position: { x: (index % 10) * COLUMN, y: -ROW * 2 }, config: { kind: 'text', text: `Mensagem ${index}` } });
    link(previous.id, previous.port, `extra_${index}`);
    previous = { id: `extra_${index}`, port: 'out' };
  }
  return { schemaVersion: 1, nodes, edges, variables: [] };
}
