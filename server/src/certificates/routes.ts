import type { FastifyInstance } from 'fastify';
import { requireSession } from '../accounts/routes';
import type { Accounts } from '../accounts/accounts';
import type { CertificateService } from './certificateService';
import type { SigningKeys } from './signingKeys';

const certificateRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    /** The name as the learner typed it, to print on the certificate. */
    name: { type: 'string', minLength: 1, maxLength: 120 },
  },
} as const;

export function registerCertificateRoutes(
  app: FastifyInstance,
  accounts: Accounts,
  keys: SigningKeys,
  certificates: CertificateService,
) {
  /** Public: what anyone needs to verify a certificate offline, revoked keys included. */
  app.get('/v1/certificate-keys', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return keys.published();
  });

  app.post<{ Body: { name: string } }>(
    '/v1/certificates',
    { preHandler: requireSession(accounts), schema: { body: certificateRequestSchema } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const result = await certificates.issue(request.signedIn!.userId, request.body.name);
      switch (result.kind) {
        case 'issued':
          return reply.code(result.isNew ? 201 : 200).send({ code: result.code, certificate: result.certificate });
        case 'rule-not-met':
          return reply.code(422).send({ error: 'rule-not-met', standing: result.standing });
        case 'no-answer-key':
          return reply.code(503).send({ error: 'no-answer-key' });
        case 'invalid-name':
          // Blank once trimmed, over 255 bytes of UTF-8, or holding control characters.
          return reply.code(400).send({ error: 'invalid-name' });
      }
    },
  );
}
