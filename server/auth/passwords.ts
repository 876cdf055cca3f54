/**
 * Operators' console passwords, hashed with argon2id (@node-rs/argon2, a native build; its
 * parameters are OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane). The
 * parameters are stored inside each hash, so raising them later leaves old hashes readable.
 */
import { randomBytes } from 'node:crypto';
import { hash, hashSync, verify } from '@node-rs/argon2';

// argon2id is the library's default algorithm (its enum is a const enum, which isolated modules cannot read).
const PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const hashPassword = (password: string): Promise<string> => hash(password, PARAMETERS);

/** For the first start, which seeds in one synchronous transaction. */
export const hashPasswordSync = (password: string): string => hashSync(password, PARAMETERS);

/** Checked against a stored hash, or against a throwaway one, so that an unknown name takes as long as a known one. */
export const passwordMatches = async (stored: string | null, password: string): Promise<boolean> => {
  const matches = await verify(stored ?? (await throwawayHash()), password).catch(() => false);
  return stored !== null && matches;
};

let throwaway: Promise<string> | undefined;
const throwawayHash = () => (throwaway ??= hashPassword(randomBytes(16).toString('hex')));

/** A password given out by the service (first start, a reset without one): 16 letters and digits, easy to type. */
export const generatePassword = (): string => {
  // No 0/O, 1/l/I: read aloud over the phone or copied from paper without a mistake.
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
};

/** Why a password cannot be set, or null. */
export const passwordProblem = (password: string): [string, string] | null => {
  if (password.length < MIN_PASSWORD_LENGTH)
    return [`密码至少 ${MIN_PASSWORD_LENGTH} 个字符`, `A password has at least ${MIN_PASSWORD_LENGTH} characters`];
  if (password.length > MAX_PASSWORD_LENGTH)
    return [`密码最多 ${MAX_PASSWORD_LENGTH} 个字符`, `A password has at most ${MAX_PASSWORD_LENGTH} characters`];
  return null;
};

/** Sign-in names: 3–32 lower-case letters, digits, dot, hyphen or underscore. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{2,31}$';
