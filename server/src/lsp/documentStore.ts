// One analysis per document version and settings, shared by every request; settings per document.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeInSteps, type Analysis } from '../core';
import { mergeSettings, type Locale, type Settings, type SettingsLayer } from '../core/settings';
import { settingsLayerProblems } from '../core/settingsCheck';
import type { ProjectConfig } from '../platform';
import { ConfigError } from '../settingsFile';

export interface DocumentState {
  readonly version: number;
  readonly settings: Settings;
  /** Undefined when the document is over the size limit. */
  readonly analysis: Analysis | undefined;
}

export interface StoreHooks {
  /** VS Code's `article.*` settings for a document (only what the user set). */
  fetchEditorSettings(uri: string): Promise<SettingsLayer | undefined>;
  /** The `.article-lint.json` for a document (ServerPlatform.projectConfig); throws ConfigError when unusable. */
  projectConfig(uri: string): Promise<ProjectConfig | undefined>;
  /** Reports a project configuration file that cannot be used at all (once per file and reason). */
  reportConfigError(error: ConfigError): void;
  /** Reports what in a project configuration file is ignored, e.g. a misspelt rule id (once per file and reason). */
  reportConfigProblem(file: string, reason: string): void;
}

export class DocumentStore {
  private readonly states = new Map<string, DocumentState>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly reportedErrors = new Set<string>();
  private readonly running = new Map<string, { version: number; settings: Settings; state: Promise<DocumentState> }>();
  /** Documents between open and close: an analysis that ends after a close is not kept. */
  private readonly open = new Set<string>();
  /** Lets pending messages be handled between two regions of a large document. */
  private readonly pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  constructor(private readonly locale: Locale, private readonly hooks: StoreHooks) {}

  /** Settings for a document: defaults, then .article-lint.json, then the editor's settings. */
  settingsFor(uri: string): Promise<Settings> {
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.loadSettings(uri);
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  private async loadSettings(uri: string): Promise<Settings> {
    const [projectLayer, editorLayer] = await Promise.all([this.projectLayer(uri), this.hooks.fetchEditorSettings(uri).catch(() => undefined)]);
    return mergeSettings({ locale: this.locale }, projectLayer, editorLayer);
  }

  private async projectLayer(uri: string): Promise<SettingsLayer | undefined> {
    try {
      const found = await this.hooks.projectConfig(uri);
      if (!found) return undefined;
      const { file, layer } = found;
      for (const reason of settingsLayerProblems(layer)) {
        const key = `${file}: ${reason}`;
        if (this.reportedErrors.has(key)) continue;
        this.reportedErrors.add(key);
        this.hooks.reportConfigProblem(file, reason);
      }
      return layer;
    } catch (error) {
      if (error instanceof ConfigError && !this.reportedErrors.has(error.message)) {
        this.reportedErrors.add(error.message);
        this.hooks.reportConfigError(error);
      }
      return undefined;
    }
  }

  /** Forgets every document's settings and analysis (settings or a config file changed). */
  invalidateSettings(): void {
    this.settingsCache.clear();
    this.states.clear();
    this.reportedErrors.clear();
  }

  /** A document was opened: its analyses are worth keeping until it closes. */
  opened(uri: string): void {
    this.open.add(uri);
  }

  forget(uri: string): void {
    this.open.delete(uri);
    this.running.delete(uri);
    this.states.delete(uri);
    this.settingsCache.delete(uri);
  }

  /** The analysis of the document's current version, computed at most once per version. */
  async stateOf(document: TextDocument): Promise<DocumentState> {
    const settings = await this.settingsFor(document.uri);
    return this.stateWith(document, settings);
  }

  /**
   * The analysis of the document's current version with these settings. A large document is analysed a
   * region at a time, letting requests for other documents run in between; requests for this version
   * that arrive meanwhile share the one analysis under way.
   */
  stateWith(document: TextDocument, settings: Settings): Promise<DocumentState> {
    const uri = document.uri;
    const version = document.version;
    const cached = this.states.get(uri);
    if (cached && cached.version === version && cached.settings === settings) return Promise.resolve(cached);
    const running = this.running.get(uri);
    if (running && running.version === version && running.settings === settings) return running.state;
    const state = this.analyse(document, settings, cached);
    this.running.set(uri, { version, settings, state });
    const done = () => {
      if (this.running.get(uri)?.state === state) this.running.delete(uri);
    };
    state.then(done, done);
    return state;
  }

  private async analyse(document: TextDocument, settings: Settings, previous: DocumentState | undefined): Promise<DocumentState> {
    const uri = document.uri;
    const version = document.version;
    const text = document.getText();
    // The previous version's analysis lets a large document re-analyse only what the edit touched.
    const analysis =
      text.length > settings.maxDocumentLength ? undefined : await analyzeInSteps(text, settings, previous?.analysis, this.pause);
    const state: DocumentState = { version, settings, analysis };
    // Keep it unless a newer version was analysed meanwhile (or the document closed).
    const current = this.states.get(uri);
    if (this.open.has(uri) && (!current || current.version <= version)) this.states.set(uri, state);
    return state;
  }
}
