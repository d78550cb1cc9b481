// A small rule language for checking JSON documents against a written specification, so each
// checker reads like the spec's own table of properties. Independent of the renderers' code
// on purpose: a checker that shared their helpers would share their mistakes.

/** How a string must look. */
export type StringFormat = 'uri' | 'date-time';

/** One rule of a specification, for one value. */
export type JsonRule =
  | { readonly type: 'string'; readonly format?: StringFormat; readonly enum?: readonly string[] }
  | {
      readonly type: 'number';
      readonly integer?: boolean;
      readonly minimum?: number;
      readonly maximum?: number;
    }
  | { readonly type: 'boolean' }
  | { readonly type: 'array'; readonly items: JsonRule }
  | ObjectRule
  | { readonly type: 'lazy'; readonly rule: () => JsonRule };

/** An object: its known properties, which are required, and what else it may hold. */
export interface ObjectRule {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonRule>>;
  readonly required?: readonly string[];
  /**
   * `reject` (the default): unknown keys are faults; `underscore`: only `_`-keys may be added;
   * `allow`: anything may be (for parts another specification defines, such as GeoJSON).
   */
  readonly additional?: 'reject' | 'underscore' | 'allow';
  /** Rules across properties, e.g. "one of content_html and content_text". */
  readonly check?: (value: Readonly<Record<string, unknown>>) => readonly string[];
}

// RFC 3986: a scheme, then unreserved, reserved and percent-encoded characters only.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;
// RFC 3339 §5.6 date-time.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function isDateTime(value: string): boolean {
  const parts = DATE_TIME.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
  return (
    (month ?? 0) >= 1 &&
    (month ?? 0) <= 12 &&
    (day ?? 0) >= 1 &&
    (day ?? 0) <= daysInMonth &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 60 &&
    Number(parts[8] ?? 0) <= 23 &&
    Number(parts[9] ?? 0) <= 59
  );
}

function checkString(rule: Extract<JsonRule, { type: 'string' }>, value: string): string[] {
  if (rule.format === 'uri' && !URI.test(value)) return ['is not an absolute URI'];
  if (rule.format === 'date-time' && !isDateTime(value)) return ['is not an RFC 3339 date-time'];
  if (rule.enum && !rule.enum.includes(value)) return [`is not one of ${rule.enum.join(', ')}`];
  return [];
}

function checkNumber(rule: Extract<JsonRule, { type: 'number' }>, value: number): string[] {
  if (!Number.isFinite(value)) return ['is not a finite number'];
  if (rule.integer && !Number.isInteger(value)) return ['is not an integer'];
  if (rule.minimum !== undefined && value < rule.minimum) return [`is below ${rule.minimum}`];
  if (rule.maximum !== undefined && value > rule.maximum) return [`is above ${rule.maximum}`];
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkObject(rule: ObjectRule, value: Record<string, unknown>, path: string): string[] {
  const faults: string[] = [];
  for (const key of rule.required ?? []) {
    if (value[key] === undefined) faults.push(`${path}.${key}: is required`);
  }
  for (const [key, child] of Object.entries(value)) {
    // As in JSON text, where `JSON.stringify` drops it, an undefined property is absent.
    if (child === undefined) continue;
    const childRule = rule.properties[key];
    if (childRule) faults.push(...checkJson(childRule, child, `${path}.${key}`));
    else if (rule.additional === 'allow') continue;
    else if (!(rule.additional === 'underscore' && /^_[A-Za-z]/.test(key)))
      faults.push(`${path}.${key}: is not a property the specification defines`);
  }
  return [...faults, ...(rule.check?.(value) ?? []).map((fault) => `${path}: ${fault}`)];
}

/**
 * Every way `value` breaks `rule`, each as `path: fault` (`$` is the document); empty when it
 * conforms.
 * @example checkJson({ type: 'string', format: 'uri' }, 'x') // ['$: is not an absolute URI']
 */
export function checkJson(rule: JsonRule, value: unknown, path = '$'): string[] {
  const at = (faults: readonly string[]): string[] => faults.map((fault) => `${path}: ${fault}`);
  switch (rule.type) {
    case 'lazy':
      return checkJson(rule.rule(), value, path);
    case 'string':
      return typeof value === 'string' ? at(checkString(rule, value)) : at(['is not a string']);
    case 'number':
      return typeof value === 'number' ? at(checkNumber(rule, value)) : at(['is not a number']);
    case 'boolean':
      return typeof value === 'boolean' ? [] : at(['is not a boolean']);
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => checkJson(rule.items, item, `${path}[${index}]`))
        : at(['is not an array']);
    case 'object':
      return isRecord(value) ? checkObject(rule, value, path) : at(['is not an object']);
  }
}

/** Shorthands for the rules specifications use most. */
export const rules = {
  text: { type: 'string' } as const,
  uri: { type: 'string', format: 'uri' } as const,
  dateTime: { type: 'string', format: 'date-time' } as const,
  number: { type: 'number' } as const,
  arrayOf: (items: JsonRule): JsonRule => ({ type: 'array', items }),
};

/** Thrown by the `assert…` checkers; the message lists every fault found. */
export class JsonSpecError extends Error {
  constructor(
    readonly spec: string,
    readonly faults: readonly string[],
  ) {
    super(`not valid ${spec}:\n${faults.join('\n')}`);
  }
}
