// A small JSON-schema validator for the subset GitHub's OpenAPI description uses in request
// bodies and parameters: type (and type arrays), nullable, properties, required,
// additionalProperties, enum, items, oneOf / anyOf (accepted when any branch matches), allOf,
// $ref, min/max items, max properties, min/max length, minimum/maximum.

export interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly enum?: readonly unknown[];
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly maxProperties?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface SchemaError {
  /** Dotted location of the offending value, '' for the root. */
  readonly field: string;
  /** GitHub's error codes: missing_field for absent required properties, invalid otherwise. */
  readonly code: 'missing_field' | 'invalid';
  readonly message: string;
}

export type RefResolver = (ref: string) => Schema;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

function join(field: string, key: string | number): string {
  return field === '' ? String(key) : `${field}.${String(key)}`;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Returns every way `value` fails `schema`; an empty list means it is accepted. */
export function validateSchema(value: unknown, schema: Schema, resolve: RefResolver, field = ''): SchemaError[] {
  if (schema.$ref !== undefined) return validateSchema(value, resolve(schema.$ref), resolve, field);
  if (value === null && schema.nullable === true) return [];
  const errors: SchemaError[] = [];
  const invalid = (message: string): void => {
    errors.push({ field, code: 'invalid', message });
  };

  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => hasType(value, type))) {
      invalid(`${describe(value)} is not ${types.join(' or ')}`);
      return errors;
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((allowed) => allowed === value)) {
    invalid(`${describe(value)} is not one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }

  for (const branch of schema.allOf ?? []) errors.push(...validateSchema(value, branch, resolve, field));
  for (const branches of [schema.oneOf, schema.anyOf]) {
    if (branches === undefined || branches.length === 0) continue;
    const results = branches.map((branch) => validateSchema(value, branch, resolve, field));
    if (results.some((result) => result.length === 0)) continue;
    // One branch: its own errors say more than "matches none".
    if (results.length === 1 && results[0] !== undefined) errors.push(...results[0]);
    else invalid(`${describe(value)} matches none of the allowed forms`);
  }

  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) invalid(`is shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) invalid(`is longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) invalid(`is less than ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) invalid(`is greater than ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) invalid(`has fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) invalid(`has more than ${schema.maxItems} items`);
    const items = schema.items;
    if (items !== undefined) {
      value.forEach((item, index) => errors.push(...validateSchema(item, items, resolve, join(field, index))));
    }
  }
  if (isPlainObject(value)) errors.push(...validateObject(value, schema, resolve, field));
  return errors;
}

function validateObject(
  value: Record<string, unknown>,
  schema: Schema,
  resolve: RefResolver,
  field: string,
): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in value)) {
      errors.push({ field: join(field, name), code: 'missing_field', message: `"${name}" wasn't supplied` });
    }
  }
  const properties = schema.properties ?? {};
  const keys = Object.keys(value);
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    errors.push({ field, code: 'invalid', message: `has more than ${schema.maxProperties} properties` });
  }
  for (const key of keys) {
    const property = properties[key];
    if (property !== undefined) {
      errors.push(...validateSchema(value[key], property, resolve, join(field, key)));
    } else if (schema.additionalProperties === false) {
      errors.push({ field: join(field, key), code: 'invalid', message: `"${key}" is not a permitted key` });
    } else if (isPlainObject(schema.additionalProperties)) {
      errors.push(...validateSchema(value[key], schema.additionalProperties, resolve, join(field, key)));
    }
  }
  return errors;
}
