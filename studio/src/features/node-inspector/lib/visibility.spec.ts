import { askQuestionView, sendMessageView } from '../testFixtures';
import { asObject } from './schema';
import { isFieldVisible } from './visibility';

const props = (schema: Record<string, unknown>) => asObject(schema.properties as never)!;

describe('isFieldVisible', () => {
  const send = props(sendMessageView.configSchema);
  const visible = (name: string, config: Record<string, string>) => isFieldVisible(asObject(send[name])!, config, send);

  it('shows sendMessage’s fields for the kind chosen', () => {
    expect(visible('buttons', { kind: 'buttons' })).toBe(true);
    expect(visible('buttons', { kind: 'text' })).toBe(false);
    expect(visible('media', { kind: 'media' })).toBe(true);
    expect(visible('text', { kind: 'media' })).toBe(false);
    expect(visible('header', { kind: 'list' })).toBe(true);
    expect(visible('typingMs', { kind: 'media' })).toBe(true);
  });

  it('uses the sibling’s schema default while it is unset', () => {
    expect(visible('text', {})).toBe(true);
    expect(visible('buttons', {})).toBe(false);
    const ask = props(askQuestionView.configSchema);
    expect(isFieldVisible(asObject(ask.minLength)!, {}, ask)).toBe(true);
    expect(isFieldVisible(asObject(ask.choices)!, {}, ask)).toBe(false);
  });

  it('hides a field whose sibling has no value nor default', () => {
    expect(isFieldVisible({ 'x-fluxo': { visibleWhen: { field: 'mode', in: ['a'] } } }, {}, {})).toBe(false);
  });
});
