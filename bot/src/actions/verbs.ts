/** The verbs of Tandem's card actions (Action.Execute `verb`, and `verb` inside Action.Submit data). */
export const VERBS = [
  'help',
  'showStatus',
  'refresh',
  'optIn',
  'declineInvitation',
  'completeTraining',
  'acceptProposal',
  'declineProposal',
  'pickAnotherDay',
  'submitFeedback',
  'submitAssessment',
  'pause',
  'resume',
  'leave',
  'withdrawConsent',
  'registerInterest',
  'shareTestimonial',
  'pauseUntil',
  'endPair',
  'moveSession',
  'moveSessionTo',
  'moveSeries',
  'notifyNext',
] as const;
export type Verb = (typeof VERBS)[number];

/** Cards that can be re-rendered from the current state (the `refresh` verb's `card`). */
export const REFRESHABLE = [
  'invitation',
  'training',
  'proposal',
  'feedback',
  'assessment',
  'membership',
  'welcome',
  'no-slot',
  'testimonial',
  'announcement',
  'tandem',
] as const;
export type RefreshableCard = (typeof REFRESHABLE)[number];
