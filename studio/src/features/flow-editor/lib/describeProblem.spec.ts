import { translate } from '../../../shared/i18n/translate';
import { catalogs } from '../../../shared/i18n/catalogs';
import type { FlowProblem } from '../types';
import { describeProblem, fieldTitle } from './describeProblem';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(catalogs['pt-BR'], key, params);
const problem = (partial: Partial<FlowProblem> & Pick<FlowProblem, 'code' | 'message'>): FlowProblem => ({ severity: 'error', ...partial });
const schema = { type: 'object', properties: { buttons: { type: 'array', title: 'Botões', items: { type: 'object', properties: { title: { type: 'string', title: 'Título' } } } } } };

describe('describeProblem', () => {
  it('speaks Portuguese for the codes it knows, with the quoted name or the field title', () => {
    expect(describeProblem(problem({ code: 'NO_TRIGGER', message: 'The flow has no trigger.' }), t)).toMatch(/não tem gatilho/);
    expect(describeProblem(problem({ code: 'UNCONNECTED_PORT', message: 'Port "invalid" is not connected.', nodeId: 'a' }), t)).toContain('“invalid”');
    expect(describeProblem(problem({ code: 'INVALID_CONFIG', message: 'must be string', nodeId: 'a', path: 'buttons.0.title' }), t, schema)).toContain('“Botões 1 › Título”');
    expect(describeProblem(problem({ code: 'INVALID_CONFIG', message: 'bad', nodeId: 'a' }), t)).toBe('A configuração deste bloco está incompleta.');
  });

  it("keeps the server's words when it cannot do better", () => {
    expect(describeProblem(problem({ code: 'UNCONNECTED_PORT', message: 'Port without a name.' }), t)).toBe('Port without a name.');
    expect(describeProblem(problem({ code: 'SOMETHING_NEW' as FlowProblem['code'], message: 'New check.' }), t)).toBe('New check.');
  });

  it('names a config path by its schema titles, raw segments where it has none', () => {
    expect(fieldTitle(schema, 'buttons.2.title')).toBe('Botões 3 › Título');
    expect(fieldTitle(undefined, 'text')).toBe('text');
  });
});
