/**
 * The project's own hand-annotated regional news the NER model is trained on with CoNLL-2003 train (trainNer.ts,
 * `--domain-weight`): the domain set and its development parts 2 and 3.
 */
import { DOMAIN_PASSAGES } from './ner-domain';
import { DEV2_PASSAGES } from './ner-domain-dev2';
import { DEV3_PASSAGES } from './ner-domain-dev3';

export const DOMAIN_TRAINING_PASSAGES: readonly string[] = [...DOMAIN_PASSAGES, ...DEV2_PASSAGES, ...DEV3_PASSAGES];
