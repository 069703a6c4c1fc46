import { LinliProposals } from './proposals';

if (!customElements.get('linli-proposals')) customElements.define('linli-proposals', LinliProposals);

declare global {
  interface HTMLElementTagNameMap {
    'linli-proposals': LinliProposals;
  }
}
