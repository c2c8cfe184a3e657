/**
 * Seals `value` for GitHub with a libsodium sealed box against the scope's public key (base64), as GitHub documents:
 * https://docs.github.com/rest/guides/encrypting-secrets-for-the-rest-api. Returns base64. libsodium (a large WASM
 * module) is imported on first use.
 */
export async function seal(value: string, publicKeyBase64: string): Promise<string> {
  const { default: sodium } = await import('libsodium-wrappers')
  await sodium.ready
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL)
  const box = sodium.crypto_box_seal(sodium.from_string(value), key)
  return sodium.to_base64(box, sodium.base64_variants.ORIGINAL)
}
