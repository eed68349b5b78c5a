// Each document's settings: the defaults, then the project's (ServerPlatform), then the editor's
// `article.*` settings (workspace/configuration), fetched once per document until settings change.
// A layer that comes after its timeout is not lost: it joins the document's settings, and the document
// is analysed again (hooks.arrivedLate).

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
  /**
   * A layer that timed out arrived after all: the document's settings now include it, and whatever was
   * published with the settings before is out of date.
   */
  arrivedLate(uri: string): void;
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
    const cached = this.cache.get(uri);
    if (cached) return cached;
    let current: Promise<Settings> = this.load(uri, (settings) => {
      // Settings changed or the document closed meanwhile: the next fetch asks afresh.
      if (this.cache.get(uri) !== current) return;
      current = Promise.resolve(settings);
      this.cache.set(uri, current);
      this.hooks.arrivedLate(uri);
    });
    this.cache.set(uri, current);
    return current;
  }

  /** Settings changed (the editor's or a project file): every document's are fetched again. */
  invalidate(): void {
    this.cache.clear();
    this.reported.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /**
   * The document's settings with the layers that answer in time; a layer that answers later (a busy
   * editor, a project file read over a slow file system) is merged in then and given to `late`, without
   * asking again: an editor that always answers late would otherwise be asked, and time out, forever.
   */
  private async load(uri: string, late: (settings: Settings) => void): Promise<Settings> {
    let project: SettingsLayer | undefined;
    let editor: SettingsLayer | undefined;
    let answered = false;
    const merged = () => mergeSettings({ locale: this.locale() }, project, editor);
    const arrived = () => {
      if (answered) late(merged());
    };
    const [projectInTime, editorInTime] = await Promise.all([
      this.within(this.projectLayer(uri), () => undefined, (layer) => {
        project = layer;
        arrived();
      }),
      this.within(this.editorLayer(uri), () => this.hooks.timedOut(uri), (layer) => {
        editor = layer;
        arrived();
      }),
    ]);
    project ??= projectInTime;
    editor ??= editorInTime;
    answered = true;
    return merged();
  }

  /** The project's settings file for the document; one that cannot be used is reported and left out. */
  private async projectLayer(uri: string): Promise<SettingsLayer | undefined> {
    try {
      const found = await this.platform.projectConfig(uri);
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
    return this.hooks.fetchEditorSettings(uri).catch(() => undefined);
  }

  /**
   * The answer (a promise that does not reject), or undefined once the timeout passes: a client that
   * never answers must not hold a document up. A layer that comes after the timeout goes to `late`
   * (an answer that there is none changes nothing).
   */
  private within<T>(answer: Promise<T | undefined>, timedOut: () => void, late: (value: T) => void): Promise<T | undefined> {
    return new Promise((resolve) => {
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        timedOut();
        resolve(undefined);
      }, this.timeoutMs);
      void answer.then((value) => {
        clearTimeout(timer);
        if (!expired) resolve(value);
        else if (value !== undefined) late(value);
      });
    });
  }

  private reportOnce(kind: 'error' | 'problem', reason: string): void {
    if (this.reported.has(reason)) return;
    this.reported.add(reason);
    this.hooks.reportConfig(kind, reason);
  }
}
