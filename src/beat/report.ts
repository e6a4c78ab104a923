import type { BeatReport } from './run.ts';
import { describeMove } from '../moves/schema.ts';
import { canonicalJson } from '../text/canonical.ts';
import { oneLine } from '../text/fit.ts';
import { plainRow, plainText } from '../text/markdown.ts';

/** The step's outputs, as action.yml declares them. */
export function outputsOf(report: BeatReport): Record<'changed' | 'move' | 'journal', string> {
  const move = report.decision.kind === 'move' ? JSON.stringify(report.decision.move) : '';
  return { changed: String(report.changed), move, journal: report.journal.join('\n') };
}

/** One line for the log: what this beat came to. */
export function headline(report: BeatReport): string {
  const d = report.decision;
  const prefix = report.dryRun ? 'dry run: ' : '';
  switch (d.kind) {
    case 'skipped':
      return `${prefix}no decision: ${d.why}`;
    case 'failed':
      return `${prefix}decide failed: ${d.error}`;
    case 'move':
      return report.dryRun
        ? `${prefix}would ${describeMove(d.move)}; nothing was written`
        : `${describeMove(d.move)}: ${d.outcome?.outcome ?? 'not acted on'}`;
  }
}

/** A table cell of untrusted text: one line, cut, and plain text (plainText escapes its pipes too). */
function cell(text: string, max = 120): string {
  return plainText(oneLine(text, max));
}

/** Where the summary's names lead on GitHub; a local run has none, and then they stay plain text. */
export interface SummaryLinks {
  /** e.g. https://github.com/octo/project */
  readonly repositoryUrl?: string;
  readonly runUrl?: string;
  readonly askFileUrl?: (id: string) => string;
}

function link(text: string, url: string | undefined): string {
  return url === undefined ? text : `[${text}](${url})`;
}

function issueLink(issue: number, links: SummaryLinks): string {
  return link(`#${issue}`, links.repositoryUrl === undefined ? undefined : `${links.repositoryUrl}/issues/${issue}`);
}

/** A column is shown only when some row has something in it. */
function readingsTable(report: BeatReport): string {
  if (report.readings.length === 0) return '_No sensors._\n';
  const changed = new Set(report.changedSignals);
  const withErrors = report.readings.some((r) => r.error !== undefined);
  const rows = report.readings.map((r) => {
    const cells = [r.name, changed.has(r.name) ? '**changed**' : 'same', `<code>${cell(canonicalJson(r.signal), 100)}</code>`];
    return `| ${[...cells, ...(withErrors ? [r.error === undefined ? '–' : cell(r.error)] : [])].join(' | ')} |`;
  });
  const header = ['sensor', 'since the last decision', 'signal', ...(withErrors ? ['error'] : [])];
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows].join('\n') + '\n';
}

function decisionPart(report: BeatReport): string {
  const d = report.decision;
  if (d.kind === 'skipped') return `**No decision:** ${plainText(d.why)}.\n`;
  const cost = d.run?.costUsd === undefined ? '' : ` Cost: $${d.run.costUsd.toFixed(4)}.`;
  const tokens = d.run?.tokensIn === undefined ? '' : ` Tokens: ${d.run.tokensIn} in, ${d.run.tokensOut ?? 0} out.`;
  if (d.kind === 'failed') return `**Decide failed:** ${plainText(d.error)}${cost}${tokens}\n`;
  const move = `\`\`\`json\n${JSON.stringify(d.move, null, 2)}\n\`\`\`\n`;
  const outcome = d.outcome === undefined ? '_Dry run: not acted on, nothing written._' : `**Outcome:** ${d.outcome.outcome}: ${plainText(d.outcome.summary)}`;
  return `**Move:** ${plainText(describeMove(d.move))}.${cost}${tokens}\n\n${move}\n${outcome}\n`;
}

function failureIssueLink(issue: number | undefined, url: string | undefined): string {
  if (issue === undefined) return 'a failure issue (being opened)';
  return link(`#${issue}`, url);
}

/** Why decisions wait for a person, and what the workflow must change. */
function failurePart(report: BeatReport): string {
  const parts: string[] = [];
  if (report.configurationError !== undefined) parts.push(`**Configuration error** (the step fails): ${plainText(report.configurationError)}\n`);
  const paused = report.paused;
  if (paused !== undefined) {
    parts.push(`**Decisions are paused:** they failed (\`${paused.kind}\`); ${failureIssueLink(paused.issue, paused.url)} says how to fix it. Comment \`/resume\` there once it is fixed, change the PLAYBOOK or a goal, or run the workflow with a note.\n`);
  }
  return parts.length === 0 ? '' : `### Failing\n\n${parts.join('\n')}`;
}

function holdsPart(report: BeatReport): string {
  if (report.holds.length === 0) return '';
  return `### Held\n\nGuard sensors hold the loop: \`run\` and \`spawn_worker\` moves wait for a person.\n\n${report.holds.map((h) => `- ${cell(h, 300)}`).join('\n')}\n`;
}

function asksPart(report: BeatReport, links: SummaryLinks): string {
  const open = report.asks.filter((ask) => ask.status === 'pending' || ask.status === 'executing');
  if (open.length === 0) return '';
  const rows = open.map((ask) => `| ${link(ask.id, links.askFileUrl?.(ask.id))} | ${ask.issue === undefined ? 'not opened yet' : issueLink(ask.issue, links)} | ${ask.status} | ${cell(ask.question)} |`);
  return ['### Open asks\n', '| ask | issue | status | question |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** A link read from the state branch, which people edit: only a plain https address becomes one. */
function recordedUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https:\/\/[^\s()<>[\]`"']+$/.test(url) ? url : undefined;
}

function workersPart(report: BeatReport): string {
  const workers = report.workers ?? [];
  if (workers.length === 0) return '';
  const rows = workers.map((w) => {
    const pr = w.pr === undefined ? '' : link(`#${w.pr.number}`, recordedUrl(w.pr.url));
    const run = recordedUrl(w.run?.url ?? w.dispatched?.url);
    const verified = w.verified === undefined ? '' : w.verified.ok ? 'passed' : 'failed';
    return `| ${link(w.id, run)} | ${w.status} | ${w.round} | ${pr} | ${verified} | ${cell(w.reason ?? w.question?.text ?? '')} |`;
  });
  return ['### Workers\n', '| worker | status | round | pull request | verify | why |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** The prompt had to leave things out to fit its budget: a person sees what the decision did not. */
function promptPart(report: BeatReport): string {
  const left = report.promptLeftOut ?? [];
  if (left.length === 0) return '';
  // Our own words and counts, never untrusted text.
  return `The prompt left out (to fit input prompt-budget, or past a part's cap): ${left.join('; ')}.\n`;
}

/** Another beat's claim was left to it: a person watching sees why a resource did not move yet. */
function lookAgainPart(report: BeatReport): string {
  const later = report.lookAgain ?? [];
  if (later.length === 0) return '';
  return later.map(({ resource, at }) => `The ${resource} wait for another beat's claim, settled by ${at}; a beat after that looks again.\n`).join('');
}

function recordedPart(report: BeatReport, links: SummaryLinks): string {
  if (report.commit === undefined) return '';
  const sha = report.commit.sha;
  const where = sha === undefined ? ' nothing new' : ` in ${link(sha.slice(0, 12), links.repositoryUrl === undefined ? undefined : `${links.repositoryUrl}/commit/${sha}`)}`;
  return `Recorded${where}${report.commit.attempts > 1 ? ` after ${report.commit.attempts} push attempts (another beat landed first)` : ''}.\n`;
}

/** The job summary: readings, what changed, the decision, the outcome, each name a link where GitHub has a page for it. */
export function summaryMarkdown(report: BeatReport, links: SummaryLinks = {}): string {
  const parts = [
    `## looop beat ${link(report.beat, links.runUrl)}${report.dryRun ? ' (dry run)' : ''}\n`,
    report.seeded ? 'The state branch did not exist: this beat created it from `loop-state/`.\n' : '',
    `**Changed since the last decision** (${report.lastDecidedAt ?? 'none yet'}): ${report.changed ? 'yes' : 'no'}${report.changedSignals.length > 0 ? ` (signals: ${report.changedSignals.join(', ')})` : ''}.\n`,
    '### Readings\n',
    readingsTable(report),
    '### Decision\n',
    decisionPart(report),
    promptPart(report),
    failurePart(report),
    holdsPart(report),
    asksPart(report, links),
    workersPart(report),
    lookAgainPart(report),
    report.journal.length === 0 ? '' : `### Journal\n\n| time (UTC) | beat | move | summary | outcome | cost |\n| --- | --- | --- | --- | --- | --- |\n${report.journal.map(plainRow).join('\n')}\n`,
    recordedPart(report, links),
    report.problems.length === 0 ? '' : `### To fix in the state branch\n\n${report.problems.map((p) => `- ${plainText(p)}`).join('\n')}\n`,
  ];
  return parts.filter((part) => part !== '').join('\n');
}

/** The log of a beat, in sections the Actions UI folds: what each step saw and did. */
export function logSections(report: BeatReport): { title: string; text: string }[] {
  const changed = new Set(report.changedSignals);
  const readings = report.readings.map((r) => `${r.name}${changed.has(r.name) ? ' (changed)' : ''}: ${canonicalJson(r.signal)}${r.error === undefined ? '' : ` [${r.error}]`}`);
  const open = report.asks.filter((ask) => ask.status === 'pending' || ask.status === 'executing');
  const d = report.decision;
  const move = d.kind === 'move' ? `\n${JSON.stringify(d.move, null, 2)}` : '';
  return [
    { title: 'looop: readings', text: readings.length === 0 ? 'No sensors.' : readings.join('\n') },
    ...(report.holds.length === 0 ? [] : [{ title: 'looop: holds', text: report.holds.join('\n') }]),
    ...(open.length === 0 ? [] : [{ title: 'looop: open asks', text: open.map((ask) => `${ask.id}${ask.issue === undefined ? '' : ` #${ask.issue}`} (${ask.status}): ${ask.question.split('\n')[0] ?? ''}`).join('\n') }]),
    { title: 'looop: decision', text: `${headline(report)}${move}` },
    ...(report.paused === undefined ? [] : [{ title: 'looop: decisions paused', text: `failed (${report.paused.kind}); see ${report.paused.url ?? (report.paused.issue === undefined ? 'the failure issue being opened' : `#${report.paused.issue}`)}` }]),
    ...(report.journal.length === 0 ? [] : [{ title: 'looop: journal', text: report.journal.join('\n') }]),
    ...(report.problems.length === 0 ? [] : [{ title: 'looop: to fix in the state branch', text: report.problems.join('\n') }]),
  ];
}
