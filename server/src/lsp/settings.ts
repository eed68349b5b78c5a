// Each document's settings: the defaults, then the project's (ServerPlatform), then the editor's
// `article.*` settings (workspace/configuration), fetched once per document until settings change.

import { mergeSettings, settingsLayerProblems, type Locale, type Settings, type SettingsLayer } from '../core';
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
    const [project, editor] = await Promise.all([this.projectLayer(uri), this.editorLayer(uri)]);
    return mergeSettings({ locale: this.locale() }, project, editor);
  }

  /** The project's settings file for the document; one that cannot be used is reported and left out. */
  private async projectLayer(uri: string): Promise<SettingsLayer | undefined> {
    try {
      const found = await this.within(this.platform.projectConfig(uri), () => undefined);
      if (!found) return undefined;
      for (const reason of settingsLayerProblems(found.layer)) this.reportOnce('problem', `${found.file}: ${reason}`);
      return found.layer;
    } catch (error) {
      // A ConfigError names its file and reason in one line; anything else is still a reason to show.
      this.reportOnce('error', error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  private editorLayer(uri: string): Promise<SettingsLayer | undefined> {
    return this.within(this.hooks.fetchEditorSettings(uri), () => this.hooks.timedOut(uri)).catch(() => undefined);
  }

  /** The answer, or undefined once the timeout passes (a client that never answers must not hold a document up). */
  private within<T>(answer: Promise<T | undefined>, timedOut: () => void): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        timedOut();
        resolve(undefined);
      }, this.timeoutMs);
      answer.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private reportOnce(kind: 'error' | 'problem', reason: string): void {
    if (this.reported.has(reason)) return;
    this.reported.add(reason);
    this.hooks.reportConfig(kind, reason);
  }
}
