import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WebhookRequest } from '../channel-adapter';

/** Test secrets from the fixtures' README (test only). */
export const BOT_TOKEN = '7712345601:AAEtestTokenClinicaSorriso_0123456789x';
export const SECRET_TOKEN = 'tg_Secr3t-Clinica_Sorriso_2026';
export const BOT_ID = '7712345601';

export const FIXTURES_DIR = join(__dirname, '../../../../../test/fixtures/channels/telegram');

export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, name));
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureBytes(name).toString('utf8')) as unknown;
}

/** A webhook POST as the host hands it over: exact bytes, lower-case headers. */
export function webhookRequest(rawBody: Buffer, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET_TOKEN }): WebhookRequest {
  return {
    method: 'POST',
    rawBody,
    headers: { 'content-type': 'application/json', ...headers },
    query: {},
    url: 'https://fluxo.example.com/webhooks/telegram/ch_1',
  };
}
