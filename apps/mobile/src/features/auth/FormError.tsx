/** A form-level failure (wrong password, expired code …), announced to screen readers. */
export function FormError({ message }: { message: string }) {
  return (
    <div className="form-error" role="alert" data-testid="h5-form-error">
      {message}
    </div>
  );
}
