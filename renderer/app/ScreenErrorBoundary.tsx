/**
 * A screen that throws while rendering (or whose chunk fails to load) shows a sentence and a retry
 * instead of blanking the window; the shell (header, status line) stays usable.
 */
import { Component, type ReactNode } from 'react';
import { appStrings } from '../strings';

interface State {
  error: Error | null;
}

export class ScreenErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="sb-error" role="alert" data-testid="screen-error">
        <p>{appStrings.screenFailed(this.state.error.message)}</p>
        <button type="button" className="sb-button" onClick={() => this.setState({ error: null })}>
          {appStrings.retry}
        </button>
      </div>
    );
  }
}
