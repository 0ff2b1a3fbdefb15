/** The corpus analysis as a map step per article and a reduce over the corpus (for distributed engines). */
export { createMapStep, MAP_OUTPUT_VERSION } from './mapOutput';
export type { ArticleMapOutput, MapStep } from './mapOutput';
export { checkMapOutput, MapOutputError, reduceMapOutputs } from './reduce';
export type { ReducedCorpus, ReduceInput } from './reduce';
