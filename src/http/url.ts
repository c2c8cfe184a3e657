/**
 * Whether a URL may carry a credential: https, or cleartext http only to this machine (a stand-in, a local gateway),
 * where it never crosses a network.
 */
export function isSafeTransport(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** Why a URL may not carry a credential (not a URL, or cleartext off this machine); undefined when it may. */
export function unsafeTransport(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'is not a URL'
  }
  return isSafeTransport(url) ? undefined : `is not https (${url.protocol}//${url.host})`
}
