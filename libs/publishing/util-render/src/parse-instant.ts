import { RenderError } from './render-error.js';

/**
 * Parses an ISO 8601 timestamp. Rendering from the input's own dates (never the clock) is what
 * makes the same stories render the same bytes.
 * @throws RenderError `RENDER_INVALID_DATE` naming the field when the value is not a date.
 */
export function parseInstant(iso: string, field: string): Date {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    throw new RenderError(
      'RENDER_INVALID_DATE',
      `${field} is not an ISO 8601 date: ${JSON.stringify(iso)}`,
    );
  }
  return instant;
}
