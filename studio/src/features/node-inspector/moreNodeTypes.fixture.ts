import type { NodeTypeView } from '../flow-editor/types';
import { inspectorNodeTypes } from './testFixtures';

/*
 * The triggers' and the condition's views as `GET /api/node-types` serves them (their
 * `visibleWhen` hints included), beside the ones in testFixtures.ts.
 */
export const messageTriggerView: NodeTypeView = {
  "type": "fluxo.messageTrigger",
  "version": 1,
  "latest": true,
  "title": "Mensagem recebida",
  "description": "Inicia o fluxo quando chega uma mensagem: qualquer uma, com palavras-chave, por expressão regular ou de um contato novo.",
  "category": "triggers",
  "icon": "message-circle",
  "trigger": true,
  "configSchema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "mode": {
        "default": "any",
        "title": "Quando iniciar",
        "x-fluxo": {
          "widget": "select",
          "optionLabels": {
            "any": "Qualquer mensagem",
            "keywords": "Palavras-chave",
            "regex": "Expressão regular",
            "firstMessage": "Primeira mensagem de um contato novo"
          }
        },
        "type": "string",
        "enum": [
          "any",
          "keywords",
          "regex",
          "firstMessage"
        ]
      },
      "keywords": {
        "default": [],
        "title": "Palavras-chave",
        "description": "Qualquer uma delas inicia o fluxo.",
        "x-fluxo": {
          "placeholder": "oi",
          "widget": "list",
          "visibleWhen": {
            "field": "mode",
            "in": [
              "keywords"
            ]
          }
        },
        "maxItems": 100,
        "type": "array",
        "items": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "keywordMatch": {
        "default": "exact",
        "title": "Como comparar",
        "description": "\"Contém\" e \"Começa com\" comparam palavras inteiras: \"oi\" não inicia com \"oito\".",
        "x-fluxo": {
          "widget": "select",
          "optionLabels": {
            "exact": "Mensagem igual",
            "contains": "Contém a palavra",
            "startsWith": "Começa com a palavra"
          },
          "visibleWhen": {
            "field": "mode",
            "in": [
              "keywords"
            ]
          }
        },
        "type": "string",
        "enum": [
          "exact",
          "contains",
          "startsWith"
        ]
      },
      "pattern": {
        "title": "Expressão regular",
        "description": "Grupos capturados ficam em {{ trigger.groups }}: (?<pedido>\\d+) vira {{ trigger.groups.pedido }}.",
        "x-fluxo": {
          "placeholder": "^pedido (?<pedido>\\d+)$",
          "widget": "code",
          "visibleWhen": {
            "field": "mode",
            "in": [
              "regex"
            ]
          }
        },
        "type": "string",
        "maxLength": 200
      },
      "ignoreCase": {
        "default": true,
        "title": "Ignorar maiúsculas",
        "description": "Vale para palavras-chave e para a expressão regular.",
        "x-fluxo": {
          "widget": "toggle",
          "visibleWhen": {
            "field": "mode",
            "in": [
              "keywords",
              "regex"
            ]
          }
        },
        "type": "boolean"
      },
      "ignoreAccents": {
        "default": true,
        "title": "Ignorar acentos",
        "description": "Palavras-chave: 'preco' igual a 'preço'.",
        "x-fluxo": {
          "widget": "toggle",
          "visibleWhen": {
            "field": "mode",
            "in": [
              "keywords"
            ]
          }
        },
        "type": "boolean"
      },
      "priority": {
        "default": 0,
        "title": "Prioridade",
        "description": "Quando gatilhos de fluxos diferentes servem para a mesma mensagem, vence o de maior prioridade.",
        "x-fluxo": {
          "widget": "number"
        },
        "type": "integer",
        "minimum": -1000,
        "maximum": 1000
      }
    }
  },
  "defaultConfig": {
    "mode": "any",
    "keywords": [],
    "keywordMatch": "exact",
    "ignoreCase": true,
    "ignoreAccents": true,
    "priority": 0
  },
  "ports": [
    {
      "id": "out",
      "label": "Ao receber"
    }
  ],
  "portsDependOnConfig": false,
  "errorPort": false,
  "credentials": []
};

export const httpTriggerView: NodeTypeView = {
  "type": "fluxo.httpTrigger",
  "version": 1,
  "latest": true,
  "title": "Gatilho HTTP",
  "description": "Inicia o fluxo quando um sistema externo chama a URL do gatilho.",
  "category": "triggers",
  "icon": "webhook",
  "trigger": true,
  "configSchema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "method": {
        "default": "POST",
        "title": "Método",
        "x-fluxo": {
          "widget": "select"
        },
        "type": "string",
        "enum": [
          "GET",
          "POST",
          "PUT",
          "PATCH",
          "DELETE"
        ]
      },
      "path": {
        "type": "string",
        "maxLength": 200,
        "pattern": "^[a-z0-9][a-z0-9-_/]*$",
        "title": "Caminho",
        "description": "A URL fica /hooks/<conta>/<caminho>.",
        "x-fluxo": {
          "placeholder": "pedidos/novo"
        }
      },
      "conversationKey": {
        "default": "{{ body.from }}",
        "title": "Chave da conversa",
        "description": "Identifica a conversa a partir da requisição (body, query, headers). Se ficar vazia, a chamada não inicia o fluxo.",
        "x-fluxo": {
          "placeholder": "{{ body.phone }}",
          "templated": true
        },
        "type": "string",
        "maxLength": 500
      },
      "secretHeader": {
        "title": "Cabeçalho do segredo",
        "description": "Padrão: x-fluxo-secret.",
        "x-fluxo": {
          "placeholder": "x-fluxo-secret"
        },
        "type": "string",
        "pattern": "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$"
      },
      "secretName": {
        "title": "Segredo",
        "description": "Nome do segredo da conta que a chamada deve enviar no cabeçalho. Sem ele, qualquer um com a URL dispara o fluxo.",
        "x-fluxo": {
          "widget": "secret"
        },
        "type": "string",
        "minLength": 1,
        "maxLength": 100
      }
    },
    "required": [
      "path"
    ]
  },
  "defaultConfig": {
    "method": "POST",
    "conversationKey": "{{ body.from }}"
  },
  "ports": [
    {
      "id": "out",
      "label": "Ao receber"
    }
  ],
  "portsDependOnConfig": false,
  "errorPort": false,
  "credentials": []
};

export const conditionView: NodeTypeView = {
  "type": "fluxo.condition",
  "version": 1,
  "latest": true,
  "title": "Condição",
  "description": "Segue por \"verdadeiro\" ou \"falso\" conforme as regras.",
  "category": "logic",
  "icon": "git-branch",
  "trigger": false,
  "configSchema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "conditions": {
        "type": "object",
        "properties": {
          "combinator": {
            "default": "all",
            "title": "Combinar",
            "x-fluxo": {
              "widget": "select",
              "optionLabels": {
                "all": "Todas as regras",
                "any": "Qualquer regra"
              }
            },
            "type": "string",
            "enum": [
              "all",
              "any"
            ]
          },
          "rules": {
            "minItems": 1,
            "maxItems": 50,
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "left": {
                  "type": "string",
                  "maxLength": 2000,
                  "title": "Valor",
                  "x-fluxo": {
                    "placeholder": "{{ vars.total }}",
                    "templated": true
                  }
                },
                "operator": {
                  "type": "string",
                  "enum": [
                    "equals",
                    "notEquals",
                    "contains",
                    "notContains",
                    "startsWith",
                    "endsWith",
                    "matchesRegex",
                    "greaterThan",
                    "greaterOrEqual",
                    "lessThan",
                    "lessOrEqual",
                    "isEmpty",
                    "isNotEmpty",
                    "isOneOf"
                  ],
                  "title": "Operador",
                  "x-fluxo": {
                    "widget": "select",
                    "optionLabels": {
                      "equals": "é igual a",
                      "notEquals": "é diferente de",
                      "contains": "contém",
                      "notContains": "não contém",
                      "startsWith": "começa com",
                      "endsWith": "termina com",
                      "matchesRegex": "corresponde à expressão",
                      "greaterThan": "é maior que",
                      "greaterOrEqual": "é maior ou igual a",
                      "lessThan": "é menor que",
                      "lessOrEqual": "é menor ou igual a",
                      "isEmpty": "está vazio",
                      "isNotEmpty": "não está vazio",
                      "isOneOf": "é um de"
                    }
                  }
                },
                "right": {
                  "title": "Comparar com",
                  "x-fluxo": {
                    "templated": true
                  },
                  "type": "string",
                  "maxLength": 2000
                }
              },
              "required": [
                "left",
                "operator"
              ]
            },
            "title": "Regras",
            "x-fluxo": {
              "widget": "list"
            }
          },
          "ignoreCase": {
            "default": true,
            "title": "Ignorar maiúsculas",
            "x-fluxo": {
              "widget": "toggle"
            },
            "type": "boolean"
          },
          "ignoreAccents": {
            "default": true,
            "title": "Ignorar acentos",
            "description": "'preco' igual a 'preço'",
            "x-fluxo": {
              "widget": "toggle"
            },
            "type": "boolean"
          }
        },
        "required": [
          "rules"
        ],
        "title": "Condições",
        "x-fluxo": {
          "widget": "conditions"
        }
      }
    },
    "required": [
      "conditions"
    ]
  },
  "defaultConfig": {},
  "ports": [
    {
      "id": "true",
      "label": "Verdadeiro"
    },
    {
      "id": "false",
      "label": "Falso"
    }
  ],
  "portsDependOnConfig": false,
  "errorPort": false,
  "credentials": []
};

const all: NodeTypeView[] = [...inspectorNodeTypes, messageTriggerView, httpTriggerView, conditionView];

/** The fixture view of a built-in type, by its short name (`sendMessage`). */
export function nodeType(type: string): NodeTypeView {
  const found = all.find((candidate) => candidate.type === `fluxo.${type}`);
  if (!found) throw new Error(`no fixture for ${type}`);
  return found;
}
