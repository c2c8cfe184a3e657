import { run } from './action/renewer.js'

await run()
