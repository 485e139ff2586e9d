import { z } from 'zod';
import { isHubRequestPath, type HubRequest } from '../../renderer/sync/hubRequest';

/** The largest JSON body the renderer may hand over for a hub route (shares, certificate requests). */
export const MAX_HUB_REQUEST_JSON_BYTES = 256 * 1024;

/**
 * A HubRequest as the renderer hands it to the main process: strict, so an unknown field or a
 * wrong type is refused, and never one of the session's own routes, whose answers carry a token.
 */
const hubRequestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
  path: z.string().refine(isHubRequestPath),
  json: z.unknown().optional(),
  range: z
    .strictObject({
      start: z.number().int().nonnegative(),
      ifRange: z
        .string()
        .max(200)
        .regex(/^[\x21-\x7e]+$/)
        .optional(),
    })
    .optional(),
}) satisfies z.ZodType<HubRequest>;

/** The request, checked; null when it is not one. */
export function toHubRequest(value: unknown): HubRequest | null {
  const parsed = hubRequestSchema.safeParse(value);
  if (!parsed.success) return null;
  const body = parsed.data.json === undefined ? '' : JSON.stringify(parsed.data.json);
  if (body === undefined || body.length > MAX_HUB_REQUEST_JSON_BYTES) return null;
  return parsed.data as HubRequest;
}
