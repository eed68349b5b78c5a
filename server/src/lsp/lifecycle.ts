// The LSP lifecycle: nothing before initialize but an error (-32002), initialize once, nothing after
// shutdown but exit. The library answers unknown methods and exits on `exit`; the rest is here.

import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export class Lifecycle {
  private phase: 'starting' | 'running' | 'shutDown' = 'starting';

  get running(): boolean {
    return this.phase === 'running';
  }

  get shutDown(): boolean {
    return this.phase === 'shutDown';
  }

  /** The initialize request: accepted once. */
  initialize(): void {
    if (this.phase !== 'starting') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.');
    this.phase = 'running';
  }

  shutdown(): void {
    this.phase = 'shutDown';
  }

  /** Throws the error a request gets outside the running phase. */
  checkRequest(): void {
    if (this.phase === 'starting') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.');
    if (this.phase === 'shutDown') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down.');
  }
}
