// The stand-ins' throw-away certificate (openssl, this run only), for tests that serve a stand-in over https.
export { selfSignedCertificate } from '../../stand-ins/tls-proxy.js'
