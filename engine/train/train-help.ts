/** The text after `edrsim train --help`: enough for a trainer to run a session from it alone. */

export const TRAIN_HELP = `
How a session goes. For each scenario, in file order, train shows the situation (the description
up to "What to notice"), the fleet with its block-mode-relevant settings, the tenant switch, the
exclusions and indicators, and the timeline with each artifact's ground truth. It asks every
question of that scenario, then reveals the engine's answers with the reasons layer by layer and
the cite, prints "What to notice", and scores one point per right answer. The end shows the score
per scenario and in total. In a terminal, Ctrl-D or Ctrl-C stops early and scores what was done.
Cites are numbered footnotes after each reveal block, with each source's title and link; in a
terminal, the reveal wraps to its width.

Questions come from the scenario's expect entries (--list-questions prints them):
  <artifact>.outcome           every artifact entry   1) blocked  2) detected  3) allowed  4) missed
  <artifact>.detectionStatus   when the entry pins it 1) Blocked  2) Prevented  3) Detected  4) none
  <artifact>.actionCenter      when the entry pins it 1) yes  2) no   (does the Action Center get an entry?)
  <device>@<at>.runningMode    device entries pinning runningMode (no @<at>: at the end of the run)
                               1) Normal  2) Passive Mode  3) EDR Block Mode  4) Not running
Answer with the number or the word, in any case (edr-block-mode works for EDR Block Mode).

Answers file (--answers FILE), YAML or JSON: scenario file -> question id -> answer. Write each
scenario file as train prints it (relative to the current folder) or relative to the answers
file. An empty or missing answer counts as wrong. Every problem is listed at once: an unknown
scenario or question id, an answer that is not one of the choices (with the valid ones).
  "scenarios/05-timing/01-disable-takes-30-minutes.yaml":
    ws-pay-09@25m.runningMode: EDR Block Mode
    ws-pay-09@40m.runningMode: 2
    dump-25m.outcome: blocked
    dump-25m.detectionStatus: Blocked

Report (--report FILE), JSON: { scenarios: [ { file, name, score: { correct, total, percent },
  questions: [ { id, question, expected, given, correct, cite, sources, reasons } ] } ],
  total: { correct, total, percent, scenarios }, stopped }   (given is null when unanswered)

Without --answers, train needs a terminal: with standard input redirected it stops with exit 2.
Exit codes: 0 the session completed (whatever the score), 2 invalid input (a bad scenario, a bad
answers file, no terminal and no --answers), 3 internal error.

Examples:
  $ edrsim train scenarios/01-modes                                # a session at the keyboard
  $ edrsim train scenarios/05-timing/01-disable-takes-30-minutes.yaml
  $ edrsim train scenarios/07-exclusions --list-questions > answers.yaml   # a written exercise:
  $ edrsim train scenarios/07-exclusions --answers answers.yaml --report score.json   # fill in, then mark
  $ edrsim run scenarios/07-exclusions --hide-outcomes > handout.txt      # paper handout: verdicts blanked`;
