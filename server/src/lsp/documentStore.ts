// One analysis per document version and settings, shared by every request; settings per document.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core';
import { mergeSettings, type Locale, type Settings, type SettingsLayer } from '../core/settings';
import { ConfigError, findProjectConfig, readSettingsFile } from '../node/projectConfig';

export interface DocumentState {
  readonly version: number;
  readonly settings: Settings;
  /** Undefined when the document is over the size limit. */
  readonly analysis: Analysis | undefined;
}

export interface StoreHooks {
  /** VS Code's `article.*` settings for a document (only what the user set). */
  fetchEditorSettings(uri: string): Promise<SettingsLayer | undefined>;
  /** Reports a problem with a project configuration file (once per file and reason). */
  reportConfigError(error: ConfigError): void;
}

export class DocumentStore {
  private readonly states = new Map<string, DocumentState>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly reportedErrors = new Set<string>();

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
    const editorLayer = await this.hooks.fetchEditorSettings(uri).catch(() => undefined);
    return mergeSettings({ locale: this.locale }, this.projectLayer(uri), editorLayer);
  }

  private projectLayer(uri: string): SettingsLayer | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = findProjectConfig(path.dirname(fileURLToPath(uri)));
      return file ? readSettingsFile(file) : undefined;
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

  forget(uri: string): void {
    this.states.delete(uri);
    this.settingsCache.delete(uri);
  }

  /** The analysis of the document's current version, computed at most once per version. */
  async stateOf(document: TextDocument): Promise<DocumentState> {
    const settings = await this.settingsFor(document.uri);
    return this.stateWith(document, settings);
  }

  stateWith(document: TextDocument, settings: Settings): DocumentState {
    const cached = this.states.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const text = document.getText();
    // The previous version's analysis lets a large document re-analyse only what the edit touched.
    const analysis = text.length > settings.maxDocumentLength ? undefined : analyze(text, settings, cached?.analysis);
    const state = { version: document.version, settings, analysis };
    this.states.set(document.uri, state);
    return state;
  }
}
