import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { inspectorPtBR } from '../../../shared/i18n/sections/inspector';
import { resetStores } from '../../../testing/renderRoute';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { configOf, graphNode, renderInspector } from '../renderInspector';

beforeEach(() => resetStores());

describe('NodeInspector', () => {
  it('shows the type, the description and an editable name; close deselects', async () => {
    const { user } = renderInspector([graphNode('msg', 'sendMessage', { kind: 'text', text: 'Oi' })], 'msg');
    const inspector = screen.getByTestId('inspector');
    expect(inspector).toHaveTextContent('Enviar mensagem');
    await user.type(screen.getByTestId('inspector-label'), 'Boas vindas');
    expect(screen.getByTestId('inspector-label')).toHaveValue('Boas vindas');
    expect(useEditorStore.getState().nodes[0]!.data.label).toBe('Boas vindas');
    await user.click(screen.getByTestId('inspector-close'));
    expect(useEditorStore.getState().nodes[0]!.selected).toBe(false);
  });

  it('saves every edit into the node config and drops an emptied optional field', async () => {
    const { user } = renderInspector([graphNode('msg', 'sendMessage', { kind: 'text', text: 'Oi' })], 'msg');
    const before = useEditorStore.getState().changeCount;
    await user.type(screen.getByTestId('input-text'), ' tudo bem?');
    expect(configOf('msg')).toEqual({ kind: 'text', text: 'Oi tudo bem?' });
    expect(useEditorStore.getState().changeCount).toBeGreaterThan(before);
    await user.clear(screen.getByTestId('input-typingMs'));
    await user.type(screen.getByTestId('input-typingMs'), '500');
    expect(configOf('msg')).toMatchObject({ typingMs: 500 });
    await user.clear(screen.getByTestId('input-typingMs'));
    expect(configOf('msg')).not.toHaveProperty('typingMs');
  });

  it('shows only the fields of the chosen kind (visibleWhen), keeping hidden values', async () => {
    const { user } = renderInspector([graphNode('msg', 'sendMessage', { text: 'Escolha', buttons: [{ id: 'sim', title: 'Sim' }] })], 'msg');
    expect(screen.queryByTestId('field-buttons')).not.toBeInTheDocument();
    expect(screen.queryByTestId('field-header')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-text')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('input-kind'), 'Botões');
    expect(screen.getByTestId('field-buttons')).toBeInTheDocument();
    expect(screen.getByTestId('field-header')).toBeInTheDocument();
    expect(screen.queryByTestId('field-media')).not.toBeInTheDocument();
    expect(screen.getByTestId('input-buttons.0.title')).toHaveValue('Sim');

    await user.selectOptions(screen.getByTestId('input-kind'), 'Mídia');
    expect(screen.queryByTestId('field-buttons')).not.toBeInTheDocument();
    expect(screen.queryByTestId('field-text')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-media.url')).toBeInTheDocument();
    expect(configOf('msg')).toMatchObject({ kind: 'media', buttons: [{ id: 'sim', title: 'Sim' }] });
  });

  it('adds a button with a fresh port id, reorders and removes buttons', async () => {
    const { user } = renderInspector([graphNode('msg', 'sendMessage', { kind: 'buttons', text: 'Escolha', buttons: [{ id: 'opcao_1', title: 'Sim' }] })], 'msg');
    await user.click(screen.getByTestId('list-add-buttons'));
    expect(configOf('msg')?.buttons).toEqual([{ id: 'opcao_1', title: 'Sim' }, { id: 'opcao_2' }]);
    await user.type(screen.getByTestId('input-buttons.1.title'), 'Não');
    await user.click(screen.getByTestId('list-up-buttons.1'));
    expect(configOf('msg')?.buttons).toEqual([{ id: 'opcao_2', title: 'Não' }, { id: 'opcao_1', title: 'Sim' }]);
    expect(screen.getByTestId('list-up-buttons.0')).toBeDisabled();
    await user.click(screen.getByTestId('list-remove-buttons.0'));
    expect(configOf('msg')?.buttons).toEqual([{ id: 'opcao_1', title: 'Sim' }]);
  });

  it('stops adding at maxItems and keeps minItems', async () => {
    const cases = Array.from({ length: 20 }, (_v, i) => ({ id: `caso_${i + 1}`, label: `C${i}`, value: `${i}` }));
    renderInspector([graphNode('sw', 'switch', { value: '{{ vars.plano }}', cases })], 'sw');
    expect(screen.getByTestId('list-add-cases')).toBeDisabled();
    // A store change outside React (another panel, undo): act lets React render it before the check.
    act(() => useEditorStore.getState().updateNodeConfig('sw', { value: 'x', cases: cases.slice(0, 1) }));
    await waitFor(() => expect(screen.getByTestId('list-remove-cases.0')).toBeDisabled());
  });

  it('shows inline validation under the field, and still saves the invalid value', async () => {
    const { user } = renderInspector([graphNode('ask', 'askQuestion', { question: 'Seu e-mail?', variable: 'email' })], 'ask');
    const input = screen.getByTestId('input-variable');
    await user.clear(input);
    await user.type(input, '1email');
    const error = screen.getByTestId('field-error-variable');
    expect(error).toHaveTextContent(inspectorPtBR['inspector.error.pattern']);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(configOf('ask')).toMatchObject({ variable: '1email' });

    await user.clear(screen.getByTestId('input-question'));
    expect(screen.getByTestId('field-error-question')).toHaveTextContent(inspectorPtBR['inspector.error.required']);
  });

  it('lists the server problems and puts each under its field', () => {
    renderInspector([graphNode('msg', 'sendMessage', { kind: 'buttons', text: 'Oi', buttons: [{ id: 'a', title: '' }] })], 'msg', {
      problems: [{ code: 'INVALID_CONFIG', severity: 'error', message: 'Too small', nodeId: 'msg', path: 'buttons.0.id' }],
    });
    expect(screen.getByTestId('inspector-problems')).toHaveTextContent('Botões 1 › Id');
    expect(screen.getByTestId('field-error-buttons.0.id')).toHaveTextContent('Botões 1 › Id');
    // The field's own rule comes first where it has one.
    expect(screen.getByTestId('field-error-buttons.0.title')).toHaveTextContent(inspectorPtBR['inspector.error.required']);
  });

  it('askQuestion shows choices only for choice answers, and number limits only for numbers', async () => {
    const { user } = renderInspector([graphNode('ask', 'askQuestion', { question: 'Quantos?', variable: 'qtd' })], 'ask');
    expect(screen.getByTestId('field-minLength')).toBeInTheDocument();
    expect(screen.queryByTestId('field-min')).not.toBeInTheDocument();
    expect(screen.queryByTestId('field-choices')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('input-answerType'), 'Número');
    expect(screen.getByTestId('field-min')).toBeInTheDocument();
    expect(screen.queryByTestId('field-minLength')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('input-answerType'), 'Escolha entre opções');
    await user.click(screen.getByTestId('list-add-choices'));
    expect(configOf('ask')?.choices).toEqual([{ id: 'opcao_1' }]);
  });

  it('offers {{ }} variables from upstream nodes and inserts the chosen one', async () => {
    const nodes = [graphNode('ask', 'askQuestion', { question: 'Nome?', variable: 'nome' }), graphNode('msg', 'sendMessage', { kind: 'text', text: '' })];
    const { user } = renderInspector(nodes, 'msg', {
      edges: [{ id: 'e1', source: 'ask', sourcePort: 'out', target: 'msg' }],
      variables: [{ name: 'cupom', type: 'string' }],
    });
    const input = screen.getByTestId('input-text');
    await user.type(input, 'Oi {{{{no');
    const list = screen.getByTestId('variable-suggestions');
    const items = within(list).getAllByTestId('variable-suggestion');
    expect(items.map((item) => item.dataset.path)).toContain('vars.nome');
    expect(items.find((item) => item.dataset.path === 'vars.nome')).toHaveTextContent('Fazer pergunta');
    expect(items.map((item) => item.dataset.path)).not.toContain('vars.cupom');
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(configOf('msg')?.text).toBe(`Oi {{ ${items[0]!.dataset.path} }}`);
    expect(screen.queryByTestId('variable-suggestions')).not.toBeInTheDocument();
  });

  it('opens the suggestions with Ctrl+Space and closes them with Escape', async () => {
    const { user } = renderInspector([graphNode('msg', 'sendMessage', { kind: 'text', text: 'Oi ' })], 'msg', { variables: [{ name: 'cupom', type: 'string' }] });
    const input = screen.getByTestId('input-text');
    await user.click(input);
    fireEvent.keyDown(input, { key: ' ', code: 'Space', ctrlKey: true });
    expect(within(screen.getByTestId('variable-suggestions')).getAllByTestId('variable-suggestion')[0]).toHaveAttribute('data-path', 'vars.cupom');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('variable-suggestions')).not.toBeInTheDocument();
    fireEvent.keyDown(input, { key: ' ', code: 'Space', ctrlKey: true });
    fireEvent.mouseDown(within(screen.getByTestId('variable-suggestions')).getAllByTestId('variable-suggestion')[0]!);
    expect(configOf('msg')?.text).toBe('Oi {{ vars.cupom }}');
  });

  it('picks the flow to jump to from the tenant’s flows', async () => {
    const flows = [
      { id: 'f1', name: 'Atendimento', revision: 1, publishedVersion: 1, createdAt: '', updatedAt: '', liveConversations: 0 },
      { id: 'f2', name: 'Pós-venda', revision: 1, publishedVersion: null, createdAt: '', updatedAt: '', liveConversations: 0 },
    ];
    const { user } = renderInspector([graphNode('jump', 'jumpToFlow', {})], 'jump', { flows });
    const select = screen.getByTestId('input-flowId');
    await waitFor(() => expect(select).toBeEnabled());
    await user.selectOptions(select, 'Pós-venda');
    expect(configOf('jump')).toEqual({ flowId: 'f2' });
    await user.click(screen.getByTestId('input-returnAfter'));
    expect(configOf('jump')).toEqual({ flowId: 'f2', returnAfter: true });
  });
});
