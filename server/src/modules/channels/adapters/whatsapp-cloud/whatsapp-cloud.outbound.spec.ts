import type { SendRequest } from '../channel-adapter';
import { buildMessageBody } from './whatsapp-cloud.outbound';

function body(message: SendRequest['message'], extra: Partial<SendRequest> = {}) {
  return buildMessageBody({ to: '5511999990001', message, idempotencyKey: 'k-1', ...extra });
}

describe('buildMessageBody', () => {
  it('leaves out an empty header, absent footers, section titles and row descriptions', () => {
    expect(body({ kind: 'buttons', text: 'Sim?', header: '', buttons: [{ id: 'y', title: 'Sim' }] })).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5511999990001',
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Sim?' }, action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Sim' } }] } },
      biz_opaque_callback_data: 'k-1',
    });
    expect(body({ kind: 'list', text: 'Escolha', buttonLabel: 'Opções', footer: 'Clínica', sections: [{ rows: [{ id: 'a', title: 'A' }] }] })).toMatchObject({
      interactive: { type: 'list', body: { text: 'Escolha' }, footer: { text: 'Clínica' }, action: { button: 'Opções', sections: [{ rows: [{ id: 'a', title: 'A' }] }] } },
    });
  });

  it('keeps insertion order for named template variables (integer-like keys come first, ascending)', () => {
    const result = body({ kind: 'template', name: 't', language: 'pt_BR', variables: { nome: 'Carlos', '2': 'segundo', data: '14/05', '1': 'primeiro' } });
    expect((result!.template as { components: Array<{ parameters: Array<{ text: string }> }> }).components[0]!.parameters.map((parameter) => parameter.text)).toEqual(['primeiro', 'segundo', 'Carlos', '14/05']);
  });

  it('puts no context or callback data on the typing call, and no location fields it lacks', () => {
    expect(body({ kind: 'typing', on: true }, { replyToExternalMessageId: 'wamid.IN' })).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN', typing_indicator: { type: 'text' } });
    expect(body({ kind: 'typing', on: true })).toBeUndefined();
    expect(body({ kind: 'location', lat: 0, lng: 0 })).toMatchObject({ type: 'location', location: { latitude: 0, longitude: 0 } });
    expect(Object.keys(body({ kind: 'location', lat: 0, lng: 0 })!.location as object)).toEqual(['latitude', 'longitude']);
  });

  it('never puts a file name on anything but a document', () => {
    expect(body({ kind: 'media', mediaType: 'image', url: 'https://cdn.example/a.png', fileName: 'a.png' })).toMatchObject({ type: 'image', image: { link: 'https://cdn.example/a.png' } });
    expect((body({ kind: 'media', mediaType: 'image', url: 'https://cdn.example/a.png', fileName: 'a.png' })!.image as object)).not.toHaveProperty('filename');
  });
});
