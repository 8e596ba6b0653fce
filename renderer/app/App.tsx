import { FluentProvider, Title2, webLightTheme } from '@fluentui/react-components';

export function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <main data-testid="app-shell" aria-label="Switchboard">
        <Title2 as="h1">Switchboard</Title2>
      </main>
    </FluentProvider>
  );
}
