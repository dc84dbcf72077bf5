/** The common generator options live with the generator contract; the config stage reads them from there. */
export { COMMON_GENERATOR_OPTIONS } from '../generators/kit/common-options.js';
