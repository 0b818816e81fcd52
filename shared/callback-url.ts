// The rule for a "Public callback URL" (Settings → Providers), shared by the contract's
// validation and the core that stores it. A callback URL carries a per-job secret in its path,
// so it must not cross a network in clear text: https, or plain http only to this machine
// (loopback, e.g. a local test or a tunnel client's own port).

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Why this address cannot be a callback base, or null when it can. */
export function callbackBaseProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full address, e.g. https://my-tunnel.example.com';
  }
  if (url.username || url.password) return 'A callback address cannot carry a user name or password.';
  if (url.search || url.hash) return 'A callback address cannot have a query (?…) or fragment (#…).';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return LOOPBACK.test(url.hostname)
      ? null
      : `Plain http:// would send each job's callback secret unencrypted to ${url.hostname}: use the tunnel's https:// address.`;
  }
  return 'A callback address must start with https://.';
}
