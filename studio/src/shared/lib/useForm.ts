import { useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useT } from '../i18n';
import type { FieldError } from './validation';

type Values<F extends string> = Record<F, string>;
type Errors<F extends string> = Partial<Record<F, FieldError>>;

/**
 * A small form: text values, errors checked on submit, the first invalid field focused (so a
 * keyboard or screen-reader user lands on the problem). An edited field drops its error until the
 * next submit, instead of nagging while the person types.
 */
export function useForm<F extends string>(initial: Values<F>, validate: (values: Values<F>) => Errors<F>) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors<F>>({});
  const inputs = useRef(new Map<F, HTMLInputElement>());

  function field(name: F) {
    const error = errors[name];
    return {
      name,
      value: values[name],
      error: error ? t(error.key, error.params) : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
        setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
      },
      ref: (input: HTMLInputElement | null) => {
        if (input) inputs.current.set(name, input);
        else inputs.current.delete(name);
      },
    };
  }

  function handleSubmit(onValid: (values: Values<F>) => void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const found = validate(values);
      setErrors(found);
      const firstInvalid = (Object.keys(values) as F[]).find((name) => found[name]);
      if (firstInvalid) inputs.current.get(firstInvalid)?.focus();
      else onValid(values);
    };
  }

  return { values, field, handleSubmit };
}
