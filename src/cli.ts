import { run } from './cli/index.js'

await run()
