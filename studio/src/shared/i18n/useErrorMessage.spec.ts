import { renderHook } from '@testing-library/react';
import { ApiError } from '../api/ApiError';
import { useLanguageStore } from './language.store';
import { useErrorMessage } from './useErrorMessage';

function describeWith(language: 'pt-BR' | 'en', error: unknown): string {
  useLanguageStore.setState({ language });
  return renderHook(() => useErrorMessage()).result.current(error);
}

describe('useErrorMessage', () => {
  it("uses the studio's words for a known code", () => {
    expect(describeWith('pt-BR', new ApiError(401, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.'))).toBe('E-mail ou senha incorretos.');
  });

  it('fills in the wait of the login throttle, in minutes', () => {
    const error = new ApiError(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed logins.', { retryAfterSeconds: 600 });
    expect(describeWith('pt-BR', error)).toBe('Muitas tentativas sem sucesso. Aguarde 10 minutos e tente de novo.');
  });

  it("falls back to the server's message for a code it does not know", () => {
    expect(describeWith('pt-BR', new ApiError(400, 'SOMETHING_NEW', 'Something new went wrong.'))).toBe('Something new went wrong.');
  });

  it.each([
    [new ApiError(500, 'WHATEVER', 'stack trace?'), 'Algo deu errado do nosso lado. Tente de novo em instantes.'],
    [new ApiError(404, 'HTTP_404', 'Not Found'), 'Algo deu errado. Tente de novo.'],
    [new Error('boom'), 'Algo deu errado. Tente de novo.'],
  ])('stays generic for %p', (error, expected) => {
    expect(describeWith('pt-BR', error)).toBe(expected);
  });

  it('follows the chosen language', () => {
    expect(describeWith('en', new ApiError(409, 'EMAIL_TAKEN', 'taken'))).toBe(
      'An account with this e-mail already exists. Log in with it or use another e-mail.',
    );
  });
});
