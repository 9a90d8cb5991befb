/** The contacts' words: merging the same person's contacts from two channels. */
export const contactsPtBR = {
  'contacts.merge.open': 'Mesclar contato',
  'contacts.merge.title': 'Mesclar com {name}',
  'contacts.merge.body': 'A mesma pessoa falou com você por outro canal? Escolha o outro contato: ele passa a fazer parte deste. Cada conversa continua no seu canal, e os dados da pessoa ficam num lugar só (o que este contato já tem vale mais).',
  'contacts.merge.search': 'Buscar por nome ou telefone',
  'contacts.merge.pick': 'Contato a mesclar',
  'contacts.merge.none': 'Nenhum outro contato encontrado.',
  'contacts.merge.confirm': 'Mesclar',
  'contacts.merge.done': '{name} agora faz parte deste contato.',
  'contacts.conversations': '{count, plural, one {# conversa} other {# conversas}}',
  'errors.MERGE_INTO_ITSELF': 'Escolha outro contato: um contato não pode ser mesclado com ele mesmo.',
  'errors.CONTACT_ALREADY_MERGED': 'Este contato já foi mesclado com outro. Atualize a página e tente de novo.',
} as const;

export const contactsEn: Record<keyof typeof contactsPtBR, string> = {
  'contacts.merge.open': 'Merge contact',
  'contacts.merge.title': 'Merge into {name}',
  'contacts.merge.body': 'Did the same person talk to you on another channel? Pick the other contact: it becomes part of this one. Each conversation stays on its channel, and the person’s details live in one place (what this contact already has wins).',
  'contacts.merge.search': 'Search by name or phone',
  'contacts.merge.pick': 'Contact to merge',
  'contacts.merge.none': 'No other contact found.',
  'contacts.merge.confirm': 'Merge',
  'contacts.merge.done': '{name} is now part of this contact.',
  'contacts.conversations': '{count, plural, one {# conversation} other {# conversations}}',
  'errors.MERGE_INTO_ITSELF': 'Pick another contact: a contact cannot be merged with itself.',
  'errors.CONTACT_ALREADY_MERGED': 'This contact was already merged into another one. Reload the page and try again.',
};
