import { LinliVote } from './vote';

if (!customElements.get('linli-vote')) customElements.define('linli-vote', LinliVote);

declare global {
  interface HTMLElementTagNameMap {
    'linli-vote': LinliVote;
  }
}
