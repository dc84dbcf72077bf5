export { createRenderer, BUILTIN_TEMPLATES_DIR, type Renderer, type RendererOptions } from './renderer.js';
export { BUILTIN_HELPERS } from './helpers.js';
