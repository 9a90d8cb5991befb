import { askQuestionType, businessHoursType, messageTriggerType, sendMessageType, setVariableType, switchType } from '../testFixtures';
import type { JsonObject } from '../types';
import { isTriggerType, portsOf } from './nodePorts';

const ids = (ports: Array<{ id: string }>) => ports.map((port) => port.id);

describe('portsOf', () => {
  it('gives the static ports of a node whose ports do not depend on config', () => {
    expect(portsOf(businessHoursType, {})).toEqual(businessHoursType.ports);
    expect(ids(portsOf(setVariableType, { assignments: [] }))).toEqual(['out', 'error']);
  });

  it('gives one port per button of a send-message, then "other"', () => {
    const config: JsonObject = { kind: 'buttons', text: 'Escolha', buttons: [{ id: 'pix', title: 'Pix' }, { id: 'cartao', title: 'Cartão' }, { title: 'sem id ainda' }] };
    expect(portsOf(sendMessageType, config)).toEqual([
      { id: 'pix', label: 'Pix' },
      { id: 'cartao', label: 'Cartão' },
      { id: 'other', label: 'Outra resposta' },
    ]);
    expect(ids(portsOf(sendMessageType, { kind: 'list', list: { sections: [{ rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'b', title: 'B' }] }] } }))).toEqual(['a', 'b', 'other']);
    expect(ids(portsOf(sendMessageType, { kind: 'text', text: 'oi' }))).toEqual(['out']);
  });

  it('gives one port per choice of an ask-question, plus invalid and (with a timeout) timeout', () => {
    expect(ids(portsOf(askQuestionType, { answerType: 'choice', choices: [{ id: 'sim', title: 'Sim' }, { id: 'nao', title: 'Não' }] }))).toEqual(['sim', 'nao', 'invalid']);
    expect(ids(portsOf(askQuestionType, { answerType: 'text', timeoutMinutes: 10 }))).toEqual(['out', 'invalid', 'timeout']);
  });

  it('gives one port per switch case, then default', () => {
    const config = { value: '{{ vars.plano }}', cases: [{ id: 'ouro', label: 'Plano ouro', value: 'ouro' }] };
    expect(portsOf(switchType, config)).toEqual([
      { id: 'ouro', label: 'Plano ouro' },
      { id: 'default', label: 'Nenhum caso' },
    ]);
  });

  it('adds the error port last when the type has one, and falls back to static ports for unknown derivations', () => {
    const custom = { ...switchType, type: 'acme.router', errorPort: true, ports: [{ id: 'x', label: 'X' }, { id: 'error', label: 'Error' }] };
    expect(ids(portsOf(custom, { anything: 1 }))).toEqual(['x', 'error']);
    expect(ids(portsOf({ ...switchType, errorPort: true }, { cases: [{ id: 'a', label: 'A' }] }))).toEqual(['a', 'default', 'error']);
  });
});

describe('isTriggerType', () => {
  it('knows triggers by flag, category or name', () => {
    expect(isTriggerType(messageTriggerType)).toBe(true);
    expect(isTriggerType({ type: 'acme.webhookTrigger', category: 'tools' })).toBe(true);
    expect(isTriggerType({ type: 'acme.start', category: 'triggers' })).toBe(true);
    expect(isTriggerType(sendMessageType)).toBe(false);
  });
});
