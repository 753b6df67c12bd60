import type { Campaign, ExitScreen } from './campaign';

export interface Outcome {
  score: number | null;
  profile: string | null;
  exitScreenIndex: number | null;
}

type Answers = Record<string, unknown>;

const chosenAnswer = (campaign: Campaign, answers: Answers) =>
  (campaign.questions ?? []).map((question) =>
    (question.answers ?? []).find((answer) => answer.value === answers[question.key])
  );

export const scoreOf = (campaign: Campaign, answers: Answers): number =>
  chosenAnswer(campaign, answers).reduce((sum, answer) => sum + (answer?.points ?? 0), 0);

/** The profile chosen most often; a tie goes to the profile that appears first in question order. */
export const profileOf = (campaign: Campaign, answers: Answers): string | null => {
  const counts = new Map<string, number>();
  for (const answer of chosenAnswer(campaign, answers)) {
    if (answer?.profile) counts.set(answer.profile, (counts.get(answer.profile) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [profile, count] of counts) {
    if (best === null || count > (counts.get(best) ?? 0)) best = profile;
  }
  return best;
};

const matches = (screen: ExitScreen, score: number | null, profile: string | null) => {
  if (screen.match === 'score') {
    if (score === null) return false;
    return (
      (screen.minScore == null || score >= screen.minScore) &&
      (screen.maxScore == null || score <= screen.maxScore)
    );
  }
  if (screen.match === 'profile') return profile !== null && screen.profile === profile;
  return false;
};

/** Score range (quiz) or profile (personality test) first, then the default screen. */
export const evaluateOutcome = (campaign: Campaign, answers: Answers): Outcome => {
  const score = campaign.format === 'quiz' ? scoreOf(campaign, answers) : null;
  const profile = campaign.format === 'personality-test' ? profileOf(campaign, answers) : null;
  const screens = campaign.exitScreens ?? [];
  let index = screens.findIndex((screen) => matches(screen, score, profile));
  if (index < 0) index = screens.findIndex((screen) => screen.match === 'default');
  return { score, profile, exitScreenIndex: index < 0 ? null : index };
};
