/** The `--save` file: the class state as JSON, its zod schema, and its loading with every problem placed at line:column. */
import { z } from 'zod';
import type { Issue, Result } from '../core/issue.ts';
import { documentData } from '../scenario/text/document-data.ts';
import { fromZodIssues } from '../scenario/text/from-zod-issues.ts';
import { placeIssues } from '../scenario/text/locate.ts';
import { parseSource } from '../scenario/text/parse-source.ts';
import { CONFIDENCES } from '../train/classroom-score.ts';
import { traineeNameSchema } from './request-schemas.ts';

/** A session id: 32 random bytes as hex, the trainee's cookie. */
export const SESSION_ID = /^[0-9a-f]{64}$/;

/** Caps of the save file, so a planted file cannot make the server hold more than a class. */
export const MAX_TRAINEES = 500;
const MAX_QUESTIONS = 5_000;

const key = z.string().min(1).max(4_096);
const time = z.number().int().min(0);

export const savedClassSchema = z
  .object({
    edrsimClassroom: z.literal(1),
    trainees: z
      .array(
        z
          .object({
            session: z.string().regex(SESSION_ID),
            name: traineeNameSchema,
            joinedAt: time,
            hints: z.array(z.object({ question: key, opened: z.number().int().min(0).max(100) }).strict()).max(MAX_QUESTIONS),
            answers: z
              .array(
                z
                  .object({
                    question: key,
                    given: z.string().max(200),
                    confidence: z.enum(CONFIDENCES),
                    hintsOpened: z.number().int().min(0).max(100),
                    at: time,
                  })
                  .strict(),
              )
              .max(MAX_QUESTIONS),
          })
          .strict(),
      )
      .max(MAX_TRAINEES),
    locked: z.array(key).max(MAX_QUESTIONS),
  })
  .strict();

export type SavedClass = z.infer<typeof savedClassSchema>;

const HINT = 'give --save a new file name to start a new class, or repair the file (edrsim writes it; do not edit it by hand)';

/**
 * Parses a save file's text (JSON, with positions) and validates it; every problem carries `file`, line, column
 * and a hint.
 *
 * @example
 * parseSavedClass('{"edrsimClassroom":1,"trainees":[],"locked":[]}', 'class.json').ok; // true
 */
export function parseSavedClass(text: string, file: string): Result<SavedClass> {
  // Parsed as JSON whatever the file is called: a save file is always JSON.
  const parsed = parseSource(text, `${file}.json`);
  if (!parsed.ok) return { ok: false, issues: withFile(parsed.issues, file) };
  const data = documentData(parsed.source.doc, file);
  if (!data.ok) return { ok: false, issues: withFile(data.issues, file) };
  const checked = savedClassSchema.safeParse(data.value);
  if (checked.success) return { ok: true, value: checked.data };
  const issues = fromZodIssues(checked.error.issues, savedClassSchema, data.value, []);
  return { ok: false, issues: withFile(placeIssues(issues, file, parsed.source.locate), file) };
}

function withFile(issues: readonly Issue[], file: string): Issue[] {
  return issues.map((issue) => ({
    ...issue,
    file,
    // The scenario loader's words name the whole document "scenario"; this document is a save file.
    message: `the class save file: ${issue.path.length === 0 ? issue.message.replace(/^scenario /, 'it ') : issue.message}`,
    hint: issue.hint === undefined ? HINT : `${issue.hint}; or ${HINT}`,
  }));
}
