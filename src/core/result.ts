/** What a check, a parse or a read answers: the value, or a message (translated) that says what is wrong. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
