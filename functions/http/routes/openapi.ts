/** OpenAPI 3.1 description of the JSON API, generated from the same zod schemas that validate it. */
import * as z from 'zod';
import { PROVIDER_CSV_COLUMNS } from '#domain/external-providers.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { referenceCatalogue, referenceId } from '#domain/reference.ts';
import { externalProviderSchema } from '#domain/schemas/external-providers.ts';
import { listSchema } from '#domain/schemas/lists.ts';
import {
  acknowledgeSchema,
  offerSchema,
  problemReportSchema,
  resolveSchema,
} from '#domain/schemas/problem.ts';
import { regionIdSchema } from '#domain/schemas/reference.ts';
import { referralWeekSchema } from '#domain/schemas/referrals.ts';
import { weeklySubmissionSchema } from '#domain/schemas/weekly.ts';
import { IDEMPOTENCY_KEY_PATTERN } from '../idempotency.ts';
import { monitoringOpenApiPaths } from './monitoring-openapi.ts';

let cached: unknown;

/** The first entry of each list, as the endpoint answers. */
function referenceCatalogueExample() {
  return Object.fromEntries(Object.entries(referenceCatalogue()).map(([k, list]) => [k, list.slice(0, 1)]));
}

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
  const reusedKey = { ...error, description: 'Samme Idempotency-Key er brugt før med et andet indhold' };
  const idempotencyKey = (required: boolean) => ({
    name: 'Idempotency-Key',
    in: 'header',
    required,
    schema: { type: 'string', minLength: 8, maxLength: 128, pattern: IDEMPOTENCY_KEY_PATTERN.source },
    description:
      'Gør en gentagelse sikker: samme nøgle og samme indhold giver det første svar igen (og tæller ikke to gange); samme nøgle med andet indhold giver 422. Nøglen gælder pr. afsender og adresse i 30 dage og må ikke ligne et CPR-nummer.',
  });
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
          parameters: [idempotencyKey(true)],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(problemReportSchema) } },
          },
          responses: {
            201: { description: 'Oprettet – eller det første svar igen (samme Idempotency-Key og indhold)' },
            400: error,
            401: error,
            403: error,
            422: reusedKey,
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
          parameters: [...idParam, idempotencyKey(false)],
          requestBody: { content: { 'application/json': { schema: schema(acknowledgeSchema) } } },
          responses: { 201: { description: 'Registreret' }, 403: error, 404: error, 422: reusedKey },
        },
      },
      '/api/problems/{id}/offers': {
        post: {
          summary: 'Tilbyd kapacitet',
          security: auth,
          parameters: [...idParam, idempotencyKey(true)],
          requestBody: { required: true, content: { 'application/json': { schema: schema(offerSchema) } } },
          responses: {
            201: { description: 'Registreret (en gentagelse med samme nøgle tælles ikke igen)' },
            400: error,
            403: error,
            404: error,
            422: reusedKey,
          },
        },
      },
      '/api/problems/{id}/resolution': {
        post: {
          summary: 'Markér som løst (stopper eskaleringen)',
          security: auth,
          parameters: [...idParam, idempotencyKey(false)],
          requestBody: { content: { 'application/json': { schema: schema(resolveSchema) } } },
          responses: { 200: { description: 'Løst' }, 403: error, 404: error, 422: reusedKey },
        },
      },
      '/api/contacts/import': {
        post: {
          summary: 'Importér kontaktlister (CSV) – alle rækker godkendes, eller intet importeres',
          description:
            'Kolonner som i /kontakter.csv: id, role, name, title, email, phone, region, hospital, department, cancerTypes, modalities, maintainer, verifiedAt (; eller , som skilletegn; lister adskilles med |). Kun Specialenheden og administratorer.',
          security: auth,
          parameters: [idempotencyKey(false)],
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
          responses: {
            200: { description: 'Importeret: { imported, created, updated, errors: [], warnings }' },
            401: error,
            403: error,
            415: error,
            422: { description: 'Intet importeret: errors nævner hver afvist række og hvorfor' },
          },
        },
      },
      '/api/external-providers': {
        get: {
          summary: 'Registret over eksterne udbydere (privat og udland) med aftalernes gyldighed',
          security: auth,
          responses: { 200: { description: '{ providers: [...] }, efter navn' }, 401: error },
        },
      },
      '/api/external-providers/{id}': {
        put: {
          summary: 'Opret eller ret en ekstern udbyder (Specialenheden og administratorer)',
          security: auth,
          parameters: [...idParam, idempotencyKey(false)],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(externalProviderSchema) } },
          },
          responses: {
            200: { description: 'Rettet' },
            201: { description: 'Oprettet' },
            400: error,
            401: error,
            403: error,
          },
        },
      },
      '/api/external-providers/import': {
        post: {
          summary: 'Importér eksterne udbydere (CSV) – alle rækker godkendes, eller intet importeres',
          description: `Kolonner som i /eksterne-udbydere.csv: ${PROVIDER_CSV_COLUMNS.join(', ')} (; eller , som skilletegn; lister adskilles med |). Kun Specialenheden og administratorer.`,
          security: auth,
          parameters: [idempotencyKey(false)],
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
          responses: {
            200: { description: 'Importeret: { imported, created, updated, errors: [] }' },
            401: error,
            403: error,
            415: error,
            422: { description: 'Intet importeret: errors nævner hver afvist række og hvorfor' },
          },
        },
      },
      '/api/weekly-reports': {
        post: {
          summary: 'Indberet ugens ventetider og ledige kapacitet (én afdeling eller mange)',
          description:
            'Gælder den aktuelle ISO-uge (Europe/Copenhagen); en ny indberetning i samme uge erstatter den forrige (historikken gemmes). Én afdeling: rapporten som indhold. Mange afdelinger: { "reports": [...] } – alle godkendes eller ingen. En afdeling må indberette for sig selv, hospitalsledelsen for hospitalets afdelinger, primærindgangen for regionens, Specialenheden for alle.',
          security: auth,
          parameters: [idempotencyKey(false)],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    schema(weeklySubmissionSchema),
                    {
                      type: 'object',
                      required: ['reports'],
                      properties: { reports: { type: 'array', items: schema(weeklySubmissionSchema) } },
                    },
                  ],
                },
              },
            },
          },
          responses: { 201: { description: 'Gemt' }, 400: error, 401: error, 403: error, 422: reusedKey },
        },
      },
      '/api/referral-counts': {
        post: {
          summary: 'Indberet regionens henvisninger til andet sted for én uge (kun antal)',
          description:
            'Pr. kræftform og sted (egen region, anden region, privat, udlandet): antal patienter, der fik tilbudt henvisning, og antal, der takkede ja. Kun hele, ikke-negative tal; takket ja højst lig tilbudt; andre felter afvises, så der aldrig kan komme patientdata eller fritekst med. Gælder indeværende uge eller en af de 52 foregående; en ny indberetning for samme region og uge erstatter den forrige (revisionssporet gemmer de gamle tal). Regionens primærindgange indberetter for regionen, Specialenheden og administratorer for alle regioner.',
          security: auth,
          parameters: [idempotencyKey(false)],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(referralWeekSchema) } },
          },
          responses: {
            201: {
              description: 'Gemt: ugen som gemt og replaced (om den erstattede en tidligere indberetning)',
            },
            400: error,
            401: error,
            403: error,
            422: reusedKey,
          },
        },
        get: {
          summary: 'Regionernes indberettede uger (standard: de seneste 8 uger)',
          security: auth,
          parameters: [
            {
              name: 'from',
              in: 'query',
              required: false,
              schema: { type: 'string', examples: ['2026-W40'] },
            },
            { name: 'to', in: 'query', required: false, schema: { type: 'string', examples: ['2026-W48'] } },
          ],
          responses: {
            200: { description: '{ from, to, weeks: [{ region, week, counts, submittedAt }] }' },
            400: error,
            401: error,
          },
        },
      },
      '/api/weekly-overview': {
        get: {
          summary: 'National oversigt: kræftformer × regioner, pres og udvikling de seneste 8 uger',
          security: auth,
          responses: { 200: { description: 'Oversigten' }, 401: error },
        },
      },
      '/api/weekly-overview/{cancerType}': {
        get: {
          summary:
            'Ugeoversigt for én kræftform: afdelingernes seneste tal, ændring, status (forsinket/afventer)',
          security: auth,
          parameters: [{ name: 'cancerType', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'Oversigten' }, 401: error, 404: error },
        },
      },
      '/api/capacity-finder': {
        get: {
          summary: 'Find afdelinger, der kan starte inden for den maksimale ventetid',
          security: auth,
          parameters: [
            {
              name: 'cancerType',
              in: 'query',
              required: true,
              schema: { type: 'string', ...referenceId('cancerTypes', 'brystkraeft') },
            },
            {
              name: 'pathway',
              in: 'query',
              required: true,
              schema: schema(listSchema(WAIT_PATHWAY_LIST)),
            },
            {
              name: 'region',
              in: 'query',
              required: false,
              description: 'Patientens bopælsregion (standard: kalderens region)',
              schema: schema(regionIdSchema),
            },
          ],
          responses: {
            200: {
              description:
                '{ week, hits, external }: afdelinger, bedst først; kan ingen starte inden for maksimum, er external eksterne udbydere med gyldig aftale (ellers tom)',
            },
            400: error,
            401: error,
          },
        },
      },
      ...monitoringOpenApiPaths(error, auth),
      '/api/reference-data': {
        get: {
          summary:
            'Gyldige id’er: regioner, hospitaler, afdelinger, kræftformer, forløbstyper og modaliteter',
          description:
            'Offentlig og skrivebeskyttet (intet token). Hvert id med dansk og engelsk navn; udgåede id’er er ikke med. Vedligeholdes af Specialenheden på /stamdata; ændringer slår igennem inden for et minut.',
          responses: {
            200: {
              description: 'Listerne',
              content: { 'application/json': { example: referenceCatalogueExample() } },
            },
          },
        },
      },
      '/health': { get: { summary: 'Sundhedstjek', responses: { 200: { description: 'OK' } } } },
    },
  };
  return cached;
}
