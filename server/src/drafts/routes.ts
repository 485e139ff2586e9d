import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireSession } from '../accounts/routes';
import type { Accounts } from '../accounts/accounts';
import type { GranteeRole, Sharing, SharingRefusal } from './sharing';

const EMAIL = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' } as const;
const ROLE = { enum: ['editor', 'reader'] } as const;
const draftParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;
const shareParams = {
  type: 'object',
  required: ['id', 'email'],
  properties: { id: draftParams.properties.id, email: EMAIL },
} as const;

/**
 * `no-draft` is also what a stranger gets: the hub does not say whether a draft it will not
 * show exists.
 */
const REFUSAL_STATUS: Record<SharingRefusal, number> = {
  'no-draft': 404,
  'not-owner': 403,
  'unknown-account': 404,
  self: 400,
  'not-member': 404,
};

function refuse(reply: FastifyReply, kind: SharingRefusal) {
  return reply.code(REFUSAL_STATUS[kind]).send({ error: kind });
}

/** Sharing a draft with other accounts, and who has access: docs/sync-protocol.md, "Drafts written together". */
export function registerDraftRoutes(app: FastifyInstance, accounts: Accounts, sharing: Sharing) {
  const signedIn = requireSession(accounts);
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/v1/drafts/')) reply.header('cache-control', 'no-store');
  });

  app.post<{ Params: { id: string }; Body: { email: string; role: GranteeRole } }>(
    '/v1/drafts/:id/shares',
    {
      preHandler: signedIn,
      schema: {
        params: draftParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'role'],
          properties: { email: EMAIL, role: ROLE },
        },
      },
    },
    async (request, reply) => {
      const { email, role } = request.body;
      const result = await sharing.share(request.signedIn!.userId, request.params.id, email, role);
      if (result.kind !== 'shared') return refuse(reply, result.kind);
      return reply
        .code(result.added ? 201 : 200)
        .send(await sharing.access(request.signedIn!.userId, request.params.id));
    },
  );

  app.put<{ Params: { id: string; email: string }; Body: { role: GranteeRole } }>(
    '/v1/drafts/:id/shares/:email',
    {
      preHandler: signedIn,
      schema: {
        params: shareParams,
        body: { type: 'object', additionalProperties: false, required: ['role'], properties: { role: ROLE } },
      },
    },
    async (request, reply) => {
      const { id, email } = request.params;
      const result = await sharing.changeRole(request.signedIn!.userId, id, email, request.body.role);
      if (result.kind !== 'changed') return refuse(reply, result.kind);
      return reply.send(await sharing.access(request.signedIn!.userId, id));
    },
  );

  app.delete<{ Params: { id: string; email: string } }>(
    '/v1/drafts/:id/shares/:email',
    { preHandler: signedIn, schema: { params: shareParams } },
    async (request, reply) => {
      const { id, email } = request.params;
      const result = await sharing.withdraw(request.signedIn!.userId, id, email);
      if (result.kind !== 'withdrawn') return refuse(reply, result.kind);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/drafts/:id/access',
    { preHandler: signedIn, schema: { params: draftParams } },
    async (request, reply) => {
      const access = await sharing.access(request.signedIn!.userId, request.params.id);
      return access ? reply.send(access) : refuse(reply, 'no-draft');
    },
  );
}
