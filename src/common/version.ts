/** The release version; `claude-preflight --version` prints it. Kept equal to package.json's by a test. */
export const VERSION = '0.1.0'
