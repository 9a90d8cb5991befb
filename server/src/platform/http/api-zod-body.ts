import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

type SchemaObject = Parameters<typeof ApiBody>[0] extends { schema?: infer S } ? S : never;

/**
 * Documents a route's JSON body in the OpenAPI document from the zod schema that validates it
 * (`parseInput`), so the two never disagree.
 */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  return applyDecorators(ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as SchemaObject }));
}
