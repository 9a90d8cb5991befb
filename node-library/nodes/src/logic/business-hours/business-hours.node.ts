import { z } from 'zod';
import { defineNode, next, ui } from '@fluxo/node-sdk';
import { isCalendarDate, isValidTimeZone, localDateTime, toMinutes, WEEKDAYS } from './local-time';

const OPEN_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const dayLabels = { mon: 'Segunda', tue: 'Terça', wed: 'Quarta', thu: 'Quinta', fri: 'Sexta', sat: 'Sábado', sun: 'Domingo' };

const intervalSchema = z
  .object({
    day: ui(z.enum(WEEKDAYS), { label: 'Dia', widget: 'select', optionLabels: dayLabels }),
    open: ui(z.string().regex(OPEN_TIME, 'Use HH:MM, from 00:00 to 23:59.'), { label: 'Abre', placeholder: '09:00' }),
    close: ui(z.string().regex(CLOSE_TIME, 'Use HH:MM, from 00:01 to 24:00.'), { label: 'Fecha', placeholder: '18:00' }),
  })
  // An interval past midnight is written as two (22:00-24:00 and 00:00-02:00 the next day).
  .refine((interval) => toMinutes(interval.close) > toMinutes(interval.open), {
    path: ['close'],
    message: 'Closing time must be after opening time; split intervals that cross midnight in two.',
  });

const WEEKDAYS_NINE_TO_SIX = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '18:00' }));

/** Open or closed now, by a weekly schedule and holidays in the business's time zone. */
export const businessHours = defineNode({
  type: 'fluxo.businessHours',
  version: 1,
  title: 'Horário de atendimento',
  description: 'Segue por "aberto" ou "fechado" conforme os horários e feriados.',
  category: 'logic',
  icon: 'clock',
  config: z.object({
    timeZone: ui(z.string().trim().refine((zone) => zone === '' || isValidTimeZone(zone), 'Unknown time zone: use an IANA name such as America/Sao_Paulo.').default(''), {
      label: 'Fuso horário',
      help: 'Vazio usa o fuso da conta.',
      placeholder: 'America/Sao_Paulo',
    }),
    schedule: ui(z.array(intervalSchema).min(1).max(70).default(WEEKDAYS_NINE_TO_SIX), {
      label: 'Horários',
      help: 'Vários intervalos por dia são permitidos (ex.: 08:00-12:00 e 13:00-18:00).',
      widget: 'schedule',
    }),
    holidays: ui(z.array(z.string().refine(isCalendarDate, 'Use a real date as YYYY-MM-DD.')).max(400).default([]), {
      label: 'Feriados',
      help: 'Datas (AAAA-MM-DD) em que fica fechado o dia todo.',
      widget: 'list',
    }),
  }),
  outputs: [
    { id: 'open', label: 'Aberto' },
    { id: 'closed', label: 'Fechado' },
  ],
  execute(ctx) {
    const { schedule, holidays } = ctx.config;
    // The tenant's zone was already checked by the host (templates render in it).
    const local = localDateTime(ctx.now(), ctx.config.timeZone || ctx.timeZone);
    const open =
      !holidays.includes(local.date) &&
      schedule.some((interval) => interval.day === local.weekday && toMinutes(interval.open) <= local.minutes && local.minutes < toMinutes(interval.close));
    return next(open ? 'open' : 'closed', { open, localTime: `${local.date}T${local.time}`, weekday: local.weekday });
  },
});
