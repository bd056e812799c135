/**
 * The mentor training as content: a programme's modules (title, short text, an optional link such
 * as a SharePoint page or a Viva Learning course, in German and English) and each mentor's ticks.
 */
import type { IsoDateTime, LocalizedText } from './common';
import type { Participant } from './participant';
import type { Programme } from './programme';

/** One module of a programme's mentor training. */
export interface TrainingModule {
  /** Stable within the programme, e.g. "principles": a mentor's tick names it. */
  id: string;
  title: LocalizedText;
  text: LocalizedText;
  /** https only: a SharePoint page, a Viva Learning course, a video. */
  link?: string;
}

/** Bounds of the modules a manager writes (the API checks them, the console shows them). */
export const TRAINING_LIMITS = { modules: 12, title: 120, text: 1000, link: 2000 } as const;

/** How far a mentor is: modules ticked of the programme's current modules, and whether trained. */
export interface TrainingProgress {
  done: number;
  total: number;
  /** Trained: every module ticked (or, for a programme without modules, the training recorded). */
  completed: boolean;
}

type TrainingFields = Pick<Participant, 'trainingModulesDone' | 'trainingCompletedAt'>;

/** The modules of the programme the mentor has ticked (ticks of modules removed since are ignored). */
export function trainingProgress(p: TrainingFields, programme: Pick<Programme, 'trainingModules'>): TrainingProgress {
  const modules = programme.trainingModules ?? [];
  const done = modules.filter((m) => p.trainingModulesDone?.[m.id]).length;
  return { done, total: modules.length, completed: Boolean(p.trainingCompletedAt) };
}

/**
 * Ticks a module; the tick that completes the set records the training (`trainingCompletedAt`), which
 * matching reads. A completed training stays completed when a manager adds a module later.
 */
export function tickTrainingModule<P extends Participant>(
  p: P,
  programme: Pick<Programme, 'trainingModules'>,
  moduleId: string,
  now: IsoDateTime,
): P {
  if (p.trainingModulesDone?.[moduleId]) return p;
  const ticked = { ...(p.trainingModulesDone ?? {}), [moduleId]: now };
  const modules = programme.trainingModules ?? [];
  const all = modules.length > 0 && modules.every((m) => ticked[m.id]);
  return {
    ...p,
    trainingModulesDone: ticked,
    ...(all && !p.trainingCompletedAt ? { trainingCompletedAt: now } : {}),
    updatedAt: now,
  };
}
