// Reading the environment as Claude Code reads it.

/** A flag variable as Claude Code takes it: set, and not `0`, `false`, `no` or `off` (any case, spaces around). */
export const truthy = (value: string | undefined): boolean =>
  !!value && !/^(0|false|no|off)$/i.test(value.trim())
