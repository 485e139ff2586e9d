import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../web/cookies';
import { AccountFailure, type Accounts, type Session } from './accounts';

const credentials = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    // A desktop app keeps the token itself (encrypted); a browser gets an HttpOnly cookie instead.
    client: { enum: ['desktop', 'browser'] },
  },
} as const;

const newPassword = { type: 'string', minLength: 10, maxLength: 1024 } as const;

interface Credentials {
  email: string;
  password: string;
  client?: 'desktop' | 'browser';
}

export interface SignedIn {
  userId: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    signedIn?: SignedIn;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

/** A preHandler that refuses a request without a live session. */
export function requireSession(accounts: Accounts) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    const signedIn = token ? await accounts.authenticate(token) : null;
    if (!signedIn) return reply.code(401).send({ error: 'signed-out' });
    request.signedIn = signedIn;
  };
}

function sendSession(reply: FastifyReply, session: Session, client: Credentials['client'], status: number) {
  const expiresAt = session.expiresAt.toISOString();
  if (client === 'browser') {
    return reply.code(status).header('set-cookie', sessionCookie(session.token, session.expiresAt)).send({ expiresAt });
  }
  return reply.code(status).send({ token: session.token, expiresAt });
}

function sendFailure(reply: FastifyReply, error: unknown) {
  if (!(error instanceof AccountFailure)) throw error;
  const status = { 'email-taken': 409, 'bad-credentials': 401, 'rate-limited': 429, 'bad-code': 400 }[error.code];
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(status).send({ error: error.code });
}

export function registerAccountRoutes(app: FastifyInstance, accounts: Accounts) {
  const signedIn = requireSession(accounts);

  app.post<{ Body: Credentials }>(
    '/v1/accounts',
    { schema: { body: { ...credentials, properties: { ...credentials.properties, password: newPassword } } } },
    async (request, reply) => {
      try {
        const { email, password, client = 'desktop' } = request.body;
        return sendSession(reply, await accounts.register(email, password, client), client, 201);
      } catch (error) {
        return sendFailure(reply, error);
      }
    },
  );

  app.post<{ Body: Credentials }>('/v1/sessions', { schema: { body: credentials } }, async (request, reply) => {
    try {
      const { email, password, client = 'desktop' } = request.body;
      return sendSession(reply, await accounts.signIn(email, password, client, request.ip), client, 200);
    } catch (error) {
      return sendFailure(reply, error);
    }
  });

  app.delete('/v1/sessions/current', { preHandler: signedIn }, async (request, reply) => {
    await accounts.revokeSession(request.signedIn!.sessionId);
    return reply.code(204).header('set-cookie', clearedSessionCookie()).send();
  });

  app.delete('/v1/sessions', { preHandler: signedIn }, async (request, reply) => {
    await accounts.revokeAllSessions(request.signedIn!.userId);
    return reply.code(204).header('set-cookie', clearedSessionCookie()).send();
  });

  app.get('/v1/me', { preHandler: signedIn }, async (request) => accounts.profile(request.signedIn!.userId));

  app.post<{ Body: { email: string; code: string; password: string } }>(
    '/v1/password-resets',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'code', 'password'],
          properties: {
            email: credentials.properties.email,
            code: { type: 'string', minLength: 8, maxLength: 32 },
            password: newPassword,
          },
        },
      },
    },
    async (request, reply) => {
      try {
        const { email, code, password } = request.body;
        await accounts.resetPassword(email, code, password, request.ip);
        return reply.code(204).send();
      } catch (error) {
        return sendFailure(reply, error);
      }
    },
  );
}
