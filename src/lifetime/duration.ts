/** `5400000` → `1h30m`; `0` → `0s`. Rounds down to whole seconds. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : ''
  let seconds = Math.floor(Math.abs(ms) / 1000)
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    if (seconds >= size) {
      parts.push(`${Math.floor(seconds / size)}${unit}`)
      seconds %= size
    }
  }
  return sign + (parts.join('') || '0s')
}
