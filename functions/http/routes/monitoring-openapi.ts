/** OpenAPI paths of the monitoring of maximum waiting times (spread into openapi.ts). */
import * as z from 'zod';
import { uploadRequestSchema } from '#domain/schemas/monitoring.ts';

export function monitoringOpenApiPaths(error: unknown, auth: unknown[]): Record<string, unknown> {
  const count = { type: 'integer', minimum: 0 };
  const yearParams = [
    {
      name: 'year',
      in: 'query',
      required: false,
      description: 'Standard: sidste år',
      schema: { type: 'integer' },
    },
    {
      name: 'cancerType',
      in: 'query',
      required: false,
      description: 'Kun én kræftform (id fra data/cancer-types.json)',
      schema: { type: 'string' },
    },
  ];
  const period = {
    period: { type: 'string', description: '"2024-Q1" … "2024-Q4", eller "2024" for hele året' },
    region: { type: 'string', description: 'Regionens id, eller "national"' },
  };
  const periods = (properties: Record<string, unknown>) => ({
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          year: { type: 'integer' },
          periods: { type: 'array', items: { type: 'object', properties: { ...period, ...properties } } },
        },
      },
    },
  });
  return {
    '/api/monitoring/uploads': {
      post: {
        summary: 'Indberet et forløbsudtræk (maksimale ventetider og pakkeforløb): få en upload-URL',
        description:
          'Svarer med en forudsigneret URL, som filen PUT-es til (med samme Content-Type) inden expiresAt. Filen (CSV, UTF-8, semikolon, kolonnerne forloeb_id;region;kraeftform;forloebstype;modtaget;start;aarsag;henvisning_tilbudt;standard_dage) behandles, når den er modtaget, og slettes derefter; kun de samlede tal gemmes. Den godkendes helt eller slet ikke og erstatter tallene for hver region og hvert kvartal, den indeholder. Specialenheden og administratorer for alle regioner, en regions brugere kun for regionens rækker. Samme Idempotency-Key giver samme upload.',
        security: auth,
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', minLength: 8, maxLength: 128 },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(uploadRequestSchema, { io: 'input' }) } },
        },
        responses: {
          201: {
            description: 'Upload oprettet',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    uploadUrl: { type: 'string' },
                    method: { const: 'PUT' },
                    headers: { type: 'object' },
                    expiresAt: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          },
          200: { description: 'Findes allerede (samme Idempotency-Key)' },
          400: error,
          401: error,
          403: error,
          422: error,
        },
      },
    },
    '/api/monitoring/uploads/{id}': {
      get: {
        summary: 'Status for en indberetning af forløbsdata',
        security: auth,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description:
              'Status; errors har linje (1 = overskriften), kolonne og en dansk forklaring (højst 50)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    status: { enum: ['pending', 'processing', 'done', 'rejected'] },
                    rows: count,
                    ongoing: count,
                    errors: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { line: count, column: { type: 'string' }, message: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
          },
          401: error,
          404: error,
        },
      },
    },
    '/api/monitoring/waiting-times': {
      get: {
        summary: 'Overholdelse af maksimale ventetider pr. kvartal og år, pr. region og på landsplan',
        security: auth,
        parameters: yearParams,
        responses: {
          200: {
            description: 'Tallene',
            content: periods({
              pathways: count,
              within: count,
              compliedExceeded: {
                type: 'object',
                properties: {
                  total: count,
                  patientWish: count,
                  health: count,
                  capacity: count,
                  capacityUdredning: count,
                  capacityBehandling: count,
                },
              },
              notComplied: count,
              ongoing: count,
            }),
          },
          400: error,
          401: error,
        },
      },
    },
    '/api/monitoring/package-times': {
      get: {
        summary:
          'Pakkeforløb gennemført inden for standardforløbstiden pr. kvartal og år, pr. region og på landsplan',
        security: auth,
        parameters: yearParams,
        responses: {
          200: { description: 'Tallene', content: periods({ pathways: count, withinStandard: count }) },
          400: error,
          401: error,
        },
      },
    },
  };
}
