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
