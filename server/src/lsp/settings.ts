// Each document's settings: the defaults, then the project's (ServerPlatform), then the editor's
// `article.*` settings (workspace/configuration), fetched once per document until settings change.

import { mergeSettings, type Locale, type Settings, type SettingsLayer } from '../core';
import type { ServerPlatform } from './platform';

/**
 * How long the editor's answer to workspace/configuration is waited for. A client that never answers
 * must not leave a document without diagnostics: past this the document is analysed with the project's
 * settings and the defaults.
 */
export const CONFIGURATION_TIMEOUT_MS = 2_000;

export interface SettingsHooks {
  /** The editor's settings for a document (only what the user set); undefined when it has none to give. */
  fetchEditorSettings(uri: string): Promise<SettingsLayer | undefined>;
  /** Shows a reason a project settings file is (partly) ignored; each reason is shown once. */
  reportConfig(kind: 'error' | 'problem', reason: string): void;
  /** The editor did not answer in time for this document. */
  timedOut(uri: string): void;
}

export class DocumentSettings {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();

  constructor(
    /** The editor's language (known once initialized). */
    private readonly locale: () => Locale,
    private readonly platform: ServerPlatform,
    private readonly hooks: SettingsHooks,
    private readonly timeoutMs = CONFIGURATION_TIMEOUT_MS,
  ) {}

  settingsFor(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Settings changed (the editor's or a project file): every document's are fetched again. */
  invalidate(): void {
    this.cache.clear();
    this.reported.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<Settings> {
    const project = this.platform.projectSettings(uri, {
      error: (reason) => this.reportOnce('error', reason),
      problem: (file, reason) => this.reportOnce('problem', `${file}: ${reason}`),
    });
    const editor = await this.editorLayer(uri);
    return mergeSettings({ locale: this.locale() }, project, editor);
  }

  private editorLayer(uri: string): Promise<SettingsLayer | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.hooks.timedOut(uri);
        resolve(undefined);
      }, this.timeoutMs);
      const settle = (layer: SettingsLayer | undefined) => {
        clearTimeout(timer);
        resolve(layer);
      };
      this.hooks.fetchEditorSettings(uri).then(
        (layer) => settle(layer),
        () => settle(undefined),
      );
    });
  }

  private reportOnce(kind: 'error' | 'problem', reason: string): void {
    if (this.reported.has(reason)) return;
    this.reported.add(reason);
    this.hooks.reportConfig(kind, reason);
  }
}
