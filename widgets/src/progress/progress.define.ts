import { LinliProgress } from './progress';

if (!customElements.get('linli-progress')) customElements.define('linli-progress', LinliProgress);

declare global {
  interface HTMLElementTagNameMap {
    'linli-progress': LinliProgress;
  }
}
