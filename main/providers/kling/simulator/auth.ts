// Kling's auth: `Authorization: Bearer <jwt>`, HS256 with the secret key, iss = access key,
// exp and nbf set by the client. Codes follow Kling's table: 1001 empty, 1002 invalid (bad
// signature, malformed, wrong algorithm), 1000 authentication failed (unknown access key),
// 1003 not yet valid, 1004 expired — the one an adapter answers by re-signing.
import type { IncomingMessage } from 'node:http';
import { errors, jwtVerify } from 'jose';
import { KlingError } from './wire.js';

export interface Keys {
  accessKey: string;
  secretKey: string;
}

export async function verifyBearer(req: IncomingMessage, keys: Keys): Promise<void> {
  const header = req.headers.authorization;
  if (!header) throw new KlingError(401, 1001, 'Authorization is empty');
  const token = /^Bearer\s+(\S+)$/.exec(header)?.[1];
  if (!token) throw new KlingError(401, 1002, 'Authorization is invalid: expected "Bearer <jwt>"');
  try {
    await jwtVerify(token, new TextEncoder().encode(keys.secretKey), {
      algorithms: ['HS256'],
      issuer: keys.accessKey,
      requiredClaims: ['iss', 'exp'],
    });
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new KlingError(401, 1004, 'Authorization has expired: sign a new token');
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.claim === 'iss') throw new KlingError(401, 1000, 'Authentication failed: unknown access key (iss)');
      if (err.claim === 'nbf') throw new KlingError(401, 1003, 'Authorization is not yet valid (nbf is in the future)');
      throw new KlingError(401, 1002, `Authorization is invalid: ${err.message}`);
    }
    throw new KlingError(401, 1002, 'Authorization is invalid: the token is malformed or its signature does not match the secret key');
  }
}
