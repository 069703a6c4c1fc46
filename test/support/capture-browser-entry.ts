// What the extension's content script carries: the DOM-agnostic capture engine, without linkedom.
export { extractIssues } from '../../core/capture/index';
