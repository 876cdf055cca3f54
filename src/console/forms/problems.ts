/** The service's problems placed by field (a JSON pointer such as /rows/3/name), so each shows next to its input. */
import { ApiError, type Problem } from '../api';

export const problemsOf = (error: unknown): Problem[] => (error instanceof ApiError ? error.problems : []);

/** The problems of one field and of everything inside it. */
export const problemsAt = (problems: Problem[], pointer: string): Problem[] =>
  problems.filter((p) => p.field === pointer || p.field?.startsWith(`${pointer}/`));

/** The problems that no input of the form shows: the form lists them with the refusal. */
export const unplaced = (problems: Problem[], pointers: readonly string[]): Problem[] =>
  problems.filter((p) => !pointers.some((pointer) => problemsAt([p], pointer).length));
