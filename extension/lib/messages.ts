/** What the panel and the background say to each other (runtime messages) and what a clip hands to the panel. */
import type { ExtractResult, Recipe } from '@linli/core/capture';

export interface ClipRequest {
  /** Read only what the user selected on the page. */
  selection: boolean;
  /** Recipes to try (the library's, or one being tested before it is saved). */
  recipes: Recipe[];
  now?: string;
}

export interface ClipResult extends ExtractResult {
  url: string;
  pageTitle: string;
}

export type ClipFailure = 'no-tab' | 'no-access' | 'failed';

export type ClipAnswer = { ok: true; clip: ClipResult } | { ok: false; error: ClipFailure; detail?: string };

export interface PickRequest {
  field: string;
  /** The field's name as the staff member reads it, shown on the page while picking. */
  label: string;
  hint: string;
}

export interface Picked {
  selector: string;
  text: string;
}

export type PickAnswer = { ok: true; picked: Picked | null } | { ok: false; error: ClipFailure; detail?: string };

export type PanelMessage =
  | { type: 'clip'; tabId?: number; selection: boolean; recipes?: Recipe[] }
  | { type: 'pick'; tabId?: number; request: PickRequest };

/** A clip started outside the panel (context menu, shortcut) waits here in session storage until the panel reads it. */
export const PENDING_CLIP = 'pendingClip';
