/** What a check, a parse or a read answers: the value, or a message (translated) that says what is wrong. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
