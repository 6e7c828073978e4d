/**
 * Validates responses against the OpenAPI document the server publishes, so that the
 * tests hold the server to its own contract.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

export interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; required?: boolean }>;
        responses: Record<string, { content?: Record<string, { schema: object }> }>;
      }
    >
  >;
}

export function contractValidator(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  const cache = new Map<string, ValidateFunction>();
  return (path: string, status: number, body: unknown): string[] => {
    const key = `${path} ${status}`;
    let validate = cache.get(key);
    if (!validate) {
      const operation = document.paths[path]?.get;
      if (!operation) return [`${path} is not in the OpenAPI document`];
      const response = operation.responses[String(status)];
      const content = response?.content ?? {};
      const schema = Object.values(content)[0]?.schema;
      if (!schema) return [`${path} has no schema for status ${status}`];
      validate = ajv.compile(schema);
      cache.set(key, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
