import { askQuestionView, businessHoursView, httpResponseView, jumpToFlowView, sendMessageView, setVariableView } from '../testFixtures';
import type { NodeTypeView } from '../../flow-editor/types';
import { fieldKindOf } from './fieldKind';
import { asObject } from './schema';

const property = (view: NodeTypeView, name: string) => asObject(asObject(view.configSchema.properties)?.[name])!;

describe('fieldKindOf', () => {
  it('reads the kinds of the built-in nodes’ fields', () => {
    expect(fieldKindOf(property(sendMessageView, 'kind'))).toBe('select');
    expect(fieldKindOf(property(sendMessageView, 'text'))).toBe('textarea');
    expect(fieldKindOf(property(sendMessageView, 'header'))).toBe('text');
    expect(fieldKindOf(property(sendMessageView, 'typingMs'))).toBe('number');
    expect(fieldKindOf(property(sendMessageView, 'buttons'))).toBe('list');
    expect(fieldKindOf(property(sendMessageView, 'media'))).toBe('object');
    expect(fieldKindOf(property(askQuestionView, 'variable'))).toBe('variable');
    expect(fieldKindOf(property(askQuestionView, 'retryMessage'))).toBe('textarea');
    expect(fieldKindOf(property(setVariableView, 'assignments'))).toBe('list');
    expect(fieldKindOf(property(businessHoursView, 'schedule'))).toBe('schedule');
    expect(fieldKindOf(property(businessHoursView, 'holidays'))).toBe('stringList');
    expect(fieldKindOf(property(jumpToFlowView, 'flowId'))).toBe('flow');
    expect(fieldKindOf(property(jumpToFlowView, 'returnAfter'))).toBe('toggle');
    expect(fieldKindOf(property(httpResponseView, 'headers'))).toBe('keyValue');
    expect(fieldKindOf(property(httpResponseView, 'body'))).toBe('code');
  });

  it('takes the widget of conditions and secrets, and a bare additionalProperties object as pairs', () => {
    expect(fieldKindOf({ type: 'object', properties: { rules: { type: 'array' } }, 'x-fluxo': { widget: 'conditions' } })).toBe('conditions');
    expect(fieldKindOf({ type: 'string', 'x-fluxo': { widget: 'secret' } })).toBe('secret');
    expect(fieldKindOf({ type: 'object', additionalProperties: { type: 'string' } })).toBe('keyValue');
    expect(fieldKindOf({ type: 'string', 'x-fluxo': { multiline: true } })).toBe('textarea');
  });

  it('falls back to JSON for shapes no component knows', () => {
    expect(fieldKindOf({})).toBe('json');
    expect(fieldKindOf({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBe('json');
    expect(fieldKindOf({ type: 'array', items: { type: 'array' } })).toBe('json');
    expect(fieldKindOf({ type: 'object' })).toBe('json');
  });
});
