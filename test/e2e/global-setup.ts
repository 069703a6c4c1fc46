// Before any browser test: build the widget bundle the server serves at /widgets/linli.js.
// @ts-expect-error: a plain .mjs script without type declarations
import { buildWidgets } from '../../scripts/build-widgets.mjs';

export default async function globalSetup(): Promise<void> {
  await buildWidgets({ quiet: true });
}
