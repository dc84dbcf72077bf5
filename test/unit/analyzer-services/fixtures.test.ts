/** Service fixtures: the model's services, and the ids of the declarations their operations reached. */
import { fixtureSuite } from '../analyzer-entities/fixture-suite.js';

fixtureSuite('analyzer-services', ({ model }) => ({
  services: model.services,
  declarations: model.declarations.map((declaration) => ({ id: declaration.id, generators: declaration.generators })),
}));
