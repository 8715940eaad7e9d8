/** OpenAPI 3.1 description of the JSON API, generated from the same zod schemas that validate it. */
import { z } from 'zod';
import { acknowledgeSchema, offerSchema, problemReportSchema, resolveSchema } from '#domain/problem.ts';

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  const error = {
    description: 'Fejl med en forklaring',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: {
            error: { type: 'string' },
            fields: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
      },
    },
  };
  const auth = [{ bearer: [] }];
  const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Kræftkapacitet API',
      version: '1.0.0',
      description:
        'Indberetning og opfølgning på kapacitetsproblemer på kræftområdet. Alle skrivninger kræver et API-token (Authorization: Bearer). Indeholder aldrig patientdata: fritekst, der ligner et CPR-nummer, afvises.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/api/problems': {
        get: {
          summary: 'List kapacitetsproblemer (nyeste først)',
          security: auth,
          responses: { 200: { description: 'Liste' }, 401: error },
        },
        post: {
          summary: 'Indberet et kapacitetsproblem',
          security: auth,
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: { type: 'string', minLength: 8, maxLength: 128 },
              description: 'Samme nøgle giver samme sag (sikker gentagelse).',
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(problemReportSchema) } },
          },
          responses: {
            201: { description: 'Oprettet' },
            200: { description: 'Findes allerede (samme Idempotency-Key)' },
            400: error,
            401: error,
            403: error,
          },
        },
      },
      '/api/problems/{id}': {
        get: {
          summary: 'Sag med tidslinje og kontaktede',
          security: auth,
          parameters: idParam,
          responses: { 200: { description: 'Sagen' }, 404: error },
        },
      },
      '/api/problems/{id}/acknowledgements': {
        post: {
          summary: 'Kvittér for modtagelse',
          security: auth,
          parameters: idParam,
          requestBody: { content: { 'application/json': { schema: schema(acknowledgeSchema) } } },
          responses: { 201: { description: 'Registreret' }, 403: error, 404: error },
        },
      },
      '/api/problems/{id}/offers': {
        post: {
          summary: 'Tilbyd kapacitet',
          security: auth,
          parameters: idParam,
          requestBody: { required: true, content: { 'application/json': { schema: schema(offerSchema) } } },
          responses: { 201: { description: 'Registreret' }, 400: error, 403: error, 404: error },
        },
      },
      '/api/problems/{id}/resolution': {
        post: {
          summary: 'Markér som løst (stopper eskaleringen)',
          security: auth,
          parameters: idParam,
          requestBody: { content: { 'application/json': { schema: schema(resolveSchema) } } },
          responses: { 200: { description: 'Løst' }, 403: error, 404: error },
        },
      },
      '/health': { get: { summary: 'Sundhedstjek', responses: { 200: { description: 'OK' } } } },
    },
  };
  return cached;
}
