/** Bad matching input: every problem found, each naming the field (the CLI prints them, exit 1). */
export class MatchInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? (problems[0] as string) : `${problems.length} problems:\n- ${problems.join('\n- ')}`);
    this.name = 'MatchInputError';
  }
}
