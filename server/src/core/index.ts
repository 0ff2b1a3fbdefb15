/** Public surface of the pure analysis core. */
export * from './types';
export { createCorpusService } from './corpusService';
export type { CorpusService, CorpusServiceInit, AnalysisOptions, DocumentAnalysis, EntityAt } from './corpusService';
export { parseNerModel } from './entities/model';
export type { NerModel } from './entities/model';
export type { EntityCluster, EntityClustering } from './entities/aliases';
export { parseRegistry, serializeRegistry, EMPTY_REGISTRY } from './entities/registry';
export type { EntityRegistry, RegistryEntity } from './entities/registry';
export { describeDate } from './dates/index';
export type { DateOptions, DayOrder } from './dates/index';
export type { BoilerplateCluster } from './boilerplate/index';
export * from './describe';
export * from './annotations/model';
export * from './annotations/anchor';
export * from './annotations/sidecarFormat';
export { LineIndex } from './text/lineIndex';
