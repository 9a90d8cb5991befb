/**
 * The studio's words in Brazilian Portuguese, the default language and the source of truth for
 * the keys: every other catalog must have exactly these keys (the type and a spec check it).
 * `{name}` marks a value filled in at run time. `errors.<CODE>` follows the server's error codes.
 */
export const ptBR = {
  'app.name': 'Fluxo',
  'app.loading': 'Carregando…',
  'app.skipToContent': 'Pular para o conteúdo',

  'nav.main': 'Navegação principal',
  'nav.flows': 'Fluxos',
  'nav.logout': 'Sair',
  'nav.signedInAs': 'Conectado como {name}',

  'language.label': 'Idioma',
  'language.pt-BR': 'Português (Brasil)',
  'language.en': 'English',

  'common.cancel': 'Cancelar',
  'common.close': 'Fechar',
  'common.retry': 'Tentar de novo',

  'auth.login.title': 'Entrar no Fluxo',
  'auth.login.subtitle': 'Acesse os robôs de atendimento da sua empresa.',
  'auth.login.submit': 'Entrar',
  'auth.login.submitting': 'Entrando…',
  'auth.login.noAccount': 'Ainda não tem conta?',
  'auth.login.toSignup': 'Criar conta',
  'auth.login.sessionExpired': 'Sua sessão expirou. Entre de novo para continuar de onde parou.',
  'auth.signup.title': 'Criar sua conta',
  'auth.signup.subtitle': 'Crie sua conta e comece a desenhar o robô que atende seus clientes.',
  'auth.signup.submit': 'Criar conta',
  'auth.signup.submitting': 'Criando sua conta…',
  'auth.signup.hasAccount': 'Já tem uma conta?',
  'auth.signup.toLogin': 'Entrar',
  'auth.field.tenant': 'Nome da empresa',
  'auth.field.tenantHint': 'Como sua loja ou negócio é conhecido.',
  'auth.field.name': 'Seu nome',
  'auth.field.email': 'E-mail',
  'auth.field.password': 'Senha',
  'auth.field.passwordHint': 'Pelo menos {min} caracteres.',

  'validation.required': 'Preencha este campo.',
  'validation.email': 'Digite um e-mail válido, como voce@empresa.com.br.',
  'validation.minLength': 'Use pelo menos {min} caracteres.',
  'validation.maxLength': 'Use no máximo {max} caracteres.',

  'flows.title': 'Seus fluxos',
  'flows.subtitle': 'Cada fluxo é um roteiro de conversa que o seu robô segue.',
  'flows.new': 'Novo fluxo',
  'flows.import': 'Importar arquivo',
  'flows.importing': 'Importando…',
  'flows.loadError': 'Não foi possível carregar seus fluxos.',
  'flows.draft': 'Rascunho',
  'flows.published': 'Publicado · versão {version}',
  'flows.updated': 'Atualizado {time}',
  'flows.actions': 'Ações do fluxo {name}',
  'flows.open': 'Abrir',
  'flows.rename': 'Renomear',
  'flows.duplicate': 'Duplicar',
  'flows.export': 'Exportar',
  'flows.delete': 'Excluir',
  'flows.empty.title': 'Você ainda não tem nenhum fluxo',
  'flows.empty.body':
    'Um fluxo é o roteiro da conversa: o que o robô responde, o que pergunta e quando chama alguém da equipe. Crie o primeiro ou importe um arquivo de fluxo.',
  'flows.empty.create': 'Criar meu primeiro fluxo',
  'flows.create.submitting': 'Criando…',
  'flows.defaultName': 'Novo fluxo',
  'flows.name.label': 'Nome do fluxo',
  'flows.rename.title': 'Renomear fluxo',
  'flows.rename.submit': 'Salvar nome',
  'flows.rename.submitting': 'Salvando…',
  'flows.rename.done': 'Nome alterado para “{name}”.',
  'flows.delete.title': 'Excluir “{name}”?',
  'flows.delete.body': 'O fluxo e todas as versões publicadas dele serão apagados. Não dá para desfazer.',
  'flows.delete.live': 'Há {count} conversa(s) em andamento neste fluxo. Elas serão encerradas.',
  'flows.delete.confirm': 'Excluir fluxo',
  'flows.delete.done': 'Fluxo “{name}” excluído.',
  'flows.duplicate.done': 'Cópia criada: “{name}”.',
  'flows.import.done': 'Fluxo “{name}” importado.',
  'flows.import.notJson': 'O arquivo “{file}” não é um arquivo de fluxo (JSON) válido.',
  'flows.import.problems': 'Não foi possível importar “{file}”. O que está errado no arquivo:',

  'editor.placeholder.title': 'Editor em construção',
  'editor.placeholder.body': 'Em breve você vai desenhar este fluxo aqui. Enquanto isso, ele continua funcionando como está.',
  'editor.back': 'Voltar para os fluxos',

  'notFound.title': 'Página não encontrada',
  'notFound.body': 'O endereço pode estar errado, ou a página foi removida.',
  'notFound.home': 'Ir para os fluxos',

  'crash.title': 'Algo deu errado nesta tela',
  'crash.body': 'Recarregue a página. Se o problema continuar, fale com o suporte.',
  'crash.reload': 'Recarregar a página',

  'errors.unknown': 'Algo deu errado. Tente de novo.',
  'errors.NETWORK_ERROR': 'Não foi possível falar com o servidor. Verifique sua internet e tente de novo.',
  'errors.INTERNAL': 'Algo deu errado do nosso lado. Tente de novo em instantes.',
  'errors.INVALID_CREDENTIALS': 'E-mail ou senha incorretos.',
  'errors.TOO_MANY_LOGIN_ATTEMPTS': 'Muitas tentativas sem sucesso. Aguarde {minutes} minuto(s) e tente de novo.',
  'errors.EMAIL_TAKEN': 'Já existe uma conta com este e-mail. Entre com ela ou use outro e-mail.',
  'errors.NOT_AUTHENTICATED': 'Sua sessão terminou. Entre de novo.',
  'errors.TOKEN_EXPIRED': 'Sua sessão expirou. Entre de novo.',
  'errors.TOKEN_INVALID': 'Sua sessão terminou. Entre de novo.',
  'errors.REFRESH_TOKEN_INVALID': 'Sua sessão expirou. Entre de novo.',
  'errors.ROLE_REQUIRED': 'Seu usuário não tem permissão para isso. Peça a quem administra a conta.',
  'errors.NOT_FOUND': 'Não encontramos este item. Talvez ele tenha sido excluído.',
  'errors.FLOW_CHANGED': 'Alguém alterou este fluxo enquanto você editava. Carregamos a versão mais recente: confira e tente de novo.',
  'errors.IF_MATCH_REQUIRED': 'Não conseguimos confirmar a versão do fluxo. Carregamos a mais recente: tente de novo.',
  'errors.INVALID_FLOW_FILE': 'Este arquivo não é um fluxo do Fluxo.',
  'errors.BODY_TOO_LARGE': 'O arquivo é grande demais.',

  'toast.region': 'Avisos',
} as const;

export type MessageKey = keyof typeof ptBR;

/** What every catalog provides: a string for each key of the default one. */
export type Catalog = Record<MessageKey, string>;
