/** Who the loop commits as: GitHub's own bot, so commits read as the workflow's. */
export const LOOP_IDENTITY = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
} as const;
