/** The compact `@validate required,min=3,max=50,email` form, for users coming from Go's tags. */
import { didYouMean } from '../../config/suggest.js';
import type { AnalyzerContext } from '../context.js';
import type { JsDocTag } from '../tags/jsdoc.js';
import type { ConstraintRequest, Rule } from './requests.js';

const COMPACT_RULES: Readonly<Record<string, (arg: string | undefined) => { rule: Rule; value?: string }[]>> = {
  required: () => [{ rule: 'required' }],
  min: (arg) => [{ rule: 'min', value: arg }],
  max: (arg) => [{ rule: 'max', value: arg }],
  len: (arg) => [{ rule: 'min', value: arg }, { rule: 'max', value: arg }],
  email: () => [{ rule: 'format', value: 'email' }],
  uuid: () => [{ rule: 'format', value: 'uuid' }],
  url: () => [{ rule: 'format', value: 'url' }],
  uri: () => [{ rule: 'format', value: 'uri' }],
};

/** Requests from every `@validate` tag; unknown rules are CG2002 with a suggestion. */
export function requestsFromCompact(tags: readonly JsDocTag[], path: string, ctx: AnalyzerContext): ConstraintRequest[] {
  const requests: ConstraintRequest[] = [];
  for (const tag of tags.filter((t) => t.name === 'validate')) {
    for (const item of tag.text.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [name = '', arg] = item.split('=').map((part) => part.trim());
      const expand = COMPACT_RULES[name];
      if (!expand) {
        ctx.report('CG2002', tag.location, `Unknown @validate rule '${name}' on ${path}.${didYouMean(name, Object.keys(COMPACT_RULES))}`, `Known rules: ${Object.keys(COMPACT_RULES).join(', ')}.`);
        continue;
      }
      for (const { rule, value } of expand(arg)) {
        requests.push({ rule, value, written: `@validate ${name}`, location: tag.location });
      }
    }
  }
  return requests;
}
