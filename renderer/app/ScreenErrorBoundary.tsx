/**
 * A screen that throws while rendering shows a sentence and a retry instead of blanking the whole
 * window; the frame (header, banners) stays usable.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
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
      <MessageBar intent="error" layout="multiline" data-testid="screen-error">
        <MessageBarBody>{appStrings.screenFailed(this.state.error.message)}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{appStrings.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
