/**
 * A checker of the W3C Web Annotation Data Model (Recommendation, 23 February 2017), written from the model's
 * MUSTs for the parts an export of tags uses: collections and pages (§5), annotations (§3.1), textual bodies (§3.2.4),
 * specific resources (§4), text quote and text position selectors (§4.2.4, §4.2.5), motivations (§3.3.5), agents
 * (§3.3.3) and times (§3.3.1). It never processes the JSON-LD remotely (there is no network): it checks the shape the
 * model requires of its JSON serialisation. Independent of the implementation under test, on purpose.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** §3.3.5: the motivations (and purposes) the model defines. */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const values = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

/** An IRI reference (absolute, or relative to the document): no spaces, controls or characters IRIs exclude. */
export function isIri(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && !/[\s<>"{}|\\^`\u0000-\u001f\u007f]/.test(v) && !/%(?![0-9A-Fa-f]{2})/.test(v);
}

/** xsd:dateTime; the model says times SHOULD carry a timezone, and this tool's always do. */
export function isDateTimeWithZone(v: unknown): boolean {
  return typeof v === 'string' && /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
}

function checkContext(node: Json, where: string, problems: string[]): void {
  const context = node['@context'];
  if (context === undefined) problems.push(`${where}: @context is required`);
  else if (Array.isArray(context)) {
    if (context.length < 2) problems.push(`${where}: a single @context must be given as a string`);
    if (!context.includes(ANNO_CONTEXT)) problems.push(`${where}: @context must include ${ANNO_CONTEXT}`);
  } else if (context !== ANNO_CONTEXT) problems.push(`${where}: @context must be ${ANNO_CONTEXT}`);
}

function checkType(node: Json, type: string, where: string, problems: string[]): void {
  if (!values(node.type).includes(type)) problems.push(`${where}: type must include ${type}`);
}

function checkId(node: Json, where: string, problems: string[], required: boolean): void {
  if (node.id === undefined) {
    if (required) problems.push(`${where}: id (exactly one IRI) is required`);
  } else if (!isIri(node.id)) problems.push(`${where}: id must be exactly one IRI, not ${JSON.stringify(node.id)}`);
}

function checkMotivations(v: unknown, where: string, problems: string[]): void {
  for (const m of values(v)) {
    if (typeof m !== 'string' || !(MOTIVATIONS as readonly string[]).includes(m)) problems.push(`${where}: ${JSON.stringify(m)} is not a motivation of the model`);
  }
}

function checkAgent(v: unknown, where: string, problems: string[]): void {
  for (const a of values(v)) {
    if (typeof a === 'string') {
      if (!isIri(a)) problems.push(`${where}: an agent given by reference must be an IRI`);
    } else if (!isObject(a)) problems.push(`${where}: an agent must be an IRI or an object`);
    else {
      if (a.id !== undefined && !isIri(a.id)) problems.push(`${where}: an agent's id must be an IRI`);
      for (const t of values(a.type)) if (!['Person', 'Organization', 'Software'].includes(t as string)) problems.push(`${where}: agent type ${JSON.stringify(t)}`);
      for (const n of values(a.name)) if (typeof n !== 'string') problems.push(`${where}: an agent's name must be text`);
    }
  }
}

function checkSelector(s: unknown, where: string, problems: string[]): void {
  if (typeof s === 'string') {
    if (!isIri(s)) problems.push(`${where}: a selector given by reference must be an IRI`);
    return;
  }
  if (!isObject(s)) {
    problems.push(`${where}: a selector must be an object`);
    return;
  }
  const types = values(s.type);
  if (types.includes('TextQuoteSelector')) {
    if (typeof s.exact !== 'string') problems.push(`${where}: a TextQuoteSelector must have exactly one exact (text)`);
    for (const k of ['prefix', 'suffix']) if (s[k] !== undefined && typeof s[k] !== 'string') problems.push(`${where}: TextQuoteSelector ${k} must be one text`);
  } else if (types.includes('TextPositionSelector')) {
    if (!isCount(s.start)) problems.push(`${where}: a TextPositionSelector must have exactly one start, a non-negative integer`);
    if (!isCount(s.end)) problems.push(`${where}: a TextPositionSelector must have exactly one end, a non-negative integer`);
    if (isCount(s.start) && isCount(s.end) && (s.end as number) < (s.start as number)) problems.push(`${where}: TextPositionSelector end is before start`);
  } else if (!types.length) problems.push(`${where}: a selector must have a type`);
  for (const r of values(s.refinedBy)) checkSelector(r, `${where}.refinedBy`, problems);
}

function checkResource(r: unknown, where: string, problems: string[]): void {
  if (typeof r === 'string') {
    if (!isIri(r)) problems.push(`${where}: a resource given by reference must be an IRI`);
    return;
  }
  if (!isObject(r)) {
    problems.push(`${where}: must be an IRI or an object`);
    return;
  }
  const types = values(r.type);
  if (types.includes('TextualBody')) {
    if (typeof r.value !== 'string') problems.push(`${where}: a TextualBody must have exactly one value (text)`);
    checkMotivations(r.purpose, `${where}.purpose`, problems);
    if (r.format !== undefined && typeof r.format !== 'string') problems.push(`${where}: format must be a media type`);
    return;
  }
  if (r.source !== undefined || r.selector !== undefined || types.includes('SpecificResource')) {
    if (!isIri(r.source)) problems.push(`${where}: a SpecificResource must have exactly one source, an IRI`);
    values(r.selector).forEach((s, i) => checkSelector(s, `${where}.selector[${i}]`, problems));
    checkMotivations(r.purpose, `${where}.purpose`, problems);
    return;
  }
  checkId(r, where, problems, true);
}

/** Problems of one Annotation (empty when it conforms). `embedded`: inside a page, whose collection has the @context. */
export function annotationProblems(a: unknown, where = 'annotation', embedded = false): string[] {
  const problems: string[] = [];
  if (!isObject(a)) return [`${where}: must be an object`];
  if (!embedded || a['@context'] !== undefined) checkContext(a, where, problems);
  checkId(a, where, problems, true);
  checkType(a, 'Annotation', where, problems);
  const targets = values(a.target);
  if (!targets.length) problems.push(`${where}: at least one target is required`);
  targets.forEach((t, i) => checkResource(t, `${where}.target${Array.isArray(a.target) ? `[${i}]` : ''}`, problems));
  values(a.body).forEach((b, i) => checkResource(b, `${where}.body${Array.isArray(a.body) ? `[${i}]` : ''}`, problems));
  if (a.bodyValue !== undefined && (typeof a.bodyValue !== 'string' || a.body !== undefined)) problems.push(`${where}: bodyValue is one text, and excludes body`);
  checkMotivations(a.motivation, `${where}.motivation`, problems);
  for (const k of ['created', 'modified', 'generated']) if (a[k] !== undefined && !isDateTimeWithZone(a[k])) problems.push(`${where}: ${k} must be an xsd:dateTime with a timezone`);
  checkAgent(a.creator, `${where}.creator`, problems);
  checkAgent(a.generator, `${where}.generator`, problems);
  return problems;
}

/** Problems of an AnnotationCollection whose pages are embedded, and of every annotation in them. */
export function collectionProblems(c: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(c)) return ['collection: must be an object'];
  checkContext(c, 'collection', problems);
  checkId(c, 'collection', problems, true);
  checkType(c, 'AnnotationCollection', 'collection', problems);
  for (const l of values(c.label)) if (typeof l !== 'string') problems.push('collection: label must be text');
  if (c.total !== undefined && !isCount(c.total)) problems.push('collection: total must be a non-negative integer');
  let count = 0;
  let page: unknown = c.first;
  for (let n = 1; page !== undefined; n++) {
    const where = `page ${n}`;
    if (!isObject(page)) {
      if (!isIri(page)) problems.push(`${where}: must be an IRI or an embedded page`);
      break;
    }
    checkId(page, where, problems, true);
    checkType(page, 'AnnotationPage', where, problems);
    if (page.startIndex !== undefined && !isCount(page.startIndex)) problems.push(`${where}: startIndex must be a non-negative integer`);
    const items = values(page.items);
    if (!items.length) problems.push(`${where}: a page must have one or more items`);
    items.forEach((a, i) => problems.push(...annotationProblems(a, `${where}.items[${i}]`, true)));
    count += items.length;
    page = page.next;
  }
  if (isCount(c.total) && c.total !== count) problems.push(`collection: total is ${String(c.total)} but the pages hold ${count} annotations`);
  return problems;
}
