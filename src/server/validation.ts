// Request validation with two Ajv instances. Query strings, params and headers arrive as text, so
// they are coerced to the types their schema names ("20" → 20). A JSON body already carries its
// types, so it is checked as sent: coercing it would turn a `null` dose rate into 0, `""` into 0
// or `"12"` into 12 and store a figure nobody entered.
import type { FastifyInstance } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

// As Fastify's defaults, except that unknown properties are refused by the schemas that say so
// rather than silently removed; allErrors stays off (a crafted body could make it costly).
const BASE: Options = { useDefaults: true, removeAdditional: false, addUsedSchema: false, allErrors: false };

export function installValidation(app: FastifyInstance) {
  const text = addFormats(new Ajv({ ...BASE, coerceTypes: 'array' }));
  const json = addFormats(new Ajv({ ...BASE, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? json : text).compile(schema));
}
