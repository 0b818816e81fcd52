// Kling authenticates each request with a short-lived HS256 JWT signed by the account's secret
// key. We mint one per request (never cache): the engine may hold a call for minutes behind
// backoff, and a token minted at send time cannot expire in the queue.
import { SignJWT } from 'jose';

/** Token lifetime Kling documents; nbf is backdated to absorb small clock skew. */
export const TOKEN_TTL_S = 1800;
export const TOKEN_SKEW_S = 5;

export interface KlingKeys {
  accessKey: string;
  secretKey: string;
}

export async function signKlingToken(keys: KlingKeys, nowMs: number): Promise<string> {
  const nowS = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(keys.accessKey)
    .setExpirationTime(nowS + TOKEN_TTL_S)
    .setNotBefore(nowS - TOKEN_SKEW_S)
    .sign(new TextEncoder().encode(keys.secretKey));
}
