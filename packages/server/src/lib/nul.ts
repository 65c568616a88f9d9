/** PostgreSQL cannot store a NUL character (U+0000) in text: input holding one is refused. */
export const NUL = '\u0000';
export const NUL_MESSAGE = 'must not contain a NUL character (\\u0000)';
