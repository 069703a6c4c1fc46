// Imported first by bundles evaluated through DevTools in an extension page: there `new Function` looks allowed when
// zod probes it and is refused later (the page's CSP), so zod must be told before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });
