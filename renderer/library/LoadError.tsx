/** A page that failed to load: the reason, and a way to try again without reloading the app. */
export function LoadError({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <p role="alert" className="error-text">
      {message}{' '}
      <button type="button" className="button button-small" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}
