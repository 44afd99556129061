/** The zod schema of every request body the classroom accepts: anything else is a 400 before it reaches the class. */
import { z } from 'zod';
import { CONFIDENCES } from '../train/classroom-score.ts';

/** A trainee's name: any Unicode but control characters, 1 to {@link MAX_NAME} characters after trimming. */
export const MAX_NAME = 60;

export const traineeNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(MAX_NAME * 4)
  .refine((name) => [...name].length <= MAX_NAME, `a name has at most ${MAX_NAME} characters`)
  .refine((name) => !/\p{Cc}/u.test(name), 'a name has no control characters');

const question = z.number().int().min(0).max(1_000_000);

export const joinBody = z.object({ name: traineeNameSchema }).strict();

export const answerBody = z.object({ question, answer: z.string().min(1).max(200), confidence: z.enum(CONFIDENCES) }).strict();

export const hintBody = z.object({ question }).strict();

export const lockBody = z.object({ question, locked: z.boolean() }).strict();
