// Where a call goes: its path appended to the account's base URL (keeping the base's own path,
// as Luma's .../dream-machine/v1 has), or an absolute http(s) URL as it is.
export function joinUrl(baseUrl: string, path: string): URL {
  if (/^https?:\/\//i.test(path)) return new URL(path);
  return new URL(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
}
