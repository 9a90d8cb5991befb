import { fireEvent, screen, within } from '@testing-library/react';
import { resetStores } from '../../../testing/renderRoute';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { configOf, graphNode, renderInspector } from '../renderInspector';
import { nodeType } from '../moreNodeTypes.fixture';

beforeEach(() => resetStores());

describe('field kinds', () => {
  it('keywords are a list of text inputs shown only in keyword mode', async () => {
    const { user } = renderInspector([graphNode('start', 'messageTrigger', { mode: 'any' })], 'start');
    expect(screen.queryByTestId('field-keywords')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('input-mode'), 'Palavras-chave');
    expect(screen.queryByTestId('field-pattern')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('list-add-keywords'));
    await user.type(screen.getByTestId('input-keywords.0'), 'oi');
    expect(configOf('start')).toEqual({ mode: 'keywords', keywords: ['oi'] });
    await user.selectOptions(screen.getByTestId('input-mode'), 'Expressão regular');
    expect(screen.getByTestId('input-pattern').tagName).toBe('TEXTAREA');
  });

  it('conditions render the combinator select and a list of rules', async () => {
    const { user } = renderInspector([graphNode('if', 'condition', { conditions: { rules: [{ left: '{{ vars.total }}', operator: 'greaterThan', right: '100' }] } })], 'if');
    expect(screen.getByTestId('input-conditions.combinator')).toHaveDisplayValue('Todas as regras');
    expect(screen.getByTestId('input-conditions.rules.0.operator')).toHaveDisplayValue('é maior que');
    await user.click(screen.getByTestId('list-add-conditions.rules'));
    await user.selectOptions(screen.getByTestId('input-conditions.rules.1.operator'), 'está vazio');
    expect(configOf('if')).toEqual({
      conditions: { rules: [{ left: '{{ vars.total }}', operator: 'greaterThan', right: '100' }, { operator: 'isEmpty' }] },
    });
  });

  it('the business-hours schedule is a list of day/open/close rows checked by their patterns', async () => {
    const { user } = renderInspector([graphNode('hours', 'businessHours', { schedule: [{ day: 'mon', open: '09:00', close: '18:00' }] })], 'hours');
    const open = screen.getByTestId('input-schedule.0.open');
    await user.clear(open);
    await user.type(open, '9h');
    expect(screen.getByTestId('field-error-schedule.0.open')).toBeInTheDocument();
    expect(configOf('hours')).toEqual({ schedule: [{ day: 'mon', open: '9h', close: '18:00' }] });
    expect(screen.getByTestId('list-remove-schedule.0')).toBeDisabled();
  });

  it('headers are name/value pairs', async () => {
    const { user } = renderInspector([graphNode('reply', 'httpResponse', { status: 200 })], 'reply');
    await user.click(screen.getByTestId('list-add-headers'));
    expect(screen.getByTestId('list-add-headers')).toBeDisabled();
    await user.type(screen.getByTestId('input-headers.0.key'), 'X-Id');
    expect(configOf('reply')).toEqual({ status: 200, headers: { 'X-Id': '' } });
    await user.type(screen.getByTestId('input-headers.X-Id'), '7');
    expect(configOf('reply')).toEqual({ status: 200, headers: { 'X-Id': '7' } });
    await user.click(screen.getByTestId('list-remove-headers.0'));
    expect(configOf('reply')).toEqual({ status: 200 });
  });

  it('a secret is a password input, a path is checked by its pattern', async () => {
    const { user } = renderInspector([graphNode('hook', 'httpTrigger', { path: 'pedidos', secretName: 'loja' })], 'hook');
    expect(screen.getByTestId('input-secretName')).toHaveAttribute('type', 'password');
    await user.clear(screen.getByTestId('input-path'));
    await user.type(screen.getByTestId('input-path'), 'Pedidos');
    expect(screen.getByTestId('field-error-path')).toBeInTheDocument();
  });

  it('a number out of range says so', async () => {
    const { user } = renderInspector([graphNode('reply', 'httpResponse', {})], 'reply');
    const status = screen.getByTestId('input-status');
    await user.type(status, '99');
    expect(screen.getByTestId('field-error-status')).toHaveTextContent('100');
  });

  it('an unknown shape falls back to JSON, shows parse errors and saves once it parses', () => {
    const custom = { ...nodeType('jumpToFlow'), type: 'acme.custom', configSchema: { type: 'object', properties: { extra: { title: 'Extra', anyOf: [{ type: 'string' }, { type: 'number' }] } } } };
    renderInspector([{ ...graphNode('x', 'jumpToFlow'), type: 'acme.custom' }], 'x', { views: [custom] });
    const input = screen.getByTestId('input-extra');
    fireEvent.change(input, { target: { value: '{ broken' } });
    expect(within(screen.getByTestId('field-extra')).getByText(/JSON/)).toBeInTheDocument();
    expect(useEditorStore.getState().nodes[0]!.data.config).toEqual({});
    fireEvent.change(input, { target: { value: '42' } });
    expect(configOf('x')).toEqual({ extra: 42 });
  });

  it('a node whose type this server does not know keeps its config untouched', () => {
    renderInspector([{ ...graphNode('x', 'jumpToFlow'), type: 'acme.gone' }], 'x');
    expect(screen.getByTestId('inspector')).toHaveTextContent('acme.gone');
    expect(screen.queryByTestId('field-flowId')).not.toBeInTheDocument();
  });
});
