import { z } from 'zod';

const email = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).pipe(z.string().max(254));
const password = z.string().min(8, 'must have at least 8 characters').max(200);

export const signupSchema = z.object({
  tenantName: z.string().trim().min(1).max(120),
  name: z.string().trim().min(1).max(120),
  email,
  password,
  timeZone: z.string().max(64).optional(),
});

export const loginSchema = z.object({ email, password: z.string().min(1).max(200) });

export const refreshSchema = z.object({ refreshToken: z.string().min(10).max(200) });

export type SignupInput = z.infer<typeof signupSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
